package diff

import "strings"

// titleBarEdited reports two headings that are a page's title bar (the
// site's name, the part of the site and the page set apart by bars:
// "Example | U.S. | Privacy Policy") whose parts differ only in how they
// spell the same thing: each part the same once the names of the kind of
// document are left out and plurals made singular ("Privacy Policy
// Addendum" and "Addendum", "Cookie Policy" and "Cookies Policy"), or an
// editorial edit of its words ("U.S." spelled out). Another site or
// another country ("U.S." becoming "Canada") is another page. A heading
// with one bar ("Data | What we share") may be a section's title and is
// read as words.
func (m *materiality) titleBarEdited(old, new []string) bool {
	o, n := titleBarParts(old), titleBarParts(new)
	if len(o) < minTitleBarParts || len(o) != len(n) || len(o[0]) > maxSiteNameWords ||
		joinNorm(tokens(o[0]), " ") != joinNorm(tokens(n[0]), " ") {
		return false
	}
	for i := 1; i < len(o); i++ {
		if pageName(o[i]) != pageName(n[i]) && !m.run("", o[i], n[i], "") {
			return false
		}
	}
	return true
}

// titleBarParts splits a heading's words at its bars.
func titleBarParts(words []string) [][]string {
	var parts [][]string
	start := 0
	for i, w := range words {
		if w == "|" {
			parts = append(parts, words[start:i])
			start = i + 1
		}
	}
	return append(parts, words[start:])
}

// pageName is a part of a title bar without the names of the kind of
// document, its words made singular.
func pageName(words []string) string {
	var b strings.Builder
	for _, t := range tokens(words) {
		if documentTopics[t.norm] || documentKinds[t.norm] {
			continue
		}
		b.WriteString(singular(t.norm))
		b.WriteByte(' ')
	}
	return b.String()
}

// minTitleBarParts is the fewest parts of a title bar: site, part of the
// site, page.
const minTitleBarParts = 3

// maxSiteNameWords bounds the words of a site's name before the first
// bar of a title bar.
const maxSiteNameWords = 4
