package main

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/clausewatch/clausewatch/bench/realworld/mirror"
	"github.com/clausewatch/clausewatch/engine/analysis"
)

// tally accumulates the comparison of the analysis with the labels.
type tally struct {
	pairs, editorialPairs, substantivePairs, noisePairs int
	companies                                           map[string]bool

	perCat map[string]*catTally

	// Materiality is read from the report's JSON, so the scorer works
	// before and after the analysis reports it; hasMateriality is false
	// when no report carried the field.
	hasMateriality                    bool
	editorialRight, editorialClean    int // materiality editorial; no provisions
	editorialUnchanged                int // not seen as a change at all (noise)
	substantiveRight, substantiveSeen int // materiality substantive; changed
	noiseUnchanged                    int // noise pairs not seen as a change
	severityRight, severityPairs      int
	// Severity on the pairs whose provisions were all found and no false
	// one: where it is wrong, the rating is wrong, not the detection.
	severityCleanRight, severityCleanPairs int
	kindRight, kindPairs                   int
	// Evidence quoted by the provisions, and how much of it both versions
	// have unchanged: evidence must be a sentence this change added,
	// removed or modified.
	evidence, evidenceUnchanged int
	wrong                       []miss
}

type catTally struct {
	expected, found, falsePos int
}

type miss struct {
	label             Label
	missing, falsePos []string
	wrongKind         []string // "category want/got"
	unchangedEvidence []string // categories quoting a sentence both versions have
	gotSeverity       string
	gotMateriality    string
}

func score(root string, labels []Label) (*tally, error) {
	t := &tally{perCat: map[string]*catTally{}, companies: map[string]bool{}}
	for _, l := range labels {
		m := mirror.Mirror{Dir: mirror.Path(root, l.Repo)}
		oldText, err := m.Show(l.Old, l.Path)
		if err != nil {
			return nil, err
		}
		newText, err := m.Show(l.New, l.Path)
		if err != nil {
			return nil, err
		}
		r := analysis.Analyze(oldText, newText)
		materiality, err := materialityOf(r)
		if err != nil {
			return nil, fmt.Errorf("%s@%s: %w", l.Path, l.New[:8], err)
		}
		t.add(l, r, materiality, newVersions(oldText, newText))
	}
	return t, nil
}

// materialityOf returns the "materiality" of the report's JSON, empty when
// the analysis does not report one.
func materialityOf(r analysis.Report) (string, error) {
	data, err := json.Marshal(r)
	if err != nil {
		return "", err
	}
	var v struct {
		Materiality string `json:"materiality"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return "", err
	}
	return v.Materiality, nil
}

func (t *tally) cat(id string) *catTally {
	c := t.perCat[id]
	if c == nil {
		c = &catTally{}
		t.perCat[id] = c
	}
	return c
}

func (t *tally) add(l Label, r analysis.Report, materiality string, v versions) {
	t.pairs++
	t.companies[l.Company] = true
	if materiality != "" {
		t.hasMateriality = true
	}
	got := map[string]analysis.Provision{}
	var top analysis.Severity
	for _, p := range r.Provisions {
		got[p.Category] = p
		if top.Less(p.Severity) {
			top = p.Severity
		}
	}
	m := miss{label: l, gotSeverity: string(top), gotMateriality: materiality}
	want := map[string]bool{}
	for _, e := range l.Provisions {
		want[e.Category] = true
		c := t.cat(e.Category)
		c.expected++
		p, ok := got[e.Category]
		if !ok {
			m.missing = append(m.missing, e.Category+" "+e.Change)
			continue
		}
		c.found++
		t.kindPairs++
		if kindAgrees(e.Change, p) {
			t.kindRight++
		} else {
			m.wrongKind = append(m.wrongKind, e.Category+" "+e.Change+"/"+kindOf(p))
		}
	}
	for _, p := range r.Provisions {
		if !want[p.Category] {
			t.cat(p.Category).falsePos++
			m.falsePos = append(m.falsePos, p.Category+" "+p.Change)
		}
		for _, ev := range []string{p.Evidence, p.OldEvidence} {
			if ev == "" {
				continue
			}
			t.evidence++
			if v.bothHave(ev) {
				t.evidenceUnchanged++
				m.unchangedEvidence = append(m.unchangedEvidence, p.Category)
			}
		}
	}
	severityWrong := false
	switch l.Materiality {
	case editorial:
		t.editorialPairs++
		if materiality == editorial {
			t.editorialRight++
		}
		if len(r.Provisions) == 0 {
			t.editorialClean++
		}
		if !r.Changed {
			t.editorialUnchanged++
		}
	case noise:
		t.noisePairs++
		if !r.Changed {
			t.noiseUnchanged++
		}
	case substantive:
		t.substantivePairs++
		if materiality == substantive {
			t.substantiveRight++
		}
		if r.Changed {
			t.substantiveSeen++
		}
		if l.Severity != "" {
			t.severityPairs++
			right := string(top) == l.Severity
			if right {
				t.severityRight++
			} else {
				severityWrong = true
			}
			if len(m.missing) == 0 && len(m.falsePos) == 0 {
				t.severityCleanPairs++
				if right {
					t.severityCleanRight++
				}
			}
		}
	}
	materialityWrong := materiality != "" && materiality != l.Materiality || l.Materiality == noise && r.Changed
	if len(m.missing) > 0 || len(m.falsePos) > 0 || len(m.wrongKind) > 0 || len(m.unchangedEvidence) > 0 || severityWrong || materialityWrong {
		slices.Sort(m.missing)
		slices.Sort(m.falsePos)
		t.wrong = append(t.wrong, m)
	}
}

// restricted is the label for a change whose new text forbids or rules
// out the practice.
const restricted = "restricted"

// kindAgrees reports whether the analysis reports the change as the label
// has it. The analysis's change kinds are added, removed and modified; a
// new prohibition or commitment not to do it is one of those whose
// evidence rules the practice out (its summary says "prohibited" or
// "restricted"), which is what a restricted label means. A practice
// replaced by a commitment not to do it is both removed and ruled out.
func kindAgrees(label string, p analysis.Provision) bool {
	switch {
	case label == restricted:
		return p.RulesOut
	case label == analysis.ChangeRemoved:
		return p.Change == label
	}
	return p.Change == label && !p.RulesOut
}

// kindOf names the analysis's change as labels name it.
func kindOf(p analysis.Provision) string {
	if p.RulesOut && p.Change != analysis.ChangeRemoved {
		return restricted
	}
	return p.Change
}
