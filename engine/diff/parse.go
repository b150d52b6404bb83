package diff

import (
	"strings"
	"unicode"
)

// Part is one section of a Markdown document: a heading and the text up to
// the next heading. The text before the first heading is a part with an
// empty Heading and Level 0.
type Part struct {
	Heading string // heading text without Markdown markers
	Level   int    // 1–6 for ATX/setext headings, 7 for a bold line used as a heading
	Body    string // Markdown between this heading and the next
}

// Parse splits a Markdown document into parts at its headings: ATX
// headings of any level, setext headings, and lines that are entirely bold
// (converted pages often mark headings that way).
func Parse(markdown string) []Part {
	doc := strings.ReplaceAll(markdown, "\r\n", "\n")
	lines := strings.Split(doc, "\n")
	var parts []Part
	cur := Part{}
	// The body's lines follow each other in doc: the body is a slice of
	// it, from the start of its first line to the end of its last.
	bodyStart, bodyEnd, offset := -1, -1, 0
	closePart := func() {
		cur.Body = ""
		if bodyStart >= 0 {
			cur.Body = strings.TrimSpace(doc[bodyStart:bodyEnd])
		}
		if cur.Heading != "" || cur.Body != "" || cur.Level != 0 {
			parts = append(parts, cur)
		}
		bodyStart, bodyEnd = -1, -1
	}
	inFence := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		lineStart := offset
		offset += len(line) + 1 // the next line starts after the newline
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			inFence = !inFence
		}
		if !inFence {
			if text, level, ok := headingLine(trimmed); ok {
				closePart()
				cur = Part{Heading: text, Level: level}
				continue
			}
			if i+1 < len(lines) && trimmed != "" && !isRuleLine(trimmed) && (i == 0 || strings.TrimSpace(lines[i-1]) == "") {
				if level := setextLevel(strings.TrimSpace(lines[i+1])); level > 0 && !isListItem(trimmed) {
					closePart()
					cur = Part{Heading: headingText(trimmed), Level: level}
					i++
					offset += len(lines[i]) + 1
					continue
				}
			}
		}
		if bodyStart < 0 {
			bodyStart = lineStart
		}
		bodyEnd = lineStart + len(line)
	}
	closePart()
	return parts
}

// headingLine recognizes an ATX heading or a bold-only line.
func headingLine(line string) (string, int, bool) {
	if strings.HasPrefix(line, "#") {
		level := len(line) - len(strings.TrimLeft(line, "#"))
		rest := line[level:]
		if level <= 6 && (rest == "" || rest[0] == ' ') {
			rest = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "#"))
			if text := headingText(rest); text != "" {
				return text, level, true
			}
		}
		return "", 0, false
	}
	for _, mark := range []string{"**", "__"} {
		if len(line) > 4 && len(line) <= 140 && strings.HasPrefix(line, mark) && strings.HasSuffix(line, mark) {
			inner := line[2 : len(line)-2]
			if !strings.Contains(inner, mark) && strings.TrimSpace(inner) == inner && !endsSentence(inner) {
				return headingText(inner), 7, true
			}
		}
	}
	return "", 0, false
}

// endsSentence reports text that reads as a sentence rather than a title;
// a bold sentence is emphasis, not a heading.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"')`)
	return strings.HasSuffix(s, ".") && strings.Count(s, " ") > 8
}

func setextLevel(next string) int {
	if len(next) < 2 {
		return 0
	}
	switch {
	case strings.Trim(next, "=") == "":
		return 1
	case strings.Trim(next, "-") == "":
		return 2
	}
	return 0
}

// IsListItem reports whether a trimmed Markdown line is a list item
// ("* …", "- …", "1. …", "2) …").
func IsListItem(line string) bool { return isListItem(line) }

func isListItem(line string) bool {
	if len(line) >= 2 && strings.ContainsRune("-*+", rune(line[0])) && line[1] == ' ' {
		return true
	}
	i := 0
	for i < len(line) && unicode.IsDigit(rune(line[i])) {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// headingText is the display form of a heading: typography cleaned,
// emphasis and escapes removed, whitespace collapsed. One emphasis closed
// and the next opened with no space between ("**Example.com****Privacy
// Notice**") parts two words, as in a body (appendTokens).
func headingText(s string) string {
	s = cleanLine(s)
	if strings.Contains(s, "****") {
		s = strings.ReplaceAll(s, "****", "** **")
	}
	if strings.Contains(s, "____") {
		s = strings.ReplaceAll(s, "____", "__ __")
	}
	return collapseSpaces(stripEmphasis(s))
}

// headingKey is the heading without its numbering ("5. Governing Law",
// "Section 5 - Governing Law" and "V. Governing Law" all give
// "governing law"), used to follow renumbered sections.
func headingKey(heading string) string {
	fields := strings.Fields(strings.ToLower(significantText(heading)))
	for len(fields) > 0 && isNumbering(fields[0]) {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}

// headingSig is the significant form of a heading without its numbering
// but with its case: renumbering alone is layout, a reworded heading is
// not.
func headingSig(heading string) string {
	fields := strings.Fields(significantText(heading))
	for len(fields) > 0 && isNumbering(strings.ToLower(fields[0])) {
		fields = fields[1:]
	}
	return strings.Join(fields, " ")
}

func isNumbering(w string) bool {
	marked := strings.HasSuffix(w, ".") || strings.HasSuffix(w, ")")
	w = strings.Trim(w, ".():-")
	switch w {
	case "", "section", "article", "part", "chapter", "§":
		return true
	}
	if strings.Trim(w, "0123456789.") == "" {
		return true
	}
	// Letters and roman numerals count only when marked ("b)", "iv."),
	// so that words such as "civil" stay.
	if !marked {
		return false
	}
	return len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' || strings.Trim(w, "ivxlc") == "" && len(w) <= 5
}
