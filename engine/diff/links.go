package diff

import (
	"regexp"
	"strings"
)

var (
	// markdownImage matches ![alt](src "title"); an image counts by its
	// alt text only, since CDNs vary its address and decorative images
	// come and go with layouts.
	markdownImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	// anchorLink matches [text](#fragment): a link within the page is
	// navigation, so only its text counts.
	anchorLink = regexp.MustCompile(`\[([^\]]*)\]\(#[^)\s]*\)`)
	// webURL matches http and https addresses, in a link target or in the
	// text.
	webURL = regexp.MustCompile(`(?i)https?://[^\s()<>\[\]"']+`)
	// spaceBeforePunct and glued match spacing around punctuation, which
	// inline markup moves about ("En ligne :" and "En ligne:";
	// "Minato-ku,Tokyo" and "Minato-ku, Tokyo").
	spaceBeforePunct = regexp.MustCompile(`\s+([,;.:!?])`)
	glued            = regexp.MustCompile(`([,;])([^\s,;])`)
)

// canonicalLinks rewrites what varies in the links of a line without
// changing where they lead: http and https are one scheme, a trailing
// slash does not count, images count by their alt text and in-page links
// by their text.
func canonicalLinks(line string) string {
	if strings.Contains(line, "![") {
		line = markdownImage.ReplaceAllString(line, "$1")
	}
	if strings.Contains(line, "](#") {
		line = anchorLink.ReplaceAllString(line, "$1")
	}
	if strings.Contains(line, "://") {
		line = webURL.ReplaceAllStringFunc(line, canonicalURL)
	}
	if strings.ContainsAny(line, ",;.:!?") {
		line = spaceBeforePunct.ReplaceAllString(line, "$1")
		line = glued.ReplaceAllString(line, "$1 $2")
	}
	return line
}

// canonicalURL drops the scheme and a trailing slash of the path, and
// lower-cases the host. Punctuation that ends a sentence after a bare
// address is kept apart.
func canonicalURL(u string) string {
	trail := len(u)
	for trail > 0 && strings.ContainsRune(".,;:!?", rune(u[trail-1])) {
		trail--
	}
	u, tail := u[:trail], u[trail:]
	rest := u[strings.Index(u, "://")+3:]
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	host, path := strings.ToLower(rest[:hostEnd]), rest[hostEnd:]
	pathEnd := strings.IndexAny(path, "?#")
	if pathEnd < 0 {
		pathEnd = len(path)
	}
	p, query := strings.TrimRight(path[:pathEnd], "/"), path[pathEnd:]
	return "//" + host + p + query + tail
}
