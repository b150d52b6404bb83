package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize rewrites Markdown (or plain text) so that the same text always
// yields the same bytes, whatever typography or layout the site used that
// day:
//
//   - invalid UTF-8 becomes U+FFFD and the text is put in Unicode NFC;
//   - curly quotes become straight ones, every dash and hyphen variant
//     becomes "-", the ellipsis character becomes "...";
//   - non-breaking and other Unicode spaces become plain spaces; zero-width
//     characters, soft hyphens and control characters are dropped;
//   - line breaks become "\n"; runs of spaces inside a line collapse to one,
//     trailing spaces go, leading indentation is kept (tabs count as four
//     spaces) because Markdown lists depend on it;
//   - blank lines collapse to one; the text has no leading blank lines and
//     ends with exactly one "\n" (an empty or blank text yields "").
//
// Normalize is idempotent: Normalize(Normalize(s)) == Normalize(s).
//
// Most text is already in NFC, so Normalize first does everything else in
// one pass and returns that when it is in NFC. Layout only drops or adds
// ASCII spaces and line breaks, which never compose with a neighbour, so
// the result is in NFC exactly when the mapped text is, and composing
// first (normalizeComposed) would have changed nothing.
func Normalize(markdown string) string {
	return normalize(markdown)
}

// normalize is Normalize for text in a string or in a byte slice, such as
// the converter's buffer, which then needs no copy.
func normalize[T string | []byte](markdown T) string {
	if out, inNFC := normalizeOnePass(markdown); inNFC {
		return out
	}
	return normalizeComposed(string(markdown))
}

// normalizeComposed is Normalize step by step: valid UTF-8, typography,
// NFC (and typography again), the ellipsis, then layout.
func normalizeComposed(markdown string) string {
	s := strings.ToValidUTF8(markdown, "\uFFFD")
	s = strings.Map(typography, s)
	// NFC can turn a few singleton code points (U+2000 EN QUAD, say) into
	// ones that typography maps, so map once more after composing.
	if !norm.NFC.IsNormalString(s) {
		s = strings.Map(typography, norm.NFC.String(s))
	}
	s = strings.ReplaceAll(s, "\u2026", "...")
	return layout(s)
}

// normalizeOnePass is normalizeComposed without NFC, in one pass over the
// text: invalid UTF-8, typography and the ellipsis are handled rune by
// rune, and the runes go straight into the layout of their line. It also
// reports whether the result is in NFC.
func normalizeOnePass[T string | []byte](s T) (string, bool) {
	var n normalizer
	n.b.Grow(len(s) + 1)
	writeNormalized(&n, s)
	out := n.finish()
	return out, n.inNFC(out)
}

// normalizer is normalizeOnePass for text that comes in pieces: the
// pieces written in turn give what their concatenation gives, even where
// one cuts a character in two.
type normalizer struct {
	b       strings.Builder
	indent  int  // width of the current line's indentation so far
	inLine  bool // the current line has content
	space   bool // a space owed before the next content
	blank   int  // blank lines seen since the last written line
	wrote   bool // a line was written
	afterCR bool // the last rune kept was "\r": a "\n" now ends no line
	invalid bool // the last byte was part of invalid UTF-8
	// cut is the start of a character that the end of the last piece cut
	// off, to be completed by the next one.
	cut  [utf8.UTFMax]byte
	ncut int
	// mayCompose is set once a character from U+0300 on is written:
	// every character below is a starter that NFC keeps as it is and
	// that composes with nothing before it, so text without one is in
	// NFC (TestNFCBelowCombiningMarks).
	mayCompose bool
}

// firstComposing is the first character that NFC may change or combine
// with the one before: U+0300, COMBINING GRAVE ACCENT.
const firstComposing = '\u0300'

// inNFC reports whether out, what n finished with, is in NFC, without
// reading it when n wrote no character that NFC could change.
func (n *normalizer) inNFC(out string) bool {
	return !n.mayCompose || norm.NFC.IsNormalString(out)
}

// writeNormalized adds a piece of text to n.
func writeNormalized[T string | []byte](n *normalizer, s T) {
	i := 0
	if n.ncut > 0 {
		// The cut character, completed by the first bytes of s.
		var buf [2 * utf8.UTFMax]byte
		k := copy(buf[:], n.cut[:n.ncut])
		k += copy(buf[k:], s)
		joined, old := buf[:k], n.ncut
		n.ncut = 0
		j := 0
		for j < old {
			if j = normalizeStep(n, joined, j, false); n.ncut > 0 {
				return // s is all in joined, and still too short
			}
		}
		i = j - old
	}
	for i < len(s) {
		i = normalizeStep(n, s, i, false)
	}
}

// finish returns the normalized text; n is not to be used after.
func (n *normalizer) finish() string {
	if n.ncut > 0 {
		cut := n.cut[:n.ncut]
		n.ncut = 0
		for i := 0; i < len(cut); {
			i = normalizeStep(n, cut, i, true)
		}
	}
	if n.wrote {
		n.b.WriteByte('\n')
	}
	return n.b.String()
}

// content starts the current line if nothing was written on it, or
// writes the space owed, before content.
func (n *normalizer) content() {
	if !n.inLine {
		if n.wrote {
			n.b.WriteByte('\n')
			if n.blank > 0 {
				n.b.WriteByte('\n')
			}
		}
		n.blank, n.wrote, n.inLine = 0, true, true
		for range n.indent {
			n.b.WriteByte(' ')
		}
	} else if n.space {
		n.b.WriteByte(' ')
	}
	n.space = false
}

