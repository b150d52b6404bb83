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
	return splitLines(markdown).significant()
}

func (ls lines) significant() string {
	var b strings.Builder
	size := 0
	for _, l := range ls.clean {
		size += len(l) + 1
	}
	b.Grow(size)
	ls.appendSignificant(&b)
	return b.String()
}

// appendSignificant writes the significant form to b, with a space before
// it when b is not empty.
func (ls lines) appendSignificant(b *strings.Builder) {
	var nav []int // indexes of the menu's lines
	flushNav := func() {
		slices.SortFunc(nav, func(i, j int) int { return strings.Compare(ls.raw[i], ls.raw[j]) })
		for _, i := range nav {
			appendSignificant(b, ls.clean[i])
		}
		nav = nav[:0]
	}
	for i, line := range ls.raw {
		if isLinkItem(line) {
			nav = append(nav, i)
			continue
		}
		if len(nav) > 0 && strings.TrimSpace(line) == "" {
			continue // blank lines between menu items
		}
		flushNav()
		appendSignificant(b, ls.clean[i])
	}
	flushNav()
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
