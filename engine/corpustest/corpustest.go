// Package corpustest gives tests the pairs of the shared analysis corpus,
// which lives beside the repository (../shared/corpus/analysis from the
// module root). Under CI a missing corpus fails the test, so that the corpus
// tests cannot pass by not running; elsewhere it skips them.
package corpustest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Pair is one directory of the corpus: old.md, new.md and expected.json.
type Pair struct {
	Name string
	Dir  string
}

// Pairs returns the corpus pairs in name order. It fails the test when the
// environment variable CI is set and the corpus is missing or empty, and
// skips it otherwise.
func Pairs(t testing.TB) []Pair {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatalf("shared corpus: %v", err)
	}
	return pairs(t, filepath.Join(root, "..", "shared", "corpus", "analysis"), os.Getenv("CI") != "")
}

func pairs(t testing.TB, dir string, ci bool) []Pair {
	t.Helper()
	entries, err := os.ReadDir(dir)
	var ps []Pair
	for _, e := range entries {
		if e.IsDir() {
			ps = append(ps, Pair{Name: e.Name(), Dir: filepath.Join(dir, e.Name())})
		}
	}
	if len(ps) > 0 {
		return ps
	}
	reason := "it has no pair directories"
	if err != nil {
		reason = err.Error()
	}
	if ci {
		t.Fatalf("shared corpus %s is missing (%s); CI must check it out beside the repository", dir, reason)
	}
	t.Skipf("shared corpus %s not available: %s", dir, reason)
	return nil
}

// moduleRoot is the nearest directory above the working directory (the
// test's package) that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("working directory: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
