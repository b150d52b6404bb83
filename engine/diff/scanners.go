package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// Plain and the sentence splitter run on every paragraph of both
// versions, so the helpers here are scanners that return their input
// unchanged, without copying it, when there is nothing to do.

// linkTexts replaces Markdown links and images by their text; it is
// markdownLink.ReplaceAllString(s, "$1") without the expression.
func linkTexts(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '[' {
			continue
		}
		// The text runs to the first "]", which "(" must follow; the
		// address runs to the first ")".
		close := strings.IndexByte(s[i+1:], ']')
		if close < 0 {
			break // no later "[" has a "]" after it either
		}
		close += i + 1
		if close+1 >= len(s) || s[close+1] != '(' {
			continue
		}
		end := strings.IndexByte(s[close+2:], ')')
		if end < 0 {
			break // no later link has a ")" after it either
		}
		end += close + 2
		start := i
		if i > last && s[i-1] == '!' {
			start = i - 1
		}
		b.WriteString(s[last:start])
		b.WriteString(s[i+1 : close])
		last = end + 1
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// stripEmphasis is emphasis.Replace(s), which copies s even when none of
// its markers is there, without the replacer.
func stripEmphasis(s string) string {
	if !strings.ContainsAny(s, "*_`\\") {
		return s
	}
	// emphasis's generic replacer walks a trie at every byte; its four
	// markers, ASCII and none the start of another, are found here by
	// their bytes, each removed where the replacer would: from the left,
	// "***" leaving "*".
	var b strings.Builder
	b.Grow(len(s))
	last := 0 // s[last:i] goes to b as it is
	for i := 0; i < len(s); {
		n := 0 // the length of the marker at i
		switch s[i] {
		case '*', '_':
			if i+1 < len(s) && s[i+1] == s[i] {
				n = 2
			}
		case '`', '\\':
			n = 1
		}
		if n == 0 {
			i++
			continue
		}
		b.WriteString(s[last:i])
		i += n
		last = i
	}
	b.WriteString(s[last:])
	return b.String()
}

// collapseSpaces is strings.Join(strings.Fields(s), " "): s itself when
// its words are already separated by single spaces.
func collapseSpaces(s string) string {
	prevSpace := true // a space at the start needs collapsing too
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); x&highBits == 0 {
				// Eight ASCII bytes: no control space, no space after
				// a space.
				spaces := bytesEqual(x, ' ')
				if bytesIn(x, '\t', '\r') != 0 || spaces&(spaces<<8|boolBit(prevSpace)) != 0 {
					return joinFields(s)
				}
				prevSpace = spaces>>63 != 0
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' && !prevSpace:
				prevSpace = true
			case c == ' ', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
				return joinFields(s)
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return joinFields(s)
		}
		prevSpace = false
		i += size
	}
	if prevSpace && len(s) > 0 {
		return joinFields(s) // a space at the end
	}
	return s
}

// boolBit is the top bit of the first byte when b is true.
func boolBit(b bool) uint64 {
	if b {
		return 0x80
	}
	return 0
}

// joinFields is strings.Join(strings.Fields(s), " ") built in one copy.
func joinFields(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; ; {
		start, end := nextField(s, i)
		if start == end {
			return b.String()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:end])
		i = end
	}
}

// nextField returns the bounds of the first word of s at or after i,
// words being separated by spaces as strings.Fields sees them; start ==
// end when there is none.
func nextField(s string, i int) (start, end int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return start, i
}

// asciiSpace holds the ASCII white space of strings.Fields.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// toLower is strings.ToLower(s), which decodes and maps every rune of a
// text that is not all ASCII; here ASCII bytes, most of a document, are
// lower-cased directly, the runs between capitals copied whole into one
// buffer that becomes the result.
func toLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := 0 // s[start:i] goes to b as it is
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); x&highBits == 0 && bytesIn(x, 'A', 'Z') == 0 {
				i += 8 // eight ASCII bytes without a capital
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[start:i])
				b.WriteByte(c + 'a' - 'A')
				start = i + 1
			}
			i++
			continue
		}
		b.WriteString(s[start:i])
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(unicode.ToLower(r)) // an invalid byte becomes U+FFFD, as in strings.Map
		i += size
		start = i
	}
	b.WriteString(s[start:])
	return b.String()
}

