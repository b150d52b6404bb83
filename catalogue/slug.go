package catalogue

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify derives a slug from a platform name: ASCII letters and digits in
// lower case, every run of other characters turned into a single "-", no
// leading or trailing "-". Accents are dropped rather than treated as
// separators, so "Café" becomes "cafe", not "caf".
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isSlug reports whether s is already in the form Slugify produces.
func isSlug(s string) bool {
	return s != "" && Slugify(s) == s
}
