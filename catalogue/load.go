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
// NAME.history.json, and its JavaScript filters in NAME.filters.js (and
// NAME.filters.history.js): LoadDir reads a history file into the
// documents' History, and gives each JavaScript filter its module, which
// the engine runs in its browser (see LoadFile). So one of that project's
// declarations directories loads as it is.
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
		platform, err := LoadFile(fsys, file)
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

// LoadFile parses one declaration file of fsys, with its history and
// filters files when they are beside it. A history or filters file given instead of a
// declaration is refused with a message saying what it is.
func LoadFile(fsys fs.FS, file string) (Platform, error) {
	if err := notADeclaration(file); err != nil {
		return Platform{}, err
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return Platform{}, fmt.Errorf("%s: %w", file, err)
	}
	filters, err := readFilters(fsys, file)
	if err != nil {
		return Platform{}, err
	}
	platform, err := parse(file, data, filters)
	if err != nil {
		return Platform{}, err
	}
	histFile := HistoryFile(file)
	data, err = fs.ReadFile(fsys, histFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return platform, nil
	case err != nil:
		platform.Refused = append(platform.Refused, fmt.Errorf("%s: %w", histFile, err))
		return platform, nil
	}
	history, refused, err := parseHistory(histFile, data, filters)
	if err != nil {
		// The current rules are sound: import them, and say that the past
		// ones are not.
		platform.Refused = append(platform.Refused, err)
		return platform, nil
	}
	platform.Refused = append(platform.Refused, refused...)
	for i, d := range platform.Documents {
		platform.Documents[i].History = history[d.Type]
	}
	return platform, nil
}

// readFilters reads the JavaScript filters files beside a declaration.
func readFilters(fsys fs.FS, declaration string) (filtersFiles, error) {
	var f filtersFiles
	for _, file := range []struct {
		name string
		into *string
	}{{filtersFile(declaration), &f.module}, {strings.TrimSuffix(filtersFile(declaration), ".js") + ".history.js", &f.past}} {
		data, err := fs.ReadFile(fsys, file.name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return f, fmt.Errorf("%s: %w", file.name, err)
		default:
			*file.into = string(data)
		}
	}
	return f, nil
}

// notADeclaration explains the Open Terms Archive files that sit next to
// declarations and are not declarations themselves.
func notADeclaration(file string) error {
	base := path.Base(file)
	switch {
	case strings.HasSuffix(base, ".history.json"):
		return &DeclarationError{File: file, Err: fmt.Errorf("an Open Terms Archive history file (the past rules of %s), not a declaration; import %s or its folder, which reads it",
			strings.TrimSuffix(base, ".history.json")+".json", strings.TrimSuffix(base, ".history.json")+".json")}
	case strings.HasSuffix(base, ".filters.js"), strings.HasSuffix(base, ".filters.history.js"):
		decl := strings.TrimSuffix(strings.TrimSuffix(base, ".js"), ".history")
		decl = strings.TrimSuffix(decl, ".filters") + ".json"
		return &DeclarationError{File: file, Err: fmt.Errorf("an Open Terms Archive file of JavaScript filters for %s, not a declaration; import %s or its folder, which reads it", decl, decl)}
	case !strings.HasSuffix(base, ".json"):
		return &DeclarationError{File: file, Err: errors.New("not a declaration: a declaration is a .json file")}
	}
	return nil
}

//go:embed platforms/*.json
var embedded embed.FS

// Embedded returns the catalogue shipped with the binary, one platform per
// file of platforms/, ordered by slug.
func Embedded() ([]Platform, error) {
	return LoadDir(embedded, "platforms")
}
