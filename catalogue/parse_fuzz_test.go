package catalogue

import (
	"errors"
	"io/fs"
	"path"
	"testing"
)

// FuzzParse checks that any input either parses into a usable platform or
// fails with a *DeclarationError naming the file — never a panic, never a
// half-valid platform.
func FuzzParse(f *testing.F) {
	entries, err := fs.ReadDir(embedded, "platforms")
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(embedded, path.Join("platforms", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"name": "A", "terms": {"Terms of Service": {"select": {"startAfter": "h1", "endBefore": "h2"}, "combine": [{"fetch": "https://a.example/"}]}}}`))
	f.Add([]byte(`{"name": "A", "documents": {"Cookies Policy": {"fetch": "https://a.example/", "filter": [{"x": 1}]}}}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.json", data)
		if err != nil {
			var de *DeclarationError
			if !errors.As(err, &de) || de.File != "f.json" {
				t.Fatalf("error %v (%T) is not a *DeclarationError for f.json", err, err)
			}
			return
		}
		// No documents is fine: "terms": {} is a retired service.
		if !isSlug(p.Slug) || p.Name == "" {
			t.Fatalf("accepted platform with slug %q, name %q", p.Slug, p.Name)
		}
		for _, r := range p.Refused {
			var de *DeclarationError
			if !errors.As(r, &de) || de.File != "f.json" || de.Field == "" {
				t.Fatalf("refusal %v (%T) is not a *DeclarationError naming a field of f.json", r, r)
			}
		}
		for _, d := range p.Documents {
			if canonical, ok := CanonicalType(d.Type); !ok || canonical != d.Type {
				t.Fatalf("accepted document type %q", d.Type)
			}
			if len(d.Sources) == 0 {
				t.Fatalf("%s: no sources", d.Type)
			}
			for _, src := range d.Sources {
				if src.URL == "" {
					t.Fatalf("%s: empty URL accepted", d.Type)
				}
				if err := src.Rules.Validate(); err != nil {
					t.Fatalf("%s: accepted rules the extractor refuses: %v", d.Type, err)
				}
			}
		}
	})
}
