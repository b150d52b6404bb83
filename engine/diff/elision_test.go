package diff

import "testing"

func TestCutElision(t *testing.T) {
	tests := []struct {
		word, rest string
		ok         bool
	}{
		{"l'adresse", "adresse", true},
		{"d’Exemple", "Exemple", true},
		{"L'Exemple", "Exemple", true},
		{"D’après", "après", true},
		{"n'importe", "n'importe", false}, // a negation, not an article
		{"qu'il", "qu'il", false},
		{"lady", "lady", false},
		{"l", "l", false},
		{"l’", "", true},
	}
	for _, tt := range tests {
		rest, ok := cutElision(tt.word)
		if rest != tt.rest || ok != tt.ok {
			t.Errorf("cutElision(%q) = %q, %v; want %q, %v", tt.word, rest, ok, tt.rest, tt.ok)
		}
	}
}

// TestElided: the word after an elided article is read as a contact
// word, in either case and with either apostrophe.
func TestElided(t *testing.T) {
	for raw, want := range map[string]string{
		"l'adresse":    "adresse",
		"**L’Adresse,": "adresse",
		"(d'un":        "un",
		"adresse":      "",
		"n'est":        "",
	} {
		if got := elided(raw); got != want {
			t.Errorf("elided(%q) = %q, want %q", raw, got, want)
		}
	}
}
