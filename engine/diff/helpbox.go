package diff

import (
	"regexp"
	"strings"
)

// helpBoxTitle matches, in normalized words, the title of a help page's
// box of support channels: "Other ways to get help", "Need more help?".
var helpBoxTitle = regexp.MustCompile(`^(?:(?:other|more) ways to get help|(?:still )?need (?:more |some )?help|get more help)$`)

// maxHelpBoxLines and maxHelpBoxWords bound the lines of a help box
// (a button and its caption) and the words of each.
const (
	maxHelpBoxLines = 4
	maxHelpBoxWords = 12
)

// helpBox reports a section that is a help page's box of support
// channels: its heading offers other ways to get help, and its body is
// a few short lines without a sentence stop ("Chat with our support
// assistant", "Get answers in real time"), buttons and their captions
// rather than terms.
func helpBox(heading []string, sentences []string) bool {
	if len(sentences) == 0 || len(sentences) > maxHelpBoxLines || !helpBoxTitle.MatchString(joinNorm(tokens(heading), " ")) {
		return false
	}
	for _, s := range sentences {
		s = strings.TrimRight(strings.TrimSpace(s), "*_")
		if s == "" || len(strings.Fields(s)) > maxHelpBoxWords || strings.ContainsAny(s[len(s)-1:], ".;:!") {
			return false
		}
	}
	return true
}
