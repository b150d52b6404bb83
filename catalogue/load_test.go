package catalogue

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func declaration(name string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`{"name": "` + name + `", "terms": {"Terms of Service": {"fetch": "https://example.com/tos"}}}`)}
}

func TestLoadDirKeepsGoodFilesAndNamesBadOnes(t *testing.T) {
	fsys := fstest.MapFS{
		"decl/Alpha.json":           declaration("Alpha"),
		"decl/Broken.json":          {Data: []byte(`{"name": "Broken", "terms": {"Terms of Service": {"fetch": ""}}}`)},
		"decl/Charlie.json":         declaration("Charlie"),
		"decl/Charlie.history.json": {Data: []byte(`{"Terms of Service": [{"fetch": "https://example.com/old", "validUntil": "2020-01-01"}]}`)},
		"decl/Dup.json":             declaration("alpha"),
		"decl/Junk.json":            {Data: []byte(`{"name": `)},
		"decl/notes.txt":            {Data: []byte("not a declaration")},
		"decl/sub/Zulu.json":        declaration("Zulu"),
	}
	platforms, err := LoadDir(fsys, "decl")

	var slugs []string
	for _, p := range platforms {
		slugs = append(slugs, p.Slug)
	}
	if got := strings.Join(slugs, ","); got != "alpha,charlie" {
		t.Errorf("platforms = %s, want alpha,charlie", got)
	}
	if err == nil {
		t.Fatal("LoadDir reported no error")
	}
	for _, want := range []string{
		`decl/Broken.json: terms["Terms of Service"].fetch: empty URL`,
		`decl/Dup.json: slug: "alpha" is already declared by decl/Alpha.json`,
		`decl/Junk.json: invalid JSON`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 3 {
		t.Errorf("error lists %d problems, want 3:\n%v", n, err)
	}
	var de *DeclarationError
	if !errors.As(err, &de) {
		t.Errorf("joined error does not expose a *DeclarationError")
	}
}

func TestLoadDirMissingDir(t *testing.T) {
	if _, err := LoadDir(fstest.MapFS{}, "nowhere"); err == nil {
		t.Fatal("LoadDir of a missing directory succeeded")
	}
}
