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

// A semicolon list is one sentence whose items the sentence splitter cut
// at ";" ("We may share: (a) your name with our partners; (b) your
// location with advertisers; and (c) …", "Your messages, to answer you;
// to train our staff; to improve our AI assistant"): each item after the
// first is a sentence that lost the words naming the practice, the data
// or who receives it. semicolonList carries the list's lead-in, the first
// item's words before its own item begins, to the items after it, which
// are read with it as the sentence reads them. The diff keeps comparing
// the items as they are split.
type semicolonList struct {
	first    string // the list's first item, "" when no list is open
	lead     string // the lead-in read of first, once an item asked for it
	leadRead bool
}

// leadFor returns the lead-in that an item continuing the open list
// takes, or "" when text continues no list or the list has none. A
// sentence that starts a paragraph, a list item or a table row continues
// none: a list of bullets each ending in ";" is no one sentence.
func (l *semicolonList) leadFor(text string, blockStart bool) string {
	if l.first == "" || blockStart {
		return ""
	}
	word, ok := itemStart(text)
	if !ok {
		return ""
	}
	if !l.leadRead {
		l.lead, l.leadRead = semicolonLead(l.first, word), true
	}
	return l.lead
}

// advance moves the list past text, which continued it or not: an item
// ending in ";" opens a list or keeps it open, one ending otherwise
// closes it.
func (l *semicolonList) advance(text string, continued bool) {
	if !strings.HasSuffix(strings.TrimRight(text, `"')] `), ";") {
		*l = semicolonList{}
		return
	}
	if !continued {
		*l = semicolonList{first: text}
	}
}

// itemStart returns the first word of a list item after its "and", "or"
// and list letter or number ("and (c) your …", "ii) …"), lower-cased;
// ok is false when the item starts in upper case without a list letter,
// as a new sentence does.
func itemStart(text string) (word string, ok bool) {
	t := strings.TrimSpace(text)
	for _, conj := range []string{"and ", "or ", "and/or "} {
		t = strings.TrimPrefix(t, conj)
	}
	marked := false
	if m := itemMarker(t); m > 0 {
		t, marked = strings.TrimSpace(t[m:]), true
	}
	end := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(t)
	}
	word = t[:end]
	if word == "" {
		return "", false
	}
	first := []rune(word)[0]
	if !marked && !unicode.IsLower(first) {
		return "", false
	}
	return strings.ToLower(word), true
}

// itemMarker returns the length of a list letter or number opening t,
// "(a) ", "(iv) ", "b) ", "(2) ", or 0.
func itemMarker(t string) int {
	i := 0
	if strings.HasPrefix(t, "(") {
		i = 1
	}
	j := i
	for j < len(t) && j-i < 4 && (t[j] >= 'a' && t[j] <= 'z' || t[j] >= '0' && t[j] <= '9') {
		j++
	}
	if j == i || j >= len(t) || t[j] != ')' {
		return 0
	}
	if j-i > 1 && strings.Trim(t[i:j], "ivx") != "" && strings.Trim(t[i:j], "0123456789") != "" {
		return 0 // a word in parentheses, not a letter or a Roman or Arabic number
	}
	if j+1 < len(t) && t[j+1] != ' ' {
		return 0
	}
	return j + 1
}

// semicolonLead returns the words of a list's first item that lead to its
// items: those before a parenthesis the item leaves open ("… about you
// (including your contact details;"), before its last colon ("We may
// share:"), before its own list letter ("We share (a) …"), or before the
// comma that opens an item starting as the next one does ("Your
// messages, to answer you;" before "to improve …"). It is "" when the
// first item has none of them, or too few words to lead.
func semicolonLead(first, next string) string {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(first, `"' `), ";"))
	lead := ""
	depth, open := 0, -1
	for i, r := range t {
		switch r {
		case '(':
			if depth == 0 {
				open = i
			}
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
	}
	switch {
	case depth > 0 && open > 0:
		lead = t[:open]
	case strings.LastIndex(t, ": ") > 0:
		lead = t[:strings.LastIndex(t, ": ")+1]
	default:
		for i := 1; i < len(t); i++ {
			if t[i] == '(' && t[i-1] == ' ' && itemMarker(t[i:]) > 0 {
				lead = t[:i]
				break
			}
		}
		if lead == "" {
			if i := strings.LastIndex(t, ", "+next+" "); i > 0 {
				lead = t[:i+1]
			}
		}
	}
	lead = strings.TrimSpace(lead)
	if len(strings.Fields(lead)) < 3 {
		return ""
	}
	return lead
}
