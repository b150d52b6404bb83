package analysis

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendFolded writes a lower-case letter or digit folded to plain
// letters: accents are dropped ("é" is "e", "ü" is "u") and ligatures and
// "ß" are spelt out ("œ" is "oe", "ß" is "ss"). Rules and text are folded
// alike, so "données" and "donnees" are the same word, whether the text
// is composed or decomposed and whoever wrote the rule.
func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		return append(b, byte(r))
	}
	switch r {
	case 'ß':
		return append(b, "ss"...)
	case 'æ':
		return append(b, "ae"...)
	case 'œ':
		return append(b, "oe"...)
	case 'ø':
		return append(b, 'o')
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if d := norm.NFD.Properties(buf[:n]).Decomposition(); len(d) > 0 && d[0] < utf8.RuneSelf {
		return append(b, d[0]) // the base letter of "é", "ñ", "ç"…
	}
	return utf8.AppendRune(b, r)
}

// foldWord folds a lower-case word of a rule as tokenize folds text.
func foldWord(w string) string {
	if isASCII(w) && !strings.ContainsRune(w, '\'') {
		return w
	}
	var b []byte
	for _, r := range w {
		if isWordRune(r) {
			b = appendFolded(b, r)
		}
	}
	return string(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
