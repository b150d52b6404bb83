package analysis

import (
	"slices"
	"testing"
)

// Every phrase must be among the candidates of any word its first word
// matches: whole, as a stem starting or ending the word, or inside it.
func TestCandidatesHoldEveryMatch(t *testing.T) {
	c := rules()
	all := slices.Clone(c.index.anywhere)
	for _, m := range []map[string][]entry{c.index.byWord, c.index.byStem, c.index.byLast} {
		for _, es := range m {
			all = append(all, es...)
		}
	}
	for _, e := range all {
		for _, a := range e.p[0].alts {
			for _, w := range []string{a.word, "zz" + a.word, a.word + "zz", "zz" + a.word + "zz"} {
				if !e.p[0].matches(w) {
					continue
				}
				cs := c.index.candidates(w)
				if !slices.ContainsFunc(slices.Concat(cs[:]...), func(x entry) bool {
					return x.cat == e.cat && x.cue == e.cue && x.role == e.role && slices.EqualFunc(x.p, e.p, sameItem)
				}) {
					t.Errorf("word %q matches %+v but is not among its candidates", w, e.p[0])
				}
			}
		}
	}
}

func sameItem(a, b item) bool {
	return a.gap == b.gap && slices.Equal(a.alts, b.alts)
}
