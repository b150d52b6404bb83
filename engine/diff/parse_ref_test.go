package diff

import (
	"slices"
	"strings"
	"testing"
)

// parseReference is Parse as first written, joining each body's lines;
// Parse, which slices bodies out of the document, must agree with it.
func parseReference(markdown string) []Part {
	lines := strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n")
	var parts []Part
	cur := Part{}
	var body []string
	closePart := func() {
		cur.Body = strings.TrimSpace(strings.Join(body, "\n"))
		if cur.Heading != "" || cur.Body != "" || cur.Level != 0 {
			parts = append(parts, cur)
		}
		body = body[:0]
	}
	inFence := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
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
					continue
				}
			}
		}
		body = append(body, line)
	}
	closePart()
	return parts
}

func FuzzParseAgreesWithReference(f *testing.F) {
	for _, s := range []string{
		"",
		"# Title\n\nIntro.\n\n## Part\n\nBody text.\r\nMore.\n",
		"Setext\n======\n\ntext\n\nSub\n---\nbody\n\n**Bold heading**\nafter",
		"```\n# not a heading\n```\n  \n# H\n\n\n",
		"text only\nno heading",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Parse(s), parseReference(s); !slices.Equal(got, want) {
			t.Errorf("Parse(%q) = %+v, want %+v", s, got, want)
		}
	})
}
