package diff

import "strings"

// breadcrumb reports words before a document's first heading that are
// only a trail of links leading to the page: at least two links, list
// markers or separators between them, the last one named as the title
// that follows ("Help Centre", "Safety", "Community Standards" over
// "Community Standards"). The trail follows the site's index, not the
// document. removed tells which version's title to read.
func (m *materiality) breadcrumb(words []string, removed bool) bool {
	parts := m.newParts
	if removed {
		parts = m.oldParts
	}
	if len(parts) < 2 || parts[0].Heading != "" {
		return false
	}
	labels, rest := splitLinks(words)
	if len(labels) < 2 || !wordless(rest) {
		return false
	}
	last := joinNorm(tokens(strings.Fields(labels[len(labels)-1])), " ")
	return last != "" && last == joinNorm(tokens(strings.Fields(parts[1].Heading)), " ")
}
