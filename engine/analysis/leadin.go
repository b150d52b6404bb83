package analysis

import (
	"strings"
	"unicode"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// A lead-in is a sentence ending in a colon that introduces a list:
// "You may not use data obtained through the API to:" followed by items
// such as "train machine learning models;", or "We may disable accounts
// that:" followed by the grounds. Each item is a sentence of its own that
// only the lead-in completes: its verb ("train") would read as the
// practice although the lead-in forbids it, and a ground ("post spam")
// states no category although the lead-in's subject is account
// termination. So items take their sense from the lead-in, and state the
// lead-in's categories.
type leadIn struct {
	s        sentence
	ok       bool
	limited  bool      // "only …": the items are what is allowed
	indent   int       // of the lead-in as a list item; -1 when it is none
	verdicts []verdict // what the lead-in states
}

// newLeadIn returns the lead-in that text opens, if it is one. A lead-in
// that introduces exceptions ("We do not share your data, except
// with:") governs nothing: its items are what the rule leaves out.
func newLeadIn(text string, verdicts []verdict, items map[string]int) leadIn {
	if !strings.HasSuffix(strings.TrimSpace(text), ":") {
		return leadIn{}
	}
	l := leadIn{s: tokenize(text), ok: true, indent: -1}
	if n := len(l.s.words); n > 0 && completedByItems(l.s.words[n-1]) {
		l.verdicts = verdicts
	}
	if indent, ok := items[text]; ok {
		l.indent = indent
	}
	for i, w := range l.s.words {
		switch w {
		case "except", "unless", "besides", "exceptions", "excluding":
			return leadIn{}
		case "apart", "other":
			if i+1 < len(l.s.words) && (l.s.words[i+1] == "from" || l.s.words[i+1] == "than") {
				return leadIn{}
			}
		case "only", "solely":
			l.limited = true
		}
	}
	return l
}

// completedByItems reports a last word that leaves the lead-in to be
// completed by each item ("We may disable accounts that:", "… with the
// following:"), so that each item states what the lead-in does. A lead-in
// that is whole before its colon ("We collect your name, email and
// location:") only names a topic its items need not share.
func completedByItems(last string) bool {
	switch last {
	case "that", "who", "which", "if", "when", "whenever", "where", "to", "for", "from", "by", "with",
		"including", "include", "includes", "as", "following", "below", "these", "are", "is", "of", "under":
		return true
	}
	return false
}

// senseFor returns how an item the category states reads under the
// lead-in: prohibiting when the lead-in forbids others to do it,
// restrictive when the platform commits not to do it ("We will never:").
func (l leadIn) senseFor(cat *compiledCategory, sn sense) sense {
	if !l.ok || l.limited || sn != affirmative {
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

// listSentences returns the sentences of a section's list items, each
// with the indentation of its item.
func listSentences(body string) map[string]int {
	out := map[string]int{}
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if !diff.IsListItem(t) {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		for _, s := range diff.Sentences(t) {
			out[s] = indent
		}
	}
	return out
}

// continues reports whether a sentence goes on with the lead-in's list: it
// is an item nested under the lead-in (any item when the lead-in is no
// item itself), or a numbered clause that starts in lower case once its
// number or letter is set aside ("19.3.2 use Grounded Output to train …",
// "(b) selling the data.").
func (l leadIn) continues(text string, items map[string]int) bool {
	if indent, ok := items[text]; ok {
		return indent > l.indent
	}
	t := strings.TrimLeft(strings.TrimSpace(text), "0123456789.()[]- \t")
	if r := []rune(t); len(r) > 1 && (r[1] == ')' || r[1] == '.') && unicode.IsLetter(r[0]) {
		t = strings.TrimSpace(string(r[2:])) // "a) …", "b. …"
	}
	for _, r := range t {
		return unicode.IsLower(r)
	}
	return false
}
