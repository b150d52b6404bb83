package extract

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// tosgenRules are the rules tosgen writes into its declarations.
func tosgenRules() Rules {
	return Rules{
		Select: []Selector{{CSS: "article.terms"}},
		Remove: []Selector{{CSS: ".cookie-banner"}, {CSS: ".article-tools"}},
	}
}

// fixture reads a gzipped page from testdata.
func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	page, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return page
}
