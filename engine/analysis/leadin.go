package analysis

import (
	"strings"
	"unicode"
)

// A lead-in is a sentence ending in a colon that introduces a list:
// "You may not use data obtained through the API to:" followed by items
// such as "train machine learning models;". Each item is a sentence of its
// own, and its verb ("train") would read as the practice; the lead-in
// says it is forbidden or ruled out, so the items take their sense from
// it.
type leadIn struct {
	s  sentence
	ok bool
}

// newLeadIn returns the lead-in that text opens, if it is one whose items
// a negation or prohibition governs. A lead-in that introduces exceptions
// ("We do not share your data, except with:") governs nothing: its items
// are what is allowed.
func newLeadIn(text string) leadIn {
	if !strings.HasSuffix(strings.TrimSpace(text), ":") {
		return leadIn{}
	}
	s := tokenize(text)
	for _, w := range s.words {
		switch w {
		case "except", "unless", "other", "apart", "besides", "only", "exceptions":
			return leadIn{}
		}
	}
	return leadIn{s: s, ok: true}
}

// senseFor returns how an item the category states reads under the
// lead-in: prohibiting when the lead-in forbids others to do it,
// restrictive when the platform commits not to do it ("We will never:").
func (l leadIn) senseFor(cat *compiledCategory, sn sense) sense {
	if !l.ok || sn != affirmative {
		return sn
	}
	if anyContains(cat.restrictions, l.s.words) {
		return prohibiting
	}
	if cat.Negatable && l.platformNegated() {
		return restrictive
	}
	return sn
}

// platformNegated reports a lead-in in which the platform says what it
// does not do: a first-person subject and a negation outside any
// condition ("We do not use your messages to:").
func (l leadIn) platformNegated() bool {
	first, negated := false, false
	for k, w := range l.s.words {
		if l.s.cond[l.s.clause[k]] {
			continue
		}
		switch {
		case w == "we" || w == "us" || w == "our":
			first = true
		case l.s.negatorAt(k):
			negated = true
		}
	}
	return first && negated
}

// isListItem reports whether a sentence reads as an item of a list rather
// than as a sentence of its own: it does not end as a sentence does, or
// it starts in lower case once its number or letter is set aside
// ("19.3.2 use Grounded Output to train …", "(b) selling the data").
func isListItem(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if !strings.ContainsAny(t[len(t)-1:], ".!?") {
		return true
	}
	t = strings.TrimLeft(t, "0123456789.()[]- \t")
	if r := []rune(t); len(r) > 1 && (r[1] == ')' || r[1] == '.') && unicode.IsLetter(r[0]) {
		t = strings.TrimSpace(string(r[2:])) // "a) …", "b. …"
	}
	for _, r := range t {
		return unicode.IsLower(r)
	}
	return false
}
