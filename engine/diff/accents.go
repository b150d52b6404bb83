package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// accentsOnly reports two runs of words that differ only in accents and
// in how the words are split: French written without its accents and
// corrected ("donnees a caractere" becoming "données à caractère", "sont
// elles" becoming "sont-elles"). An accent changes a word only in
// spelling; the sentence says the same.
func accentsOnly(d, n []tok) bool {
	if len(d) == 0 || len(n) == 0 {
		return false
	}
	a, b := joinNorm(d, ""), joinNorm(n, "")
	return a != b && unaccented(a) == unaccented(b)
}

// unaccented returns s with each accented letter replaced by its base
// letter ("é" is "e", "à" is "a").
func unaccented(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		var buf [utf8.UTFMax]byte
		size := utf8.EncodeRune(buf[:], r)
		if d := norm.NFD.Properties(buf[:size]).Decomposition(); len(d) > 0 && d[0] < utf8.RuneSelf {
			b.WriteByte(d[0])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lettersRepaired reports two runs of words that differ only in letters
// that a wrong character decoding replaced by "�" on one side: a page
// read in the wrong encoding and then read right ("li�e �" and "liée
// à"). The words are compared as written, since the replacement
// character is no letter and drops out of their normal forms.
func lettersRepaired(del, ins []string) bool {
	a, b := strings.Join(del, " "), strings.Join(ins, " ")
	return a != b && (replacedLetters(a, b) || replacedLetters(b, a))
}

// replacedLetters reports whether bad is good with some of its letters
// outside ASCII replaced by the replacement character: one for the
// letter, or one for each of its bytes ("ét��" for "été": the two bytes
// of "é" read one by one).
func replacedLetters(bad, good string) bool {
	if !strings.ContainsRune(bad, utf8.RuneError) {
		return false
	}
	return lettersMatch(bad, good)
}

// lettersMatch compares bad and good as replacedLetters does, trying
// first a replacement character for each byte of a letter, then one for
// the whole letter.
func lettersMatch(bad, good string) bool {
	for bad != "" && good != "" {
		rb, nb := utf8.DecodeRuneInString(bad)
		rg, ng := utf8.DecodeRuneInString(good)
		switch {
		case rb == rg:
		case rb == utf8.RuneError && rg >= utf8.RuneSelf && unicode.IsLetter(rg):
			if rest, ok := cutReplacements(bad, ng); ng > 1 && ok && lettersMatch(rest, good[ng:]) {
				return true
			}
		default:
			return false
		}
		bad, good = bad[nb:], good[ng:]
	}
	return bad == "" && good == ""
}

// cutReplacements removes n replacement characters from the start of s;
// ok is false when s does not start with n of them.
func cutReplacements(s string, n int) (string, bool) {
	for range n {
		r, size := utf8.DecodeRuneInString(s)
		if r != utf8.RuneError || size == 0 {
			return s, false
		}
		s = s[size:]
	}
	return s, true
}
