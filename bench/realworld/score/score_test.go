package main

import (
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

func TestLabelCheck(t *testing.T) {
	id := strings.Repeat("a", 40)
	ok := Label{Repo: "O/r", Path: "A/Privacy Policy.md", Old: id, New: id, Company: "A", Split: "dev",
		Materiality: substantive, Provisions: []Expected{{Category: "data_sale", Change: "restricted"}}, Severity: "high"}
	tests := []struct {
		name   string
		edit   func(*Label)
		errHas string
	}{
		{"valid", func(*Label) {}, ""},
		{"short commit", func(l *Label) { l.New = "abc" }, "commit ids"},
		{"bad split", func(l *Label) { l.Split = "test" }, "split"},
		{"fresh split", func(l *Label) { l.Split = "fresh" }, ""},
		{"fresh2 split", func(l *Label) { l.Split = "fresh2" }, ""},
		{"fresh3 split", func(l *Label) { l.Split = "fresh3" }, ""},
		{"fresh4 split", func(l *Label) { l.Split = "fresh4" }, ""},
		{"fresh5 split", func(l *Label) { l.Split = "fresh5" }, ""},
		{"fresh6 split", func(l *Label) { l.Split = "fresh6" }, ""},
		{"fresh7 split", func(l *Label) { l.Split = "fresh7" }, ""},
		{"fresh8 split", func(l *Label) { l.Split = "fresh8" }, ""},
		{"fresh9 split", func(l *Label) { l.Split = "fresh9" }, ""},
		{"fresh10 split", func(l *Label) { l.Split = "fresh10" }, ""},
		{"fresh11 split", func(l *Label) { l.Split = "fresh11" }, "split"},
		{"editorial with provisions", func(l *Label) { l.Materiality = editorial }, "no provisions"},
		{"noise with provisions", func(l *Label) { l.Materiality = noise }, "no provisions"},
		{"noise", func(l *Label) { l.Materiality, l.Provisions, l.Severity = noise, nil, "" }, ""},
		{"unknown materiality", func(l *Label) { l.Materiality = "cosmetic" }, "materiality"},
		{"unknown category", func(l *Label) { l.Provisions[0].Category = "tracking" }, "unknown category"},
		{"unknown change", func(l *Label) { l.Provisions[0].Change = "changed" }, "change"},
		{"no severity", func(l *Label) { l.Severity = "" }, "severity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ok
			l.Provisions = append([]Expected(nil), ok.Provisions...)
			tt.edit(&l)
			err := l.check()
			if tt.errHas == "" && err != nil || tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)) {
				t.Errorf("check() = %v, want error containing %q", err, tt.errHas)
			}
		})
	}
}

func TestTallyAdd(t *testing.T) {
	tl := &tally{perCat: map[string]*catTally{}, companies: map[string]bool{}}
	want := Label{Path: "A/Privacy Policy.md", New: strings.Repeat("b", 40), Company: "A", Materiality: substantive,
		Provisions: []Expected{{Category: "ai_training", Change: "added"}, {Category: "data_sale", Change: "removed"}},
		Severity:   "high"}
	got := analysis.Report{Changed: true, Provisions: []analysis.Provision{
		{Category: "ai_training", Change: "modified", Severity: analysis.SeverityHigh},
		{Category: "consent", Change: "added", Severity: analysis.SeverityLow},
	}}
	tl.add(want, got, "", versions{})
	tl.add(Label{Path: "B/Terms.md", New: strings.Repeat("c", 40), Company: "B", Materiality: editorial}, analysis.Report{Changed: true}, "editorial", versions{})

	if c := tl.perCat["ai_training"]; *c != (catTally{expected: 1, found: 1}) {
		t.Errorf("ai_training = %+v", *c)
	}
	if c := tl.perCat["data_sale"]; *c != (catTally{expected: 1}) {
		t.Errorf("data_sale = %+v", *c)
	}
	if c := tl.perCat["consent"]; *c != (catTally{falsePos: 1}) {
		t.Errorf("consent = %+v", *c)
	}
	if tl.kindRight != 0 || tl.kindPairs != 1 || tl.severityRight != 1 || tl.editorialClean != 1 || tl.editorialRight != 1 {
		t.Errorf("tally = %+v", *tl)
	}
	if !tl.hasMateriality || len(tl.wrong) != 1 || len(tl.companies) != 2 {
		t.Errorf("materiality %v, wrong %d, companies %d", tl.hasMateriality, len(tl.wrong), len(tl.companies))
	}

	// The first pair has a missing and a false provision: it is left out
	// of severity on the pairs found right; the third is counted there.
	if tl.severityCleanPairs != 0 {
		t.Errorf("tally = %+v", *tl)
	}
	tl.add(Label{Path: "C/Terms.md", New: strings.Repeat("d", 40), Company: "C", Materiality: substantive,
		Provisions: []Expected{{Category: "arbitration", Change: "added"}}, Severity: "high"},
		analysis.Report{Changed: true, Provisions: []analysis.Provision{{Category: "arbitration", Change: "added", Severity: analysis.SeverityMedium}}}, "substantive", versions{})
	if tl.severityCleanPairs != 1 || tl.severityCleanRight != 0 || tl.severityPairs != 2 {
		t.Errorf("tally = %+v", *tl)
	}
}

