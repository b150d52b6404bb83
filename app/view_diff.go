package app

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/engine/diff"
)

// diffContextWords is how many unchanged words are kept on each side of a
// change; longer unchanged stretches are cut to an ellipsis.
const diffContextWords = 30

// opView is one run of words to show: Kind is "equal", "insert" or
// "delete". Text is third-party text: templates print it escaped.
type opView struct {
	Kind string
	Text string
}

// sectionView is one changed section in both layouts: Inline has every
// run, Old and New the runs of each side for the side-by-side view.
type sectionView struct {
	Heading    string
	OldHeading string
	Kind       string
	Inline     []opView
	Old        []opView
	New        []opView
}

// diffView is the rendering of a comparison. Inline selects the layout.
type diffView struct {
	Inline   bool
	Sections []sectionView
	Stats    diff.Stats
}

func newDiffView(r diff.Result, inline bool) diffView {
	v := diffView{Inline: inline, Stats: r.Stats, Sections: make([]sectionView, 0, len(r.Sections))}
	for _, s := range r.Sections {
		sv := sectionView{Heading: s.Heading, OldHeading: s.OldHeading, Kind: s.Kind}
		for i, op := range s.Ops {
			text := op.Text
			if op.Kind == diff.OpEqual {
				text = trimContext(text, i > 0, i < len(s.Ops)-1)
			}
			ov := opView{Kind: op.Kind, Text: text}
			sv.Inline = append(sv.Inline, ov)
			if op.Kind != diff.OpInsert {
				sv.Old = append(sv.Old, ov)
			}
			if op.Kind != diff.OpDelete {
				sv.New = append(sv.New, ov)
			}
		}
		v.Sections = append(v.Sections, sv)
	}
	return v
}

// trimContext shortens an unchanged run to the words next to the changes
// around it: the start of the run when a change precedes it, its end when
// one follows.
func trimContext(text string, before, after bool) string {
	words := strings.Fields(text)
	keep := 0
	if before {
		keep += diffContextWords
	}
	if after {
		keep += diffContextWords
	}
	if len(words) <= keep+diffContextWords/2 {
		return text
	}
	var head, tail []string
	if before {
		head = words[:diffContextWords]
	}
	if after {
		tail = words[len(words)-diffContextWords:]
	}
	parts := make([]string, 0, 3)
	if len(head) > 0 {
		parts = append(parts, strings.Join(head, " "))
	}
	parts = append(parts, "…")
	if len(tail) > 0 {
		parts = append(parts, strings.Join(tail, " "))
	}
	return strings.Join(parts, " ")
}

// diffResult is the comparison inside an analysis report.
func diffResult(r analysis.Report) diff.Result {
	return diff.Result{Changed: r.Changed, Sections: r.Sections, Stats: r.Stats}
}
