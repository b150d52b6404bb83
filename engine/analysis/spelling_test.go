package analysis

import (
	"strings"
	"testing"
)

// spellingReference is spelling trying every British ending on every
// word, as it did before the endings' last letters were looked at first.
func spellingReference(w string) string {
	switch w {
	case "are":
		return "is"
	case "has":
		return "have"
	}
	for _, s := range britishEndings {
		if len(w) > len(s.british)+2 && strings.HasSuffix(w, s.british) {
			w = w[:len(w)-len(s.british)] + s.american
			break
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

func FuzzSpelling(f *testing.F) {
	for _, w := range []string{"are", "has", "organisations", "organisation", "recognise", "anonymised", "realises",
		"finalising", "advertisers", "adviser", "defence", "behaviour", "favour", "honour", "labour", "colour",
		"services", "shares", "access", "is", "ise", "wise", "raise", "data", "", "s"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := spelling(w), spellingReference(w); got != want {
			t.Fatalf("spelling(%q) = %q, want %q", w, got, want)
		}
	})
}
