package diff

import (
	"slices"
	"strings"
)

// lines is a Markdown fragment split into lines, each also cleaned
// (cleanLine) once for its significant form, its display words and its
// line diff alike.
type lines struct {
	raw, clean []string
}

func splitLines(text string) lines {
	raw := strings.Split(text, "\n")
	clean := make([]string, len(raw))
	for i, l := range raw {
		clean[i] = cleanLine(l)
	}
	return lines{raw: raw, clean: clean}
}

// significantText is the significant form of a Markdown fragment. A run
// of list items that are only links is a navigation menu; its order is
// layout, so the run is compared sorted.
func significantText(markdown string) string {
	return splitLines(markdown).significant(nil)
}

// significant is the significant form of the lines. forms, when not nil,
// keeps the form of each line by its cleaned text: the two versions of a
// long section that changed in a few lines share the others.
func (ls lines) significant(forms map[string]string) string {
	var w sigWriter
	size := 0
	for _, l := range ls.clean {
		size += len(l) + 1
	}
	w.s.Grow(size)
	nav := sigLines{forms: forms}
	for i, line := range ls.raw {
		nav.add(&w, line, ls.clean[i])
	}
	nav.flush(&w)
	return w.s.String()
}

// sigLines writes the significant form of lines, given one by one with
// their cleaned form. A run of list items that are only links is a
// navigation menu; its order is layout, so the run is written sorted.
type sigLines struct {
	nav   []navLine         // the menu's lines so far
	forms map[string]string // when not nil, the form of each line written, by its cleaned text
}

type navLine struct{ raw, clean string }

func (s *sigLines) add(w *sigWriter, raw, clean string) {
	if isLinkItem(raw) {
		s.nav = append(s.nav, navLine{raw, clean})
		return
	}
	if len(s.nav) > 0 && strings.TrimSpace(raw) == "" {
		return // blank lines between menu items
	}
	s.flush(w)
	s.write(w, clean)
}

// flush writes the pending menu, sorted.
func (s *sigLines) flush(w *sigWriter) {
	slices.SortFunc(s.nav, func(a, b navLine) int { return strings.Compare(a.raw, b.raw) })
	for _, l := range s.nav {
		s.write(w, l.clean)
	}
	s.nav = s.nav[:0]
}

// write writes the significant form of a cleaned line, as
// appendSignificant does: a line's form is the same wherever it is
// written, with a space before it unless it comes first.
func (s *sigLines) write(w *sigWriter, clean string) {
	if s.forms == nil {
		appendSignificant(w, clean)
		return
	}
	form, ok := s.forms[clean]
	if !ok {
		var lw sigWriter
		appendSignificant(&lw, clean)
		form = lw.s.String()
		s.forms[clean] = form
	}
	if form == "" {
		return
	}
	if w.n > 0 {
		w.writeByte(' ')
	}
	w.writeString(form)
}

// words splits the text into words after typography cleaning; they are
// the unit of the word-level diff and of the word counts.
func (ls lines) words() []string {
	size := 0
	for _, line := range ls.clean {
		size += strings.Count(line, " ") + 1
	}
	words := make([]string, 0, size)
	for _, line := range ls.clean {
		if isRuleLine(strings.TrimSpace(line)) {
			continue
		}
		words = appendFields(words, line)
	}
	if len(words) == 0 {
		return nil
	}
	return words
}

// nonEmpty returns the non-empty lines, cleaned like words, for diffing
// very large sections line by line.
func (ls lines) nonEmpty() []string {
	var out []string
	for _, line := range ls.clean {
		if line = collapseSpaces(line); line != "" && !isRuleLine(line) {
			out = append(out, line)
		}
	}
	return out
}

// appendFields is append(dst, strings.Fields(s)...) without the
// intermediate slice.
func appendFields(dst []string, s string) []string {
	for i := 0; ; {
		start, end := nextField(s, i)
		if start == end {
			return dst
		}
		dst = append(dst, s[start:end])
		i = end
	}
}
