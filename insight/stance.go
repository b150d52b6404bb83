package insight

import (
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// StanceStated is the stance on a category whose rules define no stance
// values, when the documents state it; otherwise it is not stated.
const (
	StanceStated    = "stated"
	stanceStatedIn  = "states it"
	stanceNotStated = "not stated"
)

// Stance is what a platform's current documents say about one provision
// category: the stance value of its rules ("permits with opt-out"), the
// statement in plain words, the sentences it rests on and the controls
// they name.
type Stance struct {
	ID        string // rule value id: "permits_with_opt_out"; "not_stated", StanceStated
	Value     string // in words: "permits with opt-out", "not stated"
	Statement string // a sentence naming the platform, for the page's lead
	Evidence  string // the most telling sentence, empty when not stated
	Sentences []string
	Section   string // heading of the evidence
	Controls  []analysis.Control
	DocType   string
	Severity  analysis.Severity // of the provision the documents state, if any
	// Rank orders stances as the rules try them: the first value of the
	// rule file ranks 0, not stated ranks last.
	Rank int
}

// Stated reports whether the documents say anything the stance rests on.
func (s Stance) Stated() bool { return s.Evidence != "" }

// docStance is one document's stance on a category; ok is false when the
// document says nothing about it.
func docStance(cat analysis.Category, docType string, r Reading) (Stance, bool) {
	if len(cat.Stance.Values) > 0 {
		i := slices.IndexFunc(r.Stances, func(s analysis.Stance) bool { return s.Category == cat.ID })
		if i < 0 || len(r.Stances[i].Evidence) == 0 {
			return Stance{}, false
		}
		st := r.Stances[i]
		rank := slices.IndexFunc(cat.Stance.Values, func(v analysis.StanceValue) bool { return v.ID == st.Stance })
		return Stance{ID: st.Stance, Value: st.Name, Statement: st.Statement, Evidence: st.Evidence[0], Sentences: st.Evidence,
			Section: st.Section, Controls: st.Controls, DocType: docType, Rank: rank}, true
	}
	i := slices.IndexFunc(r.Provisions, func(p analysis.Provision) bool { return p.Category == cat.ID })
	if i < 0 {
		return Stance{}, false
	}
	p := r.Provisions[i]
	return Stance{ID: StanceStated, Value: stanceStatedIn, Statement: "states a provision on " + TitleInSentence(cat.Title),
		Evidence: p.Evidence, Sentences: []string{p.Evidence}, Section: p.Section, DocType: docType}, true
}

// stanceOf reads a platform's stance on a category from the readings of
// its documents: the document whose stance comes first in the rule's order
// speaks for the platform (a permission in the terms outweighs a
// restraint in the privacy policy), the first such document on a tie.
func stanceOf(name string, cat analysis.Category, docs []Document, readings map[int64]Reading) Stance {
	best, found := Stance{}, false
	var sev analysis.Severity
	for _, d := range docs {
		r := readings[d.VersionID]
		if st, ok := docStance(cat, d.DocType, r); ok && (!found || st.Rank < best.Rank) {
			best, found = st, true
		}
		for _, p := range r.Provisions {
			if p.Category == cat.ID && sev.Less(p.Severity) {
				sev = p.Severity
			}
		}
	}
	if !found {
		return notStated(name, cat)
	}
	best.Statement = name + " " + best.Statement + "."
	best.Severity = sev
	return best
}

// notStated is the stance of a platform whose documents say nothing about
// the category, as its rules name that case.
func notStated(name string, cat analysis.Category) Stance {
	st := Stance{ID: analysis.StanceNotStated, Value: stanceNotStated, Rank: len(cat.Stance.Values) + 1,
		Statement: name + "'s current documents do not state a provision on " + TitleInSentence(cat.Title) + "."}
	if cat.Stance.NotStated != "" {
		st.Statement = name + " " + cat.Stance.NotStated + "."
	}
	if a := cat.Stance.Absent; a.ID != "" {
		st.ID, st.Value = a.ID, a.Name
	}
	return st
}

// TitleInSentence is a category title as it reads inside a sentence:
// "Data sale" becomes "data sale", "AI training" keeps its capitals.
func TitleInSentence(title string) string {
	if title == "" || (len(title) > 1 && title[1] >= 'A' && title[1] <= 'Z') {
		return title
	}
	return string(title[0]|0x20) + title[1:]
}

// statements lists where the category is stated in docs: each document's
// own stance, in document order.
func statements(cat analysis.Category, docs []Document, readings map[int64]Reading) []docStatement {
	var out []docStatement
	for _, d := range docs {
		if st, ok := docStance(cat, d.DocType, readings[d.VersionID]); ok {
			out = append(out, docStatement{doc: d, stance: st})
		}
	}
	return out
}

// docStatement is one document's own stance.
type docStatement struct {
	doc    Document
	stance Stance
}

// Concern levels of a stance, for colouring: how much it asks of a
// compliance team.
const (
	ConcernHigh    = "high"    // the practice, with no control named
	ConcernMedium  = "medium"  // the practice with an opt-out, or for ads
	ConcernLow     = "low"     // the practice only with consent
	ConcernNone    = "none"    // ruled out, or not done
	ConcernUnknown = "unknown" // not stated, or a category without stance values
)

// concernOf rates the stance values of the rule files; a value not listed
// here is rated by the severity of the provision, as a category without
// stance values is.
var concernOf = map[string]string{
	"permits": ConcernHigh, "sells": ConcernHigh, "personalized": ConcernHigh, "collects": ConcernHigh,
	"mandatory": ConcernHigh, "waived": ConcernHigh, "precise": ConcernHigh,
	"permits_with_opt_out": ConcernMedium, "shares_for_ads": ConcernMedium, "personalized_with_opt_out": ConcernMedium,
	"with_opt_out_window": ConcernMedium, "approximate": ConcernMedium,
	"requires_consent": ConcernLow, "collects_with_consent": ConcernLow,
	"prohibits": ConcernNone, "does_not_sell": ConcernNone, "not_personalized": ConcernNone,
	"does_not_collect": ConcernNone, "none": ConcernNone,
}

// Concern is how much the stance asks of a compliance team: ConcernHigh
// down to ConcernNone, or ConcernUnknown when nothing is stated.
func (s Stance) Concern() string {
	if c, ok := concernOf[s.ID]; ok {
		return c
	}
	if !s.Stated() || !s.Severity.Valid() {
		return ConcernUnknown
	}
	return s.Severity.String()
}
