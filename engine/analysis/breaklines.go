package analysis

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// Lists set in one sentence with HTML line breaks.
//
// A table cell often holds a whole list, its entries set apart by HTML
// line breaks ("To run your account, we:<br><br>* verify your number.<br>*
// delete accounts inactive for 120 days."). The cell is one sentence, so
// a change to one entry (a new way of sending the code) makes the whole
// cell a changed sentence, which states every category of its other
// entries (the deletion of inactive accounts) though they are as they
// were. A changed sentence of such lines is read by the lines that
// changed: a line the other version also has, as a line or as a sentence,
// is no change, and the category a changed sentence states only in lines
// the other version has is not changed by it. The first line, unless it
// is a whole sentence, is read with the changed lines: it leads in to the
// list ("We keep the following for a year:") or is the first cell of the
// row, and says what the lines are about. A sentence that is a line of
// the other version's list is no change either: the list was set out as
// Markdown, or the other way.

// breakLines returns the lines of a sentence set apart by HTML line
// breaks, without their list markers; nil when it has fewer than two.
func breakLines(text string) []string {
	if !hasLineBreak(text) {
		return nil
	}
	var out []string
	for _, l := range splitAtLineBreaks(text) {
		l = strings.TrimSpace(l)
		if len(l) >= 2 && strings.ContainsRune("*-+•", rune(l[0])) && l[1] == ' ' {
			l = strings.TrimSpace(l[2:])
		}
		if l != "" {
			out = append(out, l)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// splitAtLineBreaks splits text at its HTML line breaks ("<br>", "<br/>",
// "<BR />"); pieces between two breaks are empty. It runs on every
// sentence with a break, where a regular expression cost a fifth of the
// analysis of a large page.
func splitAtLineBreaks(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '<' {
			continue
		}
		if end := lineBreakEnd(text, i); end > 0 {
			out = append(out, text[start:i])
			start, i = end, end-1
		}
	}
	return append(out, text[start:])
}

// lineBreakEnd returns the end of the line break at text[i] ("<br",
// spaces, an optional "/", ">"), or 0 when there is none.
func lineBreakEnd(text string, i int) int {
	if i+3 >= len(text) || text[i+1]|0x20 != 'b' || text[i+2]|0x20 != 'r' {
		return 0
	}
	j := i + 3
	for j < len(text) && ascii.Space(text[j]) {
		j++
	}
	if j < len(text) && text[j] == '/' {
		j++
	}
	if j < len(text) && text[j] == '>' {
		return j + 1
	}
	return 0
}

// hasLineBreak reports whether s holds "<br" in any case. It runs on
// every sentence of both versions, so it looks at the bytes after each "<"
// instead of lower-casing a copy of the text.
func hasLineBreak(s string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+2 >= len(s) {
			return false
		}
		if s[i+1]|0x20 == 'b' && s[i+2]|0x20 == 'r' {
			return true
		}
		s = s[i+1:]
	}
}

// lineKeys returns the comparison keys of the lines of a version's
// sentences that are lists set with line breaks.
func (m *memo) lineKeys(markdown string) map[string]bool {
	out := map[string]bool{}
	if !hasLineBreak(markdown) {
		return out
	}
	for _, part := range m.split.Parse(markdown) {
		if !hasLineBreak(part.Body) {
			continue
		}
		for _, text := range m.split.Sentences(part.Body) {
			for _, l := range breakLines(text) {
				out[m.sentence(l).key] = true
			}
		}
	}
	return out
}

// markUnchangedLines marks the findings of fs that no line the other
// version lacks states (see above): other holds the comparison keys of the
// other version's sentences and otherLines those of its lines.
func (c *classifier) markUnchangedLines(fs []finding, other, otherLines map[string]bool, m *memo) {
	for i := range fs {
		f := &fs[i]
		if otherLines[f.key] {
			f.sameLines = true
			continue
		}
		lines := breakLines(f.text)
		if lines == nil || f.byTopic || !c.statesOwn(f.text, f.cat, m) {
			continue
		}
		var changed []string
		for li, l := range lines {
			if li == 0 && !strings.ContainsAny(l[len(l)-1:], ".!?") {
				changed = append(changed, l) // what the list is about
				continue
			}
			if k := m.sentence(l).key; !other[k] && !otherLines[k] {
				changed = append(changed, l)
			}
		}
		if len(changed) == len(lines) {
			continue
		}
		f.sameLines = !c.statesOwn(strings.Join(changed, " "), f.cat, m)
	}
}

// statesOwn reports whether text states category ci by its own words.
func (c *classifier) statesOwn(text string, ci int, m *memo) bool {
	for _, v := range c.classified(text, m).verdicts {
		if v.cat == ci {
			return true
		}
	}
	return false
}
