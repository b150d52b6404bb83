package diff

import "strings"

// copyLinkLabel is the label of the button that copies a section's
// address on help-centre pages. The short lines right after it are the
// page's suggested questions, which rotate from one visit to the next.
const copyLinkLabel = "copy link"

// minChips is the fewest suggested questions a block holds: a single
// short line after the button is read as text.
const minChips = 3

// maxChipWords bounds the words of one suggested question.
const maxChipWords = 8

// onlySuggestions reports two versions that are the same once the
// suggested questions after each "Copy link" button are left out: the
// page's help widget changed, not its text.
func onlySuggestions(oldMD, newMD string) bool {
	if !hasCopyLink(oldMD) && !hasCopyLink(newMD) {
		return false
	}
	old, oldDropped := dropSuggestions(oldMD)
	new, newDropped := dropSuggestions(newMD)
	return (oldDropped || newDropped) && Significant(old) == Significant(new)
}

// hasCopyLink reports the button's label in any case, as dropSuggestions
// reads it.
func hasCopyLink(md string) bool {
	return containsASCIIFold(md, copyLinkLabel)
}

// dropSuggestions removes the block of suggested questions after each
// line that is only the "Copy link" label: the following lines, blank or
// short, up to the first one that reads as text (a sentence ending in a
// stop, a heading, a list item, a table or a long line). It reports
// whether it removed any.
func dropSuggestions(md string) (string, bool) {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	dropped := false
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if !strings.EqualFold(strings.TrimSpace(lines[i]), copyLinkLabel) {
			continue
		}
		j := i + 1
		for ; j < len(lines) && suggestionLine(lines[j]); j++ {
		}
		// The blank lines before the text are kept.
		for j > i+1 && strings.TrimSpace(lines[j-1]) == "" {
			j--
		}
		if chips := nonBlank(lines[i+1 : j]); chips >= minChips {
			dropped = true
			i = j - 1
		}
	}
	return strings.Join(out, "\n"), dropped
}

// suggestionLine reports a blank line or a short line that is neither a
// sentence nor Markdown structure. Suggested questions end in a question
// mark or in no stop at all; a line ending in an exclamation mark is the
// greeting that opens the text.
func suggestionLine(line string) bool {
	s := strings.TrimSpace(line)
	if s == "" {
		return true
	}
	if len(strings.Fields(s)) > maxChipWords || strings.ContainsAny(s[:1], "#*-+|>=[!0123456789") {
		return false
	}
	return !strings.ContainsAny(s[len(s)-1:], ".:;,)!") // "Welcome to Example!" opens the text
}

func nonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			n++
		}
	}
	return n
}
