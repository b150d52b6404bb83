package diff

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// typographyPairs maps characters that vary between renderings of the
// same text (curly quotes, exotic spaces and dashes, invisible marks) to
// one plain form, as old and new strings for strings.NewReplacer.
var typographyPairs = []string{
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
	"\u00ab", `"`, "\u00bb", `"`,
	"\u00a0", " ", "\u202f", " ", "\u2007", " ", "\u2009", " ", "\u200a", " ",
	"\u2002", " ", "\u2003", " ", "\u3000", " ", "\t", " ", "\r", "",
	"\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "",
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-",
	"\u2026", "...",
}

// typography applies typographyPairs.
var typography = strings.NewReplacer(typographyPairs...)

// datedLabelPattern matches a "last updated"/"effective" style label
// followed by a date. The date changes on every republication, so it is
// page noise.
const datedLabelPattern = `(?i)\b(last\s+(?:updated|modified|revised|changed|amended|reviewed)(?:\s+on)?|effective(?:\s+date|\s+as\s+of|\s+from|\s+on)?|date\s+of\s+last\s+(?:revision|update|change)|(?:updated|revised|modified|published)(?:\s+on)?|version\s+date)` +
	`([\s:*_,-]*)` +
	`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?` +
	`(?:` + month + `\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}` +
	`|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + month + `\.?,?\s+\d{4}` +
	`|` + month + `\.?,?\s+\d{4}` +
	`|\d{4}-\d{1,2}-\d{1,2}` +
	`|\d{4}/\d{1,2}/\d{1,2}` +
	`|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b`

var (
	datedLabel = regexp.MustCompile(datedLabelPattern)
	// datedLabelAt is datedLabel anchored where a label starts: trying it
	// only at label words costs a fraction of searching whole lines.
	datedLabelAt = regexp.MustCompile(`^(?:` + datedLabelPattern + `)`)
)

// copyrightYears matches the years of a copyright notice ("© 2019-2024",
// "Copyright (c) 2024"), which change every January without the text
// changing. The years may be joined by any dash, the full-width one of
// East Asian fonts included.
var copyrightYears = regexp.MustCompile(`(?i)(©|\(c\)|copyright)((?:\s*(?:©|\(c\)))?\s*)\d{4}(?:\s*[-–—‐‑‒－]\s*\d{4})?\b`)

const month = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

// cleanLine applies the typography map and drops publication dates, so
// that two renderings of the same line compare equal.
func cleanLine(s string) string {
	if needsTypography(s) {
		s = typography.Replace(s)
	}
	if !hasDateShape(s) {
		return s
	}
	if dropped := dropPublicationDates(s); dropped != s {
		s = dropped
		if !hasDateShape(s) {
			return s
		}
	}
	if mayHaveCopyright(s) && copyrightYearFollows(s) {
		s = copyrightYears.ReplaceAllString(s, "$1$2")
	}
	return s
}

// dropPublicationDates removes the dates after "last updated" style
// labels, keeping the labels: datedLabel.ReplaceAllString(s, "$1$2"),
// tried only where a label word starts.
func dropPublicationDates(s string) string {
	if strings.Contains(s, "\u017f") {
		// The long s folds to "s" in the expression but not in the
		// label search below; such rare lines take the plain way.
		if mayHaveDateLabel(s) {
			s = datedLabel.ReplaceAllString(s, "$1$2")
		}
		return s
	}
	var b strings.Builder
	last := 0
	afterWord := false // s[i-1] is a word byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		atStart := !afterWord
		afterWord = wordBytes[c]
		if !atStart || !labelFirst[c] || !startsLabel(s[i:]) || !labelMayDate(s[i:]) {
			continue
		}
		m := datedLabelAt.FindStringSubmatchIndex(s[i:])
		if m == nil {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(s[i+m[2] : i+m[3]])
		b.WriteString(s[i+m[4] : i+m[5]])
		last = i + m[1]
		i = last - 1
		afterWord = wordBytes[s[i]]
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// startsLabel reports whether s starts with the first word of one of
// datedLabel's labels, in any case.
func startsLabel(s string) bool {
	var word string
	switch s[0] | 0x20 {
	case 'l':
		word = "last"
	case 'e':
		word = "effective"
	case 'd':
		word = "date"
	case 'u':
		word = "updated"
	case 'r':
		word = "revised"
	case 'm':
		word = "modified"
	case 'p':
		word = "published"
	case 'v':
		word = "version"
	default:
		return false
	}
	return len(s) >= len(word) && strings.EqualFold(s[:len(word)], word)
}

// wordBytes holds the ASCII word characters of \b (ascii.WordByte), and
// labelFirst the first letters of startsLabel's words in either case.
var wordBytes, labelFirst = func() (word, first [256]bool) {
	for c := range 256 {
		word[c] = ascii.WordByte(byte(c))
	}
	for _, c := range "ledurmpv" {
		first[c], first[c-'a'+'A'] = true, true
	}
	return word, first
}()

// mayHaveCopyright is a cheap test that spares most lines the copyright
// expression.
func mayHaveCopyright(s string) bool {
	return strings.Contains(s, "©") || strings.Contains(s, "(c)") || strings.Contains(s, "(C)") ||
		containsASCIIFold(s, "copyright")
}

// copyrightYearFollows reports whether a year may follow a copyright
// mark as copyrightYears needs: four digits after "©", "(c)" or
// "copyright" in any case, with only spaces and further marks between.
// Lists lettered "(a) (b) (c)" with a year in them are spared the
// expression.
func copyrightYearFollows(s string) bool {
	for i := 0; i < len(s); i++ {
		k := copyrightMark(s, i)
		if k < 0 {
			continue
		}
		for k < len(s) {
			if ascii.Space(s[k]) {
				k++
			} else if m := copyrightMark(s, k); m >= 0 {
				k = m
			} else {
				break
			}
		}
		if k+4 <= len(s) && isDigit(s[k]) && isDigit(s[k+1]) && isDigit(s[k+2]) && isDigit(s[k+3]) {
			return true
		}
	}
	return false
}

// copyrightMark returns the end of the copyright mark ("©", "(c)",
// "copyright" in any case) that starts at i in s, or -1.
func copyrightMark(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "©"):
		return i + len("©")
	case i+3 <= len(s) && s[i] == '(' && s[i+1]|0x20 == 'c' && s[i+2] == ')':
		return i + 3
	case len(s)-i >= len("copyright") && strings.EqualFold(s[i:i+len("copyright")], "copyright"):
		return i + len("copyright")
	}
	return -1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// containsASCIIFold reports whether s holds the lower-case ASCII word in
// any case, without lower-casing a copy of s.
func containsASCIIFold(s, word string) bool {
	if word == "" {
		return true
	}
	last := len(s) - len(word) // the last place word can start
	first := word[0]
	letter := first >= 'a' && first <= 'z'
	// The next places of the first letter in lower and upper case, found
	// by byte search and kept until passed: the chrome pass asks this of
	// whole documents, where trying every place is several times slower.
	lower, upper := -1, -1
	for i := 0; i <= last; i++ {
		if letter {
			if lower < i {
				lower = nextByte(s, i, last, first)
			}
			if upper < i {
				upper = nextByte(s, i, last, first-0x20)
			}
			i = min(lower, upper)
			if i > last {
				return false
			}
		}
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// nextByte is the first index of c in s from i up to last, or last+1.
func nextByte(s string, i, last int, c byte) int {
	if k := strings.IndexByte(s[i:last+1], c); k >= 0 {
		return i + k
	}
	return last + 1
}

// needsTypography reports whether s holds a character of typographyPairs;
// most lines with non-ASCII text (accents, bullets, other scripts) have
// none, and are not copied. ASCII text is read eight bytes at a time.
func needsTypography(s string) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); x&highBits == 0 {
				if bytesEqual(x, '\t')|bytesEqual(x, '\r') != 0 {
					return true
				}
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\t' || c == '\r' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isTypography(r) {
			return true
		}
		i += size
	}
	return false
}

// isTypography reports the non-ASCII characters of typographyPairs.
func isTypography(r rune) bool {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb',
		'\u00a0', '\u202f', '\u2007', '\u2009', '\u200a', '\u2002', '\u2003', '\u3000',
		'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
		'\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2026':
		return true
	}
	return false
}

// hasDateShape reports whether s holds something a date alternative of
// datedLabel needs: a four-digit year, or digits around a slash or dot
// (12/31/24). Most lines with numbers ("within 30 days") have neither, and
// skip the regular expression, which dominates the cost otherwise.
func hasDateShape(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if run == 0 && i+8 <= len(s) {
			// Eight ASCII bytes without a digit hold no year and end
			// no run of digits.
			if x := load64(s, i); x&highBits == 0 && bytesIn(x, '0', '9') == 0 {
				i += 7
				continue
			}
		}
		c := s[i]
		if c >= '0' && c <= '9' {
			run++
			if run == 4 {
				return true
			}
			continue
		}
		if run > 0 && (c == '/' || c == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
		run = 0
	}
	return false
}

// mayHaveDateLabel is a cheap test that spares most lines the date
// expression.
func mayHaveDateLabel(s string) bool {
	lower := strings.ToLower(s)
	for _, stem := range []string{"updat", "effective", "modif", "revis", "chang", "amend", "review", "publish", "version"} {
		if strings.Contains(lower, stem) {
			return true
		}
	}
	return false
}

// Significant returns the canonical form of a Markdown document used to
// decide whether a new version is a real change. It drops what varies
// between renderings of the same text: publication dates after "Last
// updated"/"Effective" labels, whitespace and line wrapping, typography
// (curly quotes, non-breaking spaces, dash variants), Markdown emphasis,
// heading levels and numbering, list bullets, table pipes, copyright years
// and the order of navigation lists (list items that are only a link). Two documents that differ
// only in such noise have equal Significant values.
func Significant(markdown string) string {
	var w sigWriter
	w.s.Grow(len(markdown))
	writeSignificant(&w, markdown)
	return w.s.String()
}

// writeSignificant writes the significant form of a document to w, section
// by section and line by line, without splitting the bodies into slices
// of lines.
func writeSignificant(w *sigWriter, markdown string) {
	var ls sigLines
	for _, p := range Parse(markdown) {
		// What joinParts writes, without keeping each body's form.
		if h := headingSig(p.Heading); h != "" {
			if w.n > 0 {
				w.writeByte(' ')
			}
			w.writeString(h)
		}
		for body := p.Body; ; {
			line, rest, more := strings.Cut(body, "\n")
			ls.add(w, line, cleanLine(line))
			if !more {
				break
			}
			body = rest
		}
		ls.flush(w)
	}
}

// Fingerprint is the hex SHA-256 of a text's significant form: equal
// fingerprints mean the texts differ at most in noise. The form is hashed
// as it is written, never held whole.
func Fingerprint(markdown string) string {
	h := sha256.New()
	w := sigWriter{hashed: bufio.NewWriterSize(h, sigChunk)}
	writeSignificant(&w, markdown)
	w.hashed.Flush() // a hash's Write never fails
	return hex.EncodeToString(h.Sum(nil))
}

// sigWriter receives a significant form: it keeps it in a string, or,
// when hashed is set, passes it on to a hash in pieces.
type sigWriter struct {
	s      strings.Builder // the form, when hashed is nil
	hashed *bufio.Writer
	n      int // bytes written
}

// sigChunk is the size of the pieces a hashed form is written in.
const sigChunk = 4096

func (w *sigWriter) writeByte(c byte) {
	w.n++
	if w.hashed != nil {
		w.hashed.WriteByte(c)
		return
	}
	w.s.WriteByte(c)
}

func (w *sigWriter) writeString(s string) {
	w.n += len(s)
	if w.hashed != nil {
		w.hashed.WriteString(s)
		return
	}
	w.s.WriteString(s)
}

// joinParts is the significant form of a parsed document, from the parts
// Compare prepares; it equals Significant (FuzzCompare checks it).
func joinParts(parts []*part) string {
	var b strings.Builder
	for _, p := range parts {
		for _, s := range []string{p.exact, p.sig()} {
			if s == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// isLinkItem reports a list item made of one Markdown link and nothing else.
func isLinkItem(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) < 6 || !strings.ContainsRune("-*+", rune(line[0])) || line[1] != ' ' {
		return false
	}
	item := strings.TrimSpace(line[2:])
	close := strings.Index(item, "](")
	return strings.HasPrefix(item, "[") && close > 0 && strings.HasSuffix(item, ")") &&
		!strings.Contains(item[close+2:len(item)-1], " ") && strings.Count(item, "](") == 1
}

// appendSignificant writes the canonical words of one line, already
// cleaned (cleanLine), to b, each preceded by a space when b is not empty.
func appendSignificant(b *sigWriter, line string) {
	line = stripBlockMarkers(canonicalLinks(line))
	if line == "" || isRuleLine(line) {
		return
	}
	if plainWords(line) {
		// Most lines of a policy are plain prose, which the loop below
		// would copy word by word unchanged.
		if b.n > 0 {
			b.writeByte(' ')
		}
		b.writeString(line)
		return
	}
	appendTokens(b, line)
}

// plainWords reports whether appendTokens would write line unchanged:
// words separated by single spaces, with no emphasis marks, escapes, runs
// of dashes or other whitespace.
func plainWords(line string) bool {
	for i, next := 0, 0; i < len(line); i++ {
		if i >= next {
			// Blocks of plain words are passed over whole, and the
			// bytes of the block after them tested one by one.
			if i = plainBlocks(line, i); i == len(line) {
				break
			}
			next = i + 8
		}
		c := line[i]
		if byteClass[c]&classPlainWord != 0 {
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(line[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
			continue
		}
		switch {
		case c == ' ':
			if i+1 == len(line) || line[i+1] == ' ' {
				return false
			}
		case c < ' ', c == 0x7f, isDecoration(rune(c)), c == '\\':
			return false
		case c == '-' && i+1 < len(line) && line[i+1] == '-':
			return false
		}
	}
	return line[0] != ' '
}

// appendTokens writes line's canonical words to b, each preceded by a
// space when b is not empty.
func appendTokens(b *sigWriter, line string) {
	// A token is written as runs of line between decorations, so that
	// "**Clauses**." and "Clauses." give the same word; a token of dashes
	// is one dash, so that "--" and "—" (already "-") agree.
	start, inToken, dashesOnly := -1, false, true
	marks := 0 // emphasis marks since the last token's end
	end := func(i int) {
		if start < 0 {
			return
		}
		if !inToken && b.n > 0 {
			b.writeByte(' ')
		}
		switch {
		case dashesOnly && inToken: // the token's dash is written already
		case dashesOnly:
			b.writeByte('-')
		default:
			b.writeString(line[start:i])
		}
		inToken, start = true, -1
	}
	for i, r := range line {
		switch {
		case r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r):
			end(i)
			inToken, dashesOnly, marks = false, true, 0
		case isDecoration(r) || r == '\\' && i+1 < len(line) && isASCIIPunct(line[i+1]):
			// Emphasis marks and Markdown escapes are artefacts of
			// conversion, not text.
			end(i)
			if r == '*' || r == '_' {
				marks++
			}
		default:
			if start < 0 {
				start = i
				if marks >= minEmphasisJoin {
					// One emphasis closed and the next opened with no
					// space ("**Example.com****Privacy**"): two elements
					// of the page, whose words a space parts as well.
					inToken = false
				}
				marks = 0
			}
			if r != '-' {
				dashesOnly = false
			}
		}
	}
	end(len(line))
}

// minEmphasisJoin is the fewest emphasis marks between two words that
// close one emphasis and open the next: "**a****b**".
const minEmphasisJoin = 4

// isDecoration reports characters that only carry Markdown presentation.
func isDecoration(r rune) bool {
	switch r {
	case '*', '_', '`', '|', '~':
		return true
	}
	return false
}

func isASCIIPunct(c byte) bool {
	return c < 128 && unicode.IsPunct(rune(c)) || c == '`' || c == '|' || c == '~' || c == '<' || c == '>' || c == '+' || c == '='
}

// stripBlockMarkers removes heading hashes, quote markers and list bullets
// ("- ", "• ") from the start of a line; they are layout, not wording.
func stripBlockMarkers(line string) string {
	line = strings.TrimSpace(line)
	for {
		switch {
		case strings.HasPrefix(line, "#"):
			line = strings.TrimLeft(line, "#")
		case strings.HasPrefix(line, ">"):
			line = line[1:]
		case len(line) >= 2 && strings.ContainsRune("-*+", rune(line[0])) && line[1] == ' ':
			line = line[2:]
		case strings.HasPrefix(line, "• "):
			// A bullet typed as a character, not as Markdown.
			line = line[len("• "):]
		default:
			return line
		}
		line = strings.TrimSpace(line)
	}
}

// isRuleLine reports horizontal rules, setext underlines and table
// separator rows.
func isRuleLine(line string) bool {
	for _, r := range line {
		if !strings.ContainsRune("-=|: *_", r) {
			return false
		}
	}
	return true
}
