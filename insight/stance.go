package insight

import (
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// Stance values the pages read before the rule table names finer ones:
// the latest version states the provision, or does not.
const (
	StanceStated    = "states it"
	StanceNotStated = "not stated"
)

// Stance is what a platform's current documents say about one provision
// category, with the sentence that says it.
type Stance struct {
	Value     string // StanceStated, StanceNotStated
	Statement string // the stance in plain words, for the page's lead
	Evidence  string
	DocType   string
	Severity  analysis.Severity
}

// Stated reports whether the documents state the provision at all.
func (s Stance) Stated() bool { return s.Value != StanceNotStated && s.Value != "" }

// found is one statement of a provision in one document's latest version.
type found struct {
	doc       Document
	provision analysis.Provision
}

// stanceOf reads the stance on a category from the statements found in a
// platform's documents (in document order). The first document that
// states it gives the evidence; the highest severity counts.
func stanceOf(name string, cat analysis.Category, fs []found) Stance {
	if len(fs) == 0 {
		return Stance{Value: StanceNotStated, Statement: name + "'s current documents do not state a provision on " + TitleInSentence(cat.Title) + "."}
	}
	s := Stance{Value: StanceStated, Evidence: fs[0].provision.Evidence, DocType: fs[0].doc.DocType}
	for _, f := range fs {
		if s.Severity.Less(f.provision.Severity) {
			s.Severity = f.provision.Severity
		}
	}
	s.Statement = name + "'s " + s.DocType + " states a provision on " + TitleInSentence(cat.Title) + "."
	return s
}

// TitleInSentence is a category title as it reads inside a sentence:
// "Data sale" becomes "data sale", "AI training" keeps its capitals.
func TitleInSentence(title string) string {
	if title == "" || (len(title) > 1 && title[1] >= 'A' && title[1] <= 'Z') {
		return title
	}
	return string(title[0]|0x20) + title[1:]
}

// statements lists where the category is stated in docs, given the
// provisions of each version.
func statements(docs []Document, provisions map[int64][]analysis.Provision, category string) []found {
	var out []found
	for _, d := range docs {
		ps := provisions[d.VersionID]
		if i := slices.IndexFunc(ps, func(p analysis.Provision) bool { return p.Category == category }); i >= 0 {
			out = append(out, found{doc: d, provision: ps[i]})
		}
	}
	return out
}
