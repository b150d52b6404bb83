package catalogue

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// LoadDir parses every *.json declaration directly inside dir of fsys, in
// file-name order. A bad file does not stop the others: LoadDir returns the
// platforms it could read together with an error joining one error per bad
// file, each naming the file. Two files declaring the same slug are an
// error against the second one.
//
// Open Terms Archive keeps the past rules of a declaration next to it in
// NAME.history.json; those are not declarations and are skipped, so one of
// that project's declarations directories loads as it is.
func LoadDir(fsys fs.FS, dir string) ([]Platform, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read catalogue %s: %w", dir, err)
	}
	var (
		platforms []Platform
		errs      []error
		slugFile  = make(map[string]string)
	)
	for _, entry := range entries {
		name := entry.Name()
		if entry.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".history.json") {
			continue
		}
		file := path.Join(dir, name)
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		platform, err := Parse(file, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if other, dup := slugFile[platform.Slug]; dup {
			errs = append(errs, &DeclarationError{File: file, Field: "slug", Err: fmt.Errorf("%q is already declared by %s", platform.Slug, other)})
			continue
		}
		slugFile[platform.Slug] = file
		platforms = append(platforms, platform)
	}
	return platforms, errors.Join(errs...)
}

//go:embed platforms/*.json
var embedded embed.FS

// Embedded returns the catalogue shipped with the binary, one platform per
// file of platforms/, ordered by slug.
func Embedded() ([]Platform, error) {
	return LoadDir(embedded, "platforms")
}
