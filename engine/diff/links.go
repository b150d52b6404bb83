package diff

import (
	"regexp"
	"strings"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

var (
	// anchorLink matches [text](#fragment): a link within the page is
	// navigation, so only its text counts. Converters write a heading's
	// anchor with its spaces ("](#How ratings are used)"), or enclose it
	// in angle brackets as CommonMark lets a target hold spaces
	// ("](<#How ratings are used>)"): the same link either way.
	anchorLink = regexp.MustCompile(`\[([^\]]*)\]\(<?#[^()<>\[\]]*>?\)`)
	// webURL matches http and https addresses, in a link target or in the
	// text.
	webURL = regexp.MustCompile(`(?i)https?://[^\s()<>\[\]"']+`)
)

// canonicalLinks rewrites what varies in the links of a line without
// changing where they lead: http and https are one scheme, a trailing
// slash does not count, images count by their alt text and in-page links
// by their text, as do links to a media file; a link without text counts
// by the page it leads to, and a link's text without the screen-reader
// hint that says it opens in a new window.
func canonicalLinks(line string) string {
	if strings.Contains(line, "![") {
		// An image counts by its alt text only, since CDNs vary its
		// address and decorative images come and go with layouts.
		line = replaceLinks(line, imageTextAt)
	}
	if strings.Contains(line, "](") && (strings.Contains(line, "[](") || mayLinkMedia(line)) {
		line = replaceLinks(line, mediaOrEmptyLinkAt)
	}
	if strings.Contains(line, "](#") || strings.Contains(line, "](<#") {
		line = replaceLinks(line, anchorAt)
	}
	line = dropWindowHints(line)
	if strings.Contains(line, "://") {
		line = canonicalURLs(line)
	}
	if needsPunctSpacing(line) {
		line = punctSpacing(line)
	}
	if len(line) > 1 && strings.IndexByte(line[1:], '(') >= 0 {
		// A parenthesis that opens the line has nothing glued before
		// it, but a later one may ("(a) the site(the Website)").
		line = spaceBeforeParen(line)
	}
	return line
}

// spaceBeforeParen puts a space before an opening parenthesis, escaped
// or not, glued to the word or the link before it, as one follows a word
// in prose: "the site(the Website)" and "[site](https://example.com/)(the
// Website)" read as "the site (the Website)". A link's target, from "]("
// to its closing parenthesis, is left as it is ("javascript:void(0)").
func spaceBeforeParen(line string) string {
	var b strings.Builder
	last := 0
	for i := 1; i < len(line); i++ {
		k := strings.IndexByte(line[i:], '(')
		if k < 0 {
			break
		}
		i += k
		if line[i-1] == ']' {
			i = closingParen(line, i)
			continue
		}
		at := i
		if line[i-1] == '\\' {
			at = i - 1
		}
		if at == 0 || !gluedBeforeParen(line[at-1]) {
			continue
		}
		if last == 0 {
			b.Grow(len(line) + 4)
		}
		b.WriteString(line[last:at])
		b.WriteByte(' ')
		last = at
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// closingParen returns the index of the parenthesis that closes the link
// target opening at line[open], or the line's last index.
func closingParen(line string, open int) int {
	depth := 0
	for i := open; i < len(line); i++ {
		switch line[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(line) - 1
}

// gluedBeforeParen reports a byte that ends a word or a link: a letter, a
// figure, a closing parenthesis, or a byte of a character outside ASCII
// (a letter, a closing quote).
func gluedBeforeParen(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ')' || c >= 0x80
}

// punctSpacing evens out the spacing around punctuation, which inline
// markup moves about: no space before , ; . : ! ? ("En ligne :" and "En
// ligne:") and one after , and ; ("Minato-ku,Tokyo" and "Minato-ku,
// Tokyo"). It is a scanner rather than regular expressions because it
// runs on every line of both versions.
func punctSpacing(line string) string {
	var b strings.Builder
	b.Grow(len(line) + 8)
	for i := 0; i < len(line); {
		c := line[i]
		if ascii.Space(c) {
			j := i
			for j < len(line) && ascii.Space(line[j]) {
				j++
			}
			if j == len(line) || !strings.ContainsRune(",;.:!?", rune(line[j])) {
				b.WriteString(line[i:j])
			}
			i = j
			continue
		}
		b.WriteByte(c)
		i++
		if c != ',' && c != ';' {
			continue
		}
		// The next character once spaces before punctuation are gone.
		next := i
		for next < len(line) && ascii.Space(line[next]) {
			next++
		}
		if next == len(line) || !strings.ContainsRune(",;.:!?", rune(line[next])) {
			next = i
		}
		if next < len(line) && !ascii.Space(line[next]) && line[next] != ',' && line[next] != ';' {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// imageTextAt finds an image at i in s as imageAt does, and keeps its
// alternative text unless that text only describes the picture
// ("Illustration of a tree at dawn"): a decorative image's description
// is no part of the document's wording.
func imageTextAt(s string, i int) (int, string) {
	end, alt := imageAt(s, i)
	if end >= 0 && describesPicture(alt) {
		alt = ""
	}
	return end, alt
}

// describesPicture reports an alternative text that says what a picture
// shows: an optional article, a word for a picture, then "of", "showing"
// or "depicting".
func describesPicture(alt string) bool {
	words := strings.Fields(strings.ToLower(alt))
	if len(words) > 0 && (words[0] == "a" || words[0] == "an" || words[0] == "the") {
		words = words[1:]
	}
	if len(words) < 3 {
		return false
	}
	switch words[0] {
	case "illustration", "image", "photo", "photograph", "picture", "drawing":
	default:
		return false
	}
	switch words[1] {
	case "of", "showing", "depicting":
		return true
	}
	return false
}

// canonicalURL drops the scheme and a trailing slash of the path, and
// lower-cases the host. Punctuation that ends a sentence after a bare
// address is kept apart.
func canonicalURL(u string) string {
	var b strings.Builder
	writeCanonicalURL(&b, u)
	return b.String()
}

// writeCanonicalURL writes canonicalURL(u) to b.
func writeCanonicalURL(b *strings.Builder, u string) {
	u = trimEncodedSpace(u)
	trail := len(u)
	for trail > 0 && strings.ContainsRune(".,;:!?", rune(u[trail-1])) {
		trail--
	}
	u, tail := u[:trail], u[trail:]
	if dest, ok := redirectTarget(u); ok {
		// A redirecting link is the link to where it leads.
		writeCanonicalURL(b, dest)
		b.WriteString(tail)
		return
	}
	rest := u[strings.Index(u, "://")+3:]
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	host, path := rest[:hostEnd], rest[hostEnd:]
	pathEnd := strings.IndexAny(path, "?#")
	if pathEnd < 0 {
		pathEnd = len(path)
	}
	b.WriteString("//")
	b.WriteString(strings.ToLower(host))
	writePath(b, strings.TrimRight(path[:pathEnd], "/"))
	writeQuery(b, path[pathEnd:])
	b.WriteString(tail)
}

// trimEncodedSpace drops the spaces, percent-encoded, that end an
// address: a space copied into a link with its text ("odr.%C2%A0") is
// no part of where it leads.
func trimEncodedSpace(u string) string {
	for {
		switch {
		case strings.HasSuffix(u, "%20"):
			u = u[:len(u)-3]
		case strings.HasSuffix(u, "%C2%A0"), strings.HasSuffix(u, "%c2%a0"):
			u = u[:len(u)-6]
		default:
			return u
		}
	}
}

// writePath writes an address's path without a segment that stamps the
// time of a deployment ("/static/v1645596393170/terms.docx"), as some
// e-commerce platforms serve their files: the stamp changes at each
// deployment and the address leads to the same file.
func writePath(b *strings.Builder, path string) {
	if !strings.Contains(path, "/v1") {
		b.WriteString(path)
		return
	}
	for path != "" {
		end := strings.IndexByte(path[1:], '/') + 1
		if end == 0 {
			end = len(path)
		}
		if seg := path[1:end]; !(len(seg) > 1 && seg[0] == 'v' && unixTime(seg[1:])) {
			b.WriteString(path[:end])
		}
		path = path[end:]
	}
}

// writeQuery writes an address's query and fragment without the
// parameters that choose the language a page is shown in ("hl=en",
// "locale=fr_FR"): the link leads to the same page in the reader's
// language, and sites fill the language in from the visitor. Nor does it
// write a cache-busting time stamp ("privacy.pdf?1656577249892",
// "?v=1700000000"), since sites stamp a file's address anew at each
// deployment, nor the parameters analytics and ad tools add to follow
// a visit ("utm_source", "_ga", "gclid"): the link leads to the same
// place.
func writeQuery(b *strings.Builder, q string) {
	// An empty fragment ("page.html#") leads to the top of the page, as
	// the address without it does, and so does the root of the page's
	// own routes ("page.html#/"), where a page that routes by its
	// fragment starts.
	q = strings.TrimSuffix(strings.TrimSuffix(q, "#/"), "#")
	if !strings.HasPrefix(q, "?") {
		b.WriteString(q)
		return
	}
	frag := ""
	if i := strings.IndexByte(q, '#'); i >= 0 {
		q, frag = q[:i], q[i:]
	}
	sep := "?"
	for _, p := range strings.Split(q[1:], "&") {
		key, value, named := strings.Cut(p, "=")
		if lower := strings.ToLower(key); languageParams[lower] || trackingParam(lower) || cacheStamp(key, value, named) {
			continue
		}
		b.WriteString(sep)
		b.WriteString(p)
		sep = "&"
	}
	b.WriteString(frag)
}

var languageParams = boolSet(`hl lang language locale`)

// trackingParam reports a query parameter (lower-cased) that analytics or
// ad tools add to a link to follow the visit: Google Analytics' linker
// (_ga, _gl), campaign tags (utm_...), and the click identifiers of ad
// networks and mailing tools.
func trackingParam(key string) bool {
	return strings.HasPrefix(key, "utm_") || trackingParams[key]
}

var trackingParams = boolSet(`_ga _gac _gid _gl gclid dclid gbraid wbraid fbclid msclkid igshid mc_cid mc_eid _hsenc _hsmi`)

// cacheStamp reports a query parameter that only stamps the time of a
// deployment: a Unix time in seconds or milliseconds (ten or thirteen
// figures from 2001 on), alone or under a name sites give such stamps. A
// number under another name ("id=1656577249") may choose the page, so
// it stays.
func cacheStamp(key, value string, named bool) bool {
	if !named {
		return unixTime(key)
	}
	return stampParams[strings.ToLower(key)] && unixTime(value)
}

var stampParams = boolSet(`_ t ts time timestamp cb cachebuster v ver version`)

// unixTime reports ten or thirteen figures that start with 1, which is
// how Unix times in seconds or milliseconds read from 2001 to 2033.
func unixTime(s string) bool {
	return (len(s) == 10 || len(s) == 13) && s[0] == '1' && hasOnlyDigits(s)
}
