package diff

import (
	"slices"
	"strings"
)

// maxStreamEdits bounds the words that the two versions do not share,
// counted as bags of words, and maxStream the words between their common
// start and end, for the versions to be diffed whole: the diff costs
// O(N·D), and an editorial change edits few words.
const (
	maxStreamEdits = 400
	maxStream      = 20_000
)

// restructured reports whether sections were added, removed or renamed
// and none moved: only then can the same words sit under other headings
// in the same order, which the section by section check cannot see. A
// moved section is a change of order, never editorial.
func restructured(sections []Section) bool {
	if slices.ContainsFunc(sections, func(s Section) bool { return s.Kind == KindMoved }) {
		return false
	}
	return slices.ContainsFunc(sections, func(s Section) bool {
		return s.Kind == KindAdded || s.Kind == KindRemoved || s.OldHeading != ""
	})
}

// fewEdits reports whether the words of a and b, as bags, differ by at
// most maxStreamEdits.
func fewEdits(a, b []string) bool {
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	for _, w := range b {
		count[w]--
	}
	diff := 0
	for _, c := range count {
		diff += max(c, -c)
	}
	return diff <= maxStreamEdits
}

// stream checks the two versions as one run of words each, headings
// included: text that became a headed section of its own where it stood
// ("… credits: 1. Withdrawal policy You have the right …" turned into a
// heading and its paragraph) differs only in layout. Text moved elsewhere
// still shows as removed in one place and added in another.
func (m *materiality) stream() bool {
	a, b := streamWords(m.oldParts), streamWords(m.newParts)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	oldMid, newMid := a[p:len(a)-s], b[p:len(b)-s]
	if len(oldMid)+len(newMid) > maxStream || !fewEdits(oldMid, newMid) {
		return false
	}
	ops := wordOps(oldMid, newMid)
	if p > 0 {
		ops = slices.Insert(ops, 0, Op{Kind: OpEqual, Text: strings.Join(a[max(0, p-contextWords):p], " ")})
	}
	if s > 0 {
		ops = append(ops, Op{Kind: OpEqual, Text: strings.Join(a[len(a)-s:min(len(a), len(a)-s+contextWords)], " ")})
	}
	return m.ops("", ops)
}

// streamWords is a version's headings and display words in order.
func streamWords(parts []*part) []string {
	var out []string
	for _, p := range parts {
		out = append(out, strings.Fields(p.Heading)...)
		out = append(out, p.words()...)
	}
	return out
}
