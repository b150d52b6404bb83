package analysis

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// A page's digest of itself.
//
// Developer and policy pages now open with a short list that sums the
// page up, under a heading such as "Key takeaways" or "Page summary",
// often written by a model and marked as an overview the full text
// overrides. Its items restate, in a line each, what the page says at
// length below ("developers must obtain user consent", "child-directed
// apps must comply with COPPA"): adding, rewording or dropping the
// digest changes no provision, and a provision that does change is
// changed in the text it sums up. So the digest's items are not read as
// statements of a practice. The text after the digest's list often
// carries on under the same heading (the page's introduction), and is
// read as any other.

// isDigestHeading reports whether a heading titles a digest: its words,
// lower case without punctuation, are one of the titles such blocks take.
func isDigestHeading(words []string) bool {
	switch strings.Join(words, " ") {
	case "key takeaways", "ai generated key takeaways", "key points",
		"page summary", "policy summary", "summary of this page",
		"at a glance", "tl dr", "tldr":
		return true
	}
	return false
}

// digestItems returns the sentences of a digest section's first list:
// the items from the first list line to the first paragraph after the
// list (blank lines and the items' continuation lines do not end it).
// Lines before the list (an icon's name) are not part of it, nor is the
// text after it.
func digestItems(body string) map[string]bool {
	out := map[string]bool{}
	inList := false
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case diff.IsListItem(t):
			inList = true
			for _, s := range diff.Sentences(t) {
				out[s] = true
			}
		case !inList || t == "":
		case line != t:
			// An indented line continues the item above it.
			for _, s := range diff.Sentences(t) {
				out[s] = true
			}
		default:
			return out
		}
	}
	return out
}