// canonicalURLs is webURL.ReplaceAllStringFunc(line, canonicalURL)
// without the expression. An address is looked for only where "://"
// stands, after "http" or "https": the next match of the expression
// starts there, since matches further on start after it.
func canonicalURLs(line string) string {
	if strings.Contains(line, "\u017f") {
		// The expression folds the long s into "s" of "https"; such rare
		// lines take the plain way.
		return webURL.ReplaceAllStringFunc(line, canonicalURL)
	}
	var b strings.Builder
	last := 0 // the end of the last address replaced
	for from := last; ; {
		k := strings.Index(line[from:], "://")
		if k < 0 {
			break
		}
		k += from
		from = k + len("://")
		start := schemeStart(line, last, k)
		if start < 0 {
			continue
		}
		end := urlEnd(line, start)
		if end < 0 {
			continue
		}
		if last == 0 {
			b.Grow(len(line))
		}
		b.WriteString(line[last:start])
		writeCanonicalURL(&b, line[start:end])
		last, from = end, end
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// schemeStart returns where "http" or "https", in any case, starts when
// it ends at k in s and starts at lo or after, or -1.
func schemeStart(s string, lo, k int) int {
	for _, scheme := range []string{"https", "http"} {
		if i := k - len(scheme); i >= lo && strings.EqualFold(s[i:k], scheme) {
			return i
		}
	}
	return -1
}

// urlEnd returns the end of the web address that starts at i in s, or
// -1: "http", an optional "s", "://" and at least one byte that is not
// white space, a bracket or a quote, in any case.
func urlEnd(s string, i int) int {
	const scheme = "http"
	if len(s)-i < len(scheme)+4 || s[i]|0x20 != 'h' {
		return -1
	}
	for k := range len(scheme) {
		if s[i+k]|0x20 != scheme[k] {
			return -1
		}
	}
	k := i + len(scheme)
	if s[k]|0x20 == 's' && strings.HasPrefix(s[k+1:], "://") {
		k++
	}
	if !strings.HasPrefix(s[k:], "://") {
		return -1
	}
	k += len("://")
	end := k
	for end < len(s) && !endsURL(s[end]) {
		end++
	}
	if end == k {
		return -1
	}
	return end
}

// respaced reports whether punctSpacing, dropping the spaces line[i:j]
// before punctuation, puts the same single space back: it does after a
// comma or semicolon, unless another comma or semicolon follows.
func respaced(line string, i, j int) bool {
	return i > 0 && (line[i-1] == ',' || line[i-1] == ';') && j == i+1 && line[i] == ' ' &&
		line[j] != ',' && line[j] != ';'
}

// replaceLinks replaces each link that at finds in line, from left to
// right: at(line, i) returns the end of the link that starts at i and
// what to write instead, or -1.
func replaceLinks(line string, at func(s string, i int) (int, string)) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(line); i++ {
		end, text := at(line, i)
		if end < 0 {
			continue
		}
		b.WriteString(line[last:i])
		b.WriteString(text)
		last = end
		i = end - 1
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// bracketed returns the end of "[text](" at i in s, and the text: it runs
// to the first "]", which "(" must follow.
func bracketed(s string, i int) (int, string) {
	if s[i] != '[' {
		return -1, ""
	}
	close := strings.IndexByte(s[i+1:], ']')
	if close < 0 {
		return -1, ""
	}
	close += i + 1
	if close+1 >= len(s) || s[close+1] != '(' {
		return -1, ""
	}
	return close + 2, s[i+1 : close]
}

// targetEnd returns where a link target that starts at i in s stops: at
// the first ")" or white space as \s matches it.
func targetEnd(s string, i int) int {
	for i < len(s) && s[i] != ')' && !ascii.Space(s[i]) {
		i++
	}
	return i
}

// anchorAt finds an in-page link, [text](#fragment) or
// [text](<#fragment>), at i in s: what anchorLink matches, keeping its
// text.
func anchorAt(s string, i int) (int, string) {
	k, text := bracketed(s, i)
	if k < 0 {
		return -1, ""
	}
	if k < len(s) && s[k] == '<' {
		k++
	}
	if k == len(s) || s[k] != '#' {
		return -1, ""
	}
	k++
	for k < len(s) && !strings.ContainsRune("()<>[]", rune(s[k])) {
		k++
	}
	if k < len(s) && s[k] == '>' {
		k++
	}
	if k < len(s) && s[k] == ')' {
		return k + 1, text
	}
	return -1, ""
}

// imageAt finds a Markdown image, ![alt](src "title"), at i in s, and
// keeps its alternative text.
func imageAt(s string, i int) (int, string) {
	if s[i] != '!' || i+1 == len(s) {
		return -1, ""
	}
	k, alt := bracketed(s, i+1)
	if k < 0 {
		return -1, ""
	}
	k = targetEnd(s, k)
	if k < len(s) && ascii.Space(s[k]) {
		// The title: white space, then a quoted text.
		for k < len(s) && ascii.Space(s[k]) {
			k++
		}
		if k == len(s) || s[k] != '"' {
			return -1, ""
		}
		q := strings.IndexByte(s[k+1:], '"')
		if q < 0 {
			return -1, ""
		}
		k += q + 2
	}
	if k < len(s) && s[k] == ')' {
		return k + 1, alt
	}
	return -1, ""
}

// endsURL reports the bytes a web address stops at: white space as \s
// matches it, brackets and quotes.
func endsURL(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '(', ')', '<', '>', '[', ']', '"', '\'':
		return true
	}
	return false
}

// needsPunctSpacing reports whether punctSpacing would change line: a run
// of spaces before punctuation, or a comma or semicolon directly followed
// by a word.
func needsPunctSpacing(line string) bool {
	for i, next := 0, 0; i < len(line); i++ {
		if i >= next {
			// As in plainWords: blocks with nothing to respace are
			// passed over whole.
			if i = punctBlocks(line, i); i == len(line) {
				break
			}
			next = i + 8
		}
		class := byteClass[line[i]]
		if class&(classSpace|classSeparator) == 0 {
			continue
		}
		if class&classSpace != 0 {
			j := i + 1
			for j < len(line) && byteClass[line[j]]&classSpace != 0 {
				j++
			}
			if j < len(line) && byteClass[line[j]]&classPunct != 0 && !respaced(line, i, j) {
				return true
			}
			i = j - 1
			continue
		}
		if i+1 < len(line) && byteClass[line[i+1]]&(classSpace|classSeparator) == 0 {
			return true // a comma or semicolon directly followed by a word
		}
	}
	return false
}

// Classes of bytes for the scanners that run on every line.
const (
	classSpace     = 1 << iota // white space as \s matches it
	classPunct                 // punctuation that punctSpacing keeps spaces from: , ; . : ! ?
	classSeparator             // a comma or semicolon, which one space follows
	classPlainWord             // printable ASCII that plainWords lets through without a look at its neighbours
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\f\r") {
		t[c] |= classSpace
	}
	for _, c := range []byte(",;.:!?") {
		t[c] |= classPunct
	}
	t[','] |= classSeparator
	t[';'] |= classSeparator
	for c := '!'; c < 0x7f; c++ {
		if !isDecoration(c) && c != '\\' && c != '-' {
			t[c] |= classPlainWord
		}
	}
	return t
}()

// labelMayDate reports whether a match of datedLabel could start at s[0]:
// the label's words, then separators, then what starts a date or a
// weekday (a digit or the first letter of a month or day name). It only
// spares most label words of a text the expression, which decides; it
// reads ASCII only, as the lines with a long s take the expression's way.
func labelMayDate(s string) bool {
	end := labelEnd(s)
	if end < 0 {
		return false
	}
	for end < len(s) && (ascii.Space(s[end]) || strings.IndexByte(":*_,-", s[end]) >= 0) {
		end++
	}
	return end < len(s) && (s[end] >= '0' && s[end] <= '9' || strings.IndexByte("jfmasondtw", s[end]|0x20) >= 0)
}

// labelEnd returns where the words that a form of datedLabel's label
// cannot do without end at the start of s, or -1. The optional last words
// ("on", "date", "as of", "from") start with letters that labelMayDate
// lets through as the start of a month.
func labelEnd(s string) int {
	// word returns the end of one of words after white space at i, or -1.
	word := func(i int, words ...string) int {
		if i < 0 {
			return -1
		}
		j := i
		for j < len(s) && ascii.Space(s[j]) {
			j++
		}
		if j == i {
			return -1
		}
		for _, w := range words {
			if len(s)-j >= len(w) && strings.EqualFold(s[j:j+len(w)], w) {
				return j + len(w)
			}
		}
		return -1
	}
	for _, w := range []string{"effective", "updated", "revised", "modified", "published", "last", "date", "version"} {
		if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
			continue
		}
		switch end := len(w); w {
		case "last":
			return word(end, "updated", "modified", "revised", "changed", "amended", "reviewed")
		case "date":
			return word(word(word(end, "of"), "last"), "revision", "update", "change")
		case "version":
			return word(end, "date")
		default:
			return end
		}
	}
	return -1
}
