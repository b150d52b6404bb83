package catalogue

import (
	"io/fs"
	"path"
	"strings"
	"testing"
)

func TestEmbeddedCatalogue(t *testing.T) {
	platforms, err := Embedded()
	if err != nil {
		t.Fatalf("Embedded: %v", err)
	}
	if len(platforms) < 30 {
		t.Errorf("catalogue has %d platforms, want at least 30", len(platforms))
	}
	for _, p := range platforms {
		for _, termsType := range []string{"Terms of Service", "Privacy Policy"} {
			if _, ok := p.Document(termsType); !ok {
				t.Errorf("%s: no %s", p.Slug, termsType)
			}
		}
		if p.Jurisdiction == "" || p.Locale != "en" || p.Category == "" {
			t.Errorf("%s: jurisdiction %q, locale %q, category %q; want all set, locale en", p.Slug, p.Jurisdiction, p.Locale, p.Category)
		}
		for _, d := range p.Documents {
			for _, src := range d.Sources {
				if !strings.HasPrefix(src.URL, "https://") {
					t.Errorf("%s %s: fetch %q is not https", p.Slug, d.Type, src.URL)
				}
			}
		}
	}
}

func TestEmbeddedFilesAreNamedBySlug(t *testing.T) {
	entries, err := fs.ReadDir(embedded, "platforms")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		file := path.Join("platforms", e.Name())
		data, err := fs.ReadFile(embedded, file)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Parse(file, data)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if want := p.Slug + ".json"; e.Name() != want {
			t.Errorf("%s declares slug %q; name the file %s", file, p.Slug, want)
		}
	}
}

func TestEmbeddedHasTheAdvertisedPlatforms(t *testing.T) {
	platforms, err := Embedded()
	if err != nil {
		t.Fatalf("Embedded: %v", err)
	}
	have := make(map[string]bool)
	for _, p := range platforms {
		have[p.Slug] = true
	}
	for _, slug := range []string{
		"zoom", "slack", "microsoft", "google", "facebook", "instagram", "whatsapp", "tiktok", "x",
		"linkedin", "reddit", "discord", "snapchat", "pinterest", "youtube", "spotify", "netflix",
		"amazon", "apple", "uber", "airbnb", "strava", "redfin", "dropbox", "notion", "openai",
		"github", "salesforce", "shopify", "atlassian", "adobe", "telegram",
	} {
		if !have[slug] {
			t.Errorf("catalogue lacks %s", slug)
		}
	}
}
