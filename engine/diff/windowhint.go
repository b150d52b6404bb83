package diff

import (
	"regexp"
	"strings"
)

// windowHint matches the words a site sets at the end of a link's text
// for screen readers, saying where the link opens ("- opens in new
// window or tab", "(opens in a new tab)"), up to the link's target. They
// tell how the page behaves, not what the text says or where the link
// leads.
var windowHint = regexp.MustCompile(`(?i)\s*[-–—(]?\s*opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)(?:\s+or\s+(?:a\s+)?(?:window|tab))?\s*\)?\s*\]\(`)

// mayHaveWindowHint is a cheap test before windowHint.
func mayHaveWindowHint(s string) bool {
	return strings.Contains(s, "pens in") && strings.Contains(s, "](")
}

// dropWindowHints removes the screen-reader hints from the links of a
// line.
func dropWindowHints(line string) string {
	if !mayHaveWindowHint(line) {
		return line
	}
	return windowHint.ReplaceAllString(line, "](")
}

// dropWindowHintWords removes the screen-reader hints from the links of
// a run's words.
func dropWindowHintWords(words []string) []string {
	joined := strings.Join(words, " ")
	if !mayHaveWindowHint(joined) || !windowHint.MatchString(joined) {
		return words
	}
	return strings.Fields(windowHint.ReplaceAllString(joined, "]("))
}
