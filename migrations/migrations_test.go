package migrations

import (
	"io/fs"
	"slices"
	"testing"
)

func TestDialectsHaveTheSameFiles(t *testing.T) {
	pg, err := fs.Glob(FS, "postgres/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	lite, err := fs.Glob(FS, "sqlite/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	base := func(paths []string, dir string) []string {
		out := make([]string, len(paths))
		for i, p := range paths {
			out[i] = p[len(dir)+1:]
		}
		return out
	}
	if len(pg) == 0 {
		t.Fatal("no migrations embedded")
	}
	if a, b := base(pg, "postgres"), base(lite, "sqlite"); !slices.Equal(a, b) {
		t.Fatalf("migration files differ:\npostgres: %v\nsqlite:   %v", a, b)
	}
}
