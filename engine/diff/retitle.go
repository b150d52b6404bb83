package diff

import (
	"regexp"
	"strings"
)

// titledLink matches [text](target) in a run's words joined by spaces.
var titledLink = regexp.MustCompile(`\[([^\[\]]*)\]\(([^)\s]+)\)`)

// markdownComment matches the Markdown comment idiom `[comment]: <> (…)`,
// escaped or not, which a converter may or may not render.
var markdownComment = regexp.MustCompile(`\\?\[comment\\?\]:\s*<>\s*\([^)]*\)`)

// dropMarkdownComments removes Markdown comments from a run's words.
func dropMarkdownComments(words []string) []string {
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "comment") || !markdownComment.MatchString(joined) {
		return words
	}
	return strings.Fields(markdownComment.ReplaceAllString(joined, " "))
}

// linkTooltip matches a link's target with the title it carries
// (`](https://example.com/faq "Frequently asked questions")`): the title
// shows only while the pointer rests on the link, and its words, split
// from the target, would read as text.
var linkTooltip = regexp.MustCompile(`(\]\((?:[^()\s]|\([^()\s]*\))+)\s+"[^"]*"\)`)

// dropLinkTooltips removes the titles of links' targets from a run's
// words, keeping the targets.
func dropLinkTooltips(words []string) []string {
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "](") || !strings.Contains(joined, `"`) || !linkTooltip.MatchString(joined) {
		return words
	}
	return strings.Fields(linkTooltip.ReplaceAllString(joined, "$1)"))
}

// retitledLinks removes from d and n the titles of links that the other
// side showed by their address: "available at https://example.com/rules"
// and "available at [Rules and Fees](https://example.com/rules)" lead to
// the same page, so the title is presentation. It reports whether it
// removed any.
func retitledLinks(d, n []tok, del, ins []string) ([]tok, []tok, bool) {
	if !strings.Contains(strings.Join(del, " ")+strings.Join(ins, " "), "://") {
		return d, n, false
	}
	n, fromNew := dropTitles(n, ins, shownURLs(del))
	d, fromOld := dropTitles(d, del, shownURLs(ins))
	return d, n, fromNew || fromOld
}

// shownURLs returns the web addresses written as text in words, not as a
// link's target, in canonical form.
func shownURLs(words []string) map[string]bool {
	joined := strings.Join(words, " ")
	shown := map[string]bool{}
	for _, loc := range webURL.FindAllStringIndex(joined, -1) {
		if loc[0] >= 2 && joined[loc[0]-2:loc[0]] == "](" {
			continue
		}
		shown[linkKey(joined[loc[0]:loc[1]])] = true
	}
	return shown
}

// dropTitles removes from ts the words of each link title in words whose
// target is one of shown.
func dropTitles(ts []tok, words []string, shown map[string]bool) ([]tok, bool) {
	if len(shown) == 0 {
		return ts, false
	}
	dropped := false
	for _, m := range titledLink.FindAllStringSubmatch(strings.Join(words, " "), -1) {
		title := tokens(strings.Fields(m[1]))
		if len(title) == 0 || !shown[linkKey(m[2])] {
			continue
		}
		if i := indexRun(ts, title); i >= 0 {
			ts = append(ts[:i:i], ts[i+len(title):]...)
			dropped = true
		}
	}
	return ts, dropped
}

// linkKey is a web address without what varies between two ways of
// writing it: scheme, "www.", case, trailing slashes and punctuation.
func linkKey(u string) string {
	u = strings.ToLower(u)
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	u = strings.TrimSuffix(u, "%5d")
	return strings.TrimRight(u, `/.,;:\`)
}

// indexRun returns where the words of run start in ts, or -1.
func indexRun(ts, run []tok) int {
	for i := 0; i+len(run) <= len(ts); i++ {
		if sameNorm(ts[i:i+len(run)], run) {
			return i
		}
	}
	return -1
}

// maxContentsLabel is how many words besides its links a table of
// contents may have ("Jump to", "Contents").
const maxContentsLabel = 3

// anchorContents reports words that are links within the page, at least
// two, each titled by one of headings, with at most a short label besides.
func anchorContents(words []string, headings map[string]bool) bool {
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "](#") {
		return false
	}
	links := anchorLink.FindAllStringSubmatch(joined, -1)
	if len(links) < 2 {
		return false
	}
	for _, l := range links {
		if !headings[joinNorm(dropNumbering(tokens(strings.Fields(l[1])), nil), " ")] {
			return false
		}
	}
	return len(tokens(strings.Fields(anchorLink.ReplaceAllString(joined, " ")))) <= maxContentsLabel
}

// spacedAnchor matches the target of a link within the page whose
// fragment holds spaces ("](#How ratings are used)"), as some converters
// write a heading's anchor: split into words, its words would read as
// text.
var spacedAnchor = regexp.MustCompile(`\]\(<?#[^()\]\[<>]*>?\)`)

// dropSpacedAnchors removes the targets of in-page links whose fragment
// holds spaces from a run's words, keeping the closing bracket of the
// link's text.
func dropSpacedAnchors(words []string) []string {
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "](#") || !spacedAnchor.MatchString(joined) {
		return words
	}
	return strings.Fields(spacedAnchor.ReplaceAllString(joined, "]"))
}
