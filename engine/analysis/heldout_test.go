package analysis

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// heldoutDir holds pairs written from real policy wording independently of
// the rule table, to measure how the rules generalize (see issue targets).
const heldoutDir = "testdata/heldout"

// heldoutScore is the accuracy of the rules over a set of labelled pairs.
type heldoutScore struct {
	pairs, expected, found  int
	falseCategories         int
	noisePairs, noiseSilent int
}

// recall is the share of expected provisions found.
func (s heldoutScore) recall() float64 {
	if s.expected == 0 {
		return 1
	}
	return float64(s.found) / float64(s.expected)
}

// falsePer10 is the number of categories reported that a pair does not
// allow, per ten pairs.
func (s heldoutScore) falsePer10() float64 {
	if s.pairs == 0 {
		return 0
	}
	return float64(s.falseCategories) * 10 / float64(s.pairs)
}

// scorePair adds one pair's outcome to s and returns what went wrong, for
// the log.
func (s *heldoutScore) scorePair(r Report, want expectation) []string {
	var misses []string
	s.pairs++
	allowed := map[string]bool{}
	for _, c := range want.MayInclude {
		allowed[c] = true
	}
	for _, mi := range want.MustInclude {
		allowed[mi[0]] = true
		s.expected++
		found := false
		for _, p := range r.Provisions {
			found = found || (p.Category == mi[0] && p.Change == mi[1])
		}
		if found {
			s.found++
		} else {
			misses = append(misses, "missing "+mi[0]+" "+mi[1])
		}
	}
	reported := map[string]bool{}
	for _, p := range r.Provisions {
		if !allowed[p.Category] && !reported[p.Category] {
			s.falseCategories++
			misses = append(misses, "false "+p.Category+" "+p.Change+": "+p.Evidence)
		}
		reported[p.Category] = true
	}
	if !want.Changed {
		s.noisePairs++
		if !r.Changed && len(r.Provisions) == 0 {
			s.noiseSilent++
		} else {
			misses = append(misses, "noise pair not silent: "+r.Summary)
		}
	}
	return misses
}

func TestHeldoutAccuracy(t *testing.T) {
	entries, err := os.ReadDir(heldoutDir)
	if err != nil {
		t.Fatalf("held-out set: %v", err)
	}
	var s heldoutScore
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(heldoutDir, e.Name())
		oldMD, newMD, want := readPair(t, dir)
		for _, m := range s.scorePair(Analyze(oldMD, newMD), want) {
			t.Logf("%s: %s", e.Name(), m)
		}
	}
	t.Logf("held-out: %d pairs, recall %.1f%% (%d/%d), %.2f false categories per 10 pairs, noise silent %d/%d",
		s.pairs, 100*s.recall(), s.found, s.expected, s.falsePer10(), s.noiseSilent, s.noisePairs)
	if s.pairs < 40 || s.noisePairs < 8 {
		t.Fatalf("held-out set too small: %d pairs, %d noise pairs", s.pairs, s.noisePairs)
	}
	if s.recall() < 0.95 {
		t.Errorf("recall %.3f below 0.95", s.recall())
	}
	if s.falsePer10() > 1 {
		t.Errorf("%.2f false categories per 10 pairs, above 1", s.falsePer10())
	}
	if s.noiseSilent != s.noisePairs {
		t.Errorf("%d of %d noise pairs reported something", s.noisePairs-s.noiseSilent, s.noisePairs)
	}
}

func TestHeldoutScore(t *testing.T) {
	prov := func(cat, change string) Provision { return Provision{Category: cat, Change: change} }
	tests := []struct {
		name                           string
		report                         Report
		want                           expectation
		found, expected, falses, noisy int
	}{
		{"found", Report{Changed: true, Provisions: []Provision{prov("arbitration", "added")}},
			expectation{Changed: true, MustInclude: [][]string{{"arbitration", "added"}}}, 1, 1, 0, 0},
		{"wrong change kind", Report{Changed: true, Provisions: []Provision{prov("arbitration", "removed")}},
			expectation{Changed: true, MustInclude: [][]string{{"arbitration", "added"}}}, 0, 1, 0, 0},
		{"false category counted once", Report{Changed: true, Provisions: []Provision{prov("consent", "added"), prov("consent", "removed")}},
			expectation{Changed: true}, 0, 0, 1, 0},
		{"may include allowed", Report{Changed: true, Provisions: []Provision{prov("consent", "added")}},
			expectation{Changed: true, MayInclude: []string{"consent"}}, 0, 0, 0, 0},
		{"noise reported", Report{Changed: true},
			expectation{Changed: false}, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s heldoutScore
			s.scorePair(tt.report, tt.want)
			if s.found != tt.found || s.expected != tt.expected || s.falseCategories != tt.falses || s.noisePairs-s.noiseSilent != tt.noisy {
				t.Errorf("score = %+v", s)
			}
		})
	}
}

// readPair reads old.md, new.md and expected.json of a pair directory.
func readPair(t *testing.T, dir string) (string, string, expectation) {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var want expectation
	if err := json.Unmarshal(read("expected.json"), &want); err != nil {
		t.Fatalf("%s expected.json: %v", dir, err)
	}
	return string(read("old.md")), string(read("new.md")), want
}