func TestTallyNoise(t *testing.T) {
	tl := &tally{perCat: map[string]*catTally{}, companies: map[string]bool{}}
	label := func(c string) Label {
		return Label{Path: c + "/Terms.md", New: strings.Repeat(c, 40), Company: c, Materiality: noise}
	}
	tl.add(label("a"), analysis.Report{}, "", versions{})
	tl.add(label("b"), analysis.Report{Changed: true}, "editorial", versions{})
	if tl.noisePairs != 2 || tl.noiseUnchanged != 1 || tl.editorialPairs != 0 || tl.substantivePairs != 0 {
		t.Errorf("tally = %+v", *tl)
	}
	if len(tl.wrong) != 1 || tl.wrong[0].label.Company != "b" {
		t.Errorf("wrong = %+v, want the pair recorded as a change", tl.wrong)
	}
}

// Evidence must be a sentence the change added, removed or modified: one
// that both versions have, noise aside, is counted and listed.
func TestTallyEvidence(t *testing.T) {
	tl := &tally{perCat: map[string]*catTally{}, companies: map[string]bool{}}
	old := "# Privacy\n\nWe keep your messages for 30 days. We do not sell your data.\n"
	new := "# Privacy\n\nWe keep your messages for 90 days.  We do **not** sell your data.\n"
	l := Label{Path: "A/Privacy Policy.md", New: strings.Repeat("a", 40), Company: "A", Materiality: substantive,
		Provisions: []Expected{{Category: "data_retention", Change: "modified"}}, Severity: "medium"}
	r := analysis.Report{Changed: true, Provisions: []analysis.Provision{
		{Category: "data_retention", Change: "modified", Severity: analysis.SeverityMedium,
			Evidence: "We keep your messages for 90 days.", OldEvidence: "We keep your messages for 30 days."},
		{Category: "data_sale", Change: "added", Severity: analysis.SeverityLow, Evidence: "We do not sell your data."},
	}}
	tl.add(l, r, "substantive", newVersions(old, new))
	if tl.evidence != 3 || tl.evidenceUnchanged != 1 {
		t.Errorf("evidence %d, unchanged %d, want 3 and 1", tl.evidence, tl.evidenceUnchanged)
	}
	if len(tl.wrong) != 1 || strings.Join(tl.wrong[0].unchangedEvidence, ",") != "data_sale" {
		t.Errorf("wrong = %+v, want the pair listed with data_sale's evidence", tl.wrong)
	}
}

// TestKindAgrees: a restricted label is the analysis's provision whose
// evidence rules the practice out, whatever its change kind.
func TestKindAgrees(t *testing.T) {
	tests := []struct {
		label    string
		change   string
		rulesOut bool
		want     bool
	}{
		{"added", "added", false, true},
		{"added", "modified", false, false},
		{"added", "added", true, false}, // a new prohibition is not the practice added
		{"restricted", "added", true, true},
		{"restricted", "modified", true, true},
		{"restricted", "removed", true, true},
		{"restricted", "added", false, false},
		{"removed", "removed", true, true}, // the practice replaced by "we do not …"
		{"removed", "removed", false, true},
		{"modified", "modified", false, true},
		{"modified", "modified", true, false},
	}
	for _, tt := range tests {
		p := analysis.Provision{Category: "ai_training", Change: tt.change, RulesOut: tt.rulesOut}
		if got := kindAgrees(tt.label, p); got != tt.want {
			t.Errorf("kindAgrees(%s, %s rulesOut=%v) = %v, want %v", tt.label, tt.change, tt.rulesOut, got, tt.want)
		}
	}
}