// normalizeStep handles a run of plain ASCII or one character of s from
// i, and returns where the next starts. A character that s ends before it
// is complete is kept in n.cut, unless last says that no piece follows.
func normalizeStep[T string | []byte](n *normalizer, s T, i int, last bool) int {
	if isPlainASCII(s[i]) {
		// Printable ASCII, with single spaces between: written as it
		// is, by the run.
		j := i + 1
		for j < len(s) {
			if j+9 <= len(s) {
				if k := skipWords(s, j, true); k > j {
					j = k
					continue
				}
			}
			if !isPlainASCII(s[j]) && (s[j] != ' ' || j+1 == len(s) || !isPlainASCII(s[j+1])) {
				break
			}
			j++
		}
		n.content()
		writeRun(&n.b, s[i:j])
		n.afterCR, n.invalid = false, false
		return j
	}
	r, size := rune(s[i]), 1
	if r >= utf8.RuneSelf {
		if !last && !fullRune(s[i:]) {
			n.ncut = copy(n.cut[:], s[i:])
			return len(s)
		}
		r, size = decodeRune(s[i:])
		if size == 1 { // invalid: one U+FFFD for the run
			if n.invalid {
				return i + 1
			}
			n.invalid = true
			r = utf8.RuneError
			size = 0
		}
	}
	next := i + 1
	if size > 0 {
		n.invalid = false
		next = i + size
	}
	switch r = typography(r); r {
	case -1:
		return next
	case '\n', '\r':
		if r == '\n' && n.afterCR {
			n.afterCR = false
			return next
		}
		n.afterCR = r == '\r'
		if !n.inLine {
			n.blank++
		}
		n.indent, n.inLine, n.space = 0, false, false
		return next
	}
	n.afterCR = false
	switch r {
	case ' ':
		if !n.inLine {
			n.indent++
		} else {
			n.space = true
		}
	case '\t':
		if !n.inLine {
			n.indent += 4
		} else {
			n.space = true
		}
	case '\u2026':
		n.content()
		n.b.WriteString("...")
	default:
		n.content()
		if r < utf8.RuneSelf {
			n.b.WriteByte(byte(r))
		} else {
			n.b.WriteRune(r)
			n.mayCompose = n.mayCompose || r >= firstComposing
		}
	}
	return next
}

// typography maps one rune to its canonical form; -1 drops it. "\r" is kept
// for layout, which knows whether it starts a "\r\n" pair.
func typography(r rune) rune {
	switch r {
	case '\n', '\r', '\t':
		return r
	case '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000':
		return ' '
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return -1
	case '\u2018', '\u2019', '\u201A', '\u201B':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u2028', '\u2029':
		return '\n'
	}
	switch {
	case r >= '\u2000' && r <= '\u200A':
		return ' '
	case r < 0x20, r == 0x7F, r >= 0x80 && r <= 0x9F:
		return -1
	}
	return r
}

// layout fixes line breaks, spaces and blank lines as Normalize describes.
func layout(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0 // blank lines seen since the last written line
	wrote := false
	for len(s) > 0 {
		line := s
		if i := strings.IndexAny(s, "\r\n"); i >= 0 {
			line = s[:i]
			crlf := s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n'
			s = s[i+1:]
			if crlf {
				s = s[1:]
			}
		} else {
			s = ""
		}
		indent, rest := splitIndent(line)
		if rest == "" {
			blank++
			continue
		}
		if wrote {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		wrote = true
		for range indent {
			b.WriteByte(' ')
		}
		writeCollapsed(&b, rest)
	}
	if wrote {
		b.WriteByte('\n')
	}
	return b.String()
}

// splitIndent returns the width of the leading indentation (a tab counts
// four) and the rest of the line, which is empty for a blank line.
func splitIndent(line string) (int, string) {
	width := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			width++
		case '\t':
			width += 4
		default:
			return width, line[i:]
		}
	}
	return 0, ""
}

// writeCollapsed writes text with inner runs of spaces and tabs collapsed
// to one space and trailing ones dropped.
func writeCollapsed(b *strings.Builder, text string) {
	space := false
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\t' {
			space = true
			i++
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		b.WriteString(text[i : i+size])
		i += size
	}
}

// isPlainASCII reports the bytes that Normalize keeps as they are and
// that end no run of spaces: printable ASCII but the space.
func isPlainASCII(c byte) bool { return c > ' ' && c < 0x7F }

// writeRun writes s, a string or a byte slice, to b.
func writeRun[T string | []byte](b *strings.Builder, s T) {
	switch v := any(&s).(type) {
	case *string:
		b.WriteString(*v)
	case *[]byte:
		b.Write(*v)
	}
}

// fullRune is utf8.FullRuneInString for a string or a byte slice.
func fullRune[T string | []byte](s T) bool {
	switch v := any(&s).(type) {
	case *string:
		return utf8.FullRuneInString(*v)
	case *[]byte:
		return utf8.FullRune(*v)
	}
	return true
}

// decodeRune is utf8.DecodeRuneInString for a string or a byte slice.
func decodeRune[T string | []byte](s T) (rune, int) {
	switch v := any(&s).(type) {
	case *string:
		return utf8.DecodeRuneInString(*v)
	case *[]byte:
		return utf8.DecodeRune(*v)
	}
	return utf8.RuneError, 1
}
