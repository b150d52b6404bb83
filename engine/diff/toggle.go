package diff

import (
	"strings"
	"unicode"
)

// maxToggleWords bounds the words of a toggle's label ("Read lessRead
// more" holds both of its states).
const maxToggleWords = 4

// toggleLink reports a run that is only links whose labels open or close
// a folded passage ("Read more", "Show less", "Read lessRead more", the
// two states of one button saved glued): a page that folds its long
// sections shows such a button after each, and where it leads says
// nothing the document binds anyone to. A link with any other word
// ("Read our partners", "More about ads") is text.
func toggleLink(words []string) bool {
	run := strings.Join(words, " ")
	if run == "" || !linksOnly.MatchString(run) {
		return false
	}
	labels, _ := splitLinks(words)
	for _, label := range labels {
		if !toggleLabel(label) {
			return false
		}
	}
	return len(labels) > 0
}

// toggleLabel reports a label made only of a verb of showing and "more"
// or "less", once words glued without a space are split where a capital
// follows a small letter.
func toggleLabel(label string) bool {
	var b strings.Builder
	prev := ' '
	for _, r := range label {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	words := strings.Fields(strings.ToLower(strings.Trim(b.String(), "*_ ")))
	if len(words) == 0 || len(words) > maxToggleWords {
		return false
	}
	degree := false
	for _, w := range words {
		w = strings.TrimRight(w, ".…")
		switch {
		case w == "more" || w == "less":
			degree = true
		case !toggleVerbs[w]:
			return false
		}
	}
	return degree
}

var toggleVerbs = boolSet(`read show see view`)
