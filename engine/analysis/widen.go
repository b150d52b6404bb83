package analysis

import (
	"slices"
)

// listWidened reports whether one of the added statements says what a
// removed one said with one more item in one of its lists and nothing
// else changed: "with our payment and delivery providers" become "with
// our payment, loyalty programme and delivery providers", "we may close"
// become "we may suspend or close". The new item is a new recipient,
// purpose, kind of data or consequence, so the practice widened. An item
// that limits the practice ("only", "unless", "sauf", "consent") or states
// one of the category's safeguards is no widening, nor is an example of
// what the list already covered ("such as app identifiers"), nor a longer
// commitment not to do it.
func (c *classifier) listWidened(ci int, added, removed []finding) bool {
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || a.sense != affirmative || r.sense != affirmative {
			continue
		}
		item, ok := insertedItem(tokenize(r.text), tokenize(a.text))
		if ok && !slices.ContainsFunc(item, limitsItem) && !c.statesSafeguard(ci, item) && !illustrates(item) {
			return true
		}
	}
	return false
}

// insertedItem returns the words now has that old lacks when now is old
// with words inserted at one place, and those words are an item of a list:
// a comma follows them, or they start or end with "and" or "or" (in
// English, French or German). ok is false for any other edit.
func insertedItem(old, now sentence) (item []string, ok bool) {
	p := 0
	for p < len(old.words) && p < len(now.words) && old.words[p] == now.words[p] {
		p++
	}
	s := 0
	for s < len(old.words)-p && s < len(now.words)-p && old.words[len(old.words)-1-s] == now.words[len(now.words)-1-s] {
		s++
	}
	end := len(now.words) - s
	if p+s != len(old.words) || end <= p {
		return nil, false
	}
	item = now.words[p:end]
	if !slices.ContainsFunc(item, func(w string) bool { return !isConjunction(w) }) {
		// "Facebook, Instagram" become "Facebook or Instagram": the
		// same items, joined otherwise.
		return nil, false
	}
	commaAfter := end < len(now.words) && len(now.comma) == len(now.words) && now.comma[end]
	if commaAfter || isConjunction(item[0]) || isConjunction(item[len(item)-1]) {
		return item, true
	}
	return nil, false
}

// limitsItem reports whether a word of an inserted item limits the
// practice or rules it out, in English, French or German.
func limitsItem(w string) bool {
	if limitsPractice(w) || isNegator(w) {
		return true
	}
	switch w {
	case "uniquement", "seulement", "exclusivement", "sauf", "si", "sans", "consentement", "accord",
		"nur", "ausschliesslich", "ausser", "ohne", "wenn", "falls", "einwilligung", "zustimmung":
		return true
	}
	return false
}

// statesSafeguard reports whether words say one of category ci's
// safeguards ("aggregated", "anonymised").
func (c *classifier) statesSafeguard(ci int, words []string) bool {
	return slices.ContainsFunc(c.cats[ci].safeguards, func(ps []phrase) bool { return anyContains(ps, words) })
}

// illustrates reports whether an item opens with words that give an
// example of what the list already covered: "such as", "for example",
// "including", "comme", "notamment", "par exemple", "wie", "z. B.".
func illustrates(item []string) bool {
	for _, p := range [][]string{{"such", "as"}, {"for", "example"}, {"for", "instance"}, {"e", "g"}, {"including"},
		{"comme"}, {"notamment"}, {"par", "exemple"}, {"tels", "que"}, {"telles", "que"}, {"tel", "que"}, {"telle", "que"},
		{"wie"}, {"z", "b"}, {"zum", "beispiel"}, {"beispielsweise"}, {"insbesondere"}} {
		if len(item) >= len(p) && slices.Equal(item[:len(p)], p) {
			return true
		}
	}
	return false
}
