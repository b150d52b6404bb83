package diff

import "strings"

// frenchElisions are the French articles and prepositions written elided
// before a word, with either apostrophe: "l'adresse", "d’Example".
var frenchElisions = []string{"l'", "d'", "l\u2019", "d\u2019"}

// cutElision returns the word after the elided article or preposition
// that w opens with, in either case ("L'adresse", "d'Example"), and
// whether there was one.
func cutElision(w string) (string, bool) {
	for _, p := range frenchElisions {
		if len(w) >= len(p) && strings.EqualFold(w[:len(p)], p) {
			return w[len(p):], true
		}
	}
	return w, false
}
