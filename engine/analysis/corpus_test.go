package analysis

import (
	"encoding/json"
	"testing"

	"github.com/clausewatch/clausewatch/engine/corpustest"
)

// expectation is the expected.json of a corpus pair (see the corpus README).
type expectation struct {
	Changed     bool       `json:"changed"`
	MustInclude [][]string `json:"must_include"`
	MayInclude  []string   `json:"may_include"`
	MinSeverity Severity   `json:"min_severity"`
	MaxSeverity Severity   `json:"max_severity"`
}

func TestSharedCorpus(t *testing.T) {
	for _, p := range corpustest.Pairs(t) {
		t.Run(p.Name, func(t *testing.T) { checkPair(t, p.Dir) })
	}
}

// checkPair analyzes old.md/new.md of a pair directory against its
// expected.json.
func checkPair(t *testing.T, dir string) {
	t.Helper()
	oldText, newText, want := readPair(t, dir)
	checkReport(t, Analyze(oldText, newText), want)
}

func checkReport(t *testing.T, r Report, want expectation) {
	t.Helper()
	if r.Changed != want.Changed {
		t.Errorf("changed = %v, want %v", r.Changed, want.Changed)
	}
	if !r.Changed && (len(r.Provisions) > 0 || len(r.Sections) > 0 || r.Summary != NoChange) {
		t.Errorf("noise pair reported %q, %d sections, %d provisions", r.Summary, len(r.Sections), len(r.Provisions))
	}
	allowed := map[string]bool{}
	for _, c := range want.MayInclude {
		allowed[c] = true
	}
	for _, mi := range want.MustInclude {
		allowed[mi[0]] = true
		found := false
		for _, p := range r.Provisions {
			if p.Category == mi[0] && p.Change == mi[1] {
				found = true
			}
		}
		if !found {
			t.Errorf("missing provision %s %s", mi[0], mi[1])
		}
	}
	for _, p := range r.Provisions {
		if !allowed[p.Category] {
			t.Errorf("unexpected provision %s %s: %q", p.Category, p.Change, p.Evidence)
		}
	}
	highest := HighestSeverity(r.Provisions)
	if want.MinSeverity != "" && highest.Less(want.MinSeverity) {
		t.Errorf("highest severity %q, want at least %q", highest, want.MinSeverity)
	}
	if want.MaxSeverity != "" && want.MaxSeverity.Less(highest) {
		t.Errorf("highest severity %q, want at most %q", highest, want.MaxSeverity)
	}
	if t.Failed() {
		b, _ := json.MarshalIndent(r, "", "  ")
		t.Logf("report:\n%s", b)
	}
}
