package analysis

import (
	"slices"
	"testing"
)

// Every phrase matched inside words must be among the candidates of any
// word its first word matches.
func TestInnerCandidatesHoldEveryMatch(t *testing.T) {
	c := rules()
	var all []entry
	all = append(all, c.inner.anywhere...)
	for _, es := range c.inner.byFirst {
		all = append(all, es...)
	}
	for _, es := range c.inner.byLast {
		all = append(all, es...)
	}
	for _, e := range all {
		for _, a := range e.p[0].alts {
			for _, w := range []string{a.word, "zz" + a.word, a.word + "zz", "zz" + a.word + "zz"} {
				if !e.p[0].matches(w) {
					continue
				}
				first, last, anywhere := c.inner.candidates(w)
				if !slices.ContainsFunc(slices.Concat(first, last, anywhere), func(x entry) bool {
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
