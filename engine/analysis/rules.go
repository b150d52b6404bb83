package analysis

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"
)

// ruleFiles are the provision categories as data, one file per category,
// read in name order (the order of reports). rules/README.md describes
// the format for the analysts who edit them.
//
//go:embed rules/*.yaml
var ruleFiles embed.FS

// loaded is the compiled rule table, read once; it is never modified
// afterwards.
var loaded = sync.OnceValues(func() (*classifier, error) {
	sub, err := fs.Sub(ruleFiles, "rules")
	if err != nil {
		return nil, err
	}
	cats, err := loadCategories(sub)
	if err != nil {
		return nil, err
	}
	return compile(cats)
})

// LoadRules reads and validates the embedded rule files. Commands call it
// at start so that a broken rule file stops the program with an error
// naming the file and entry, instead of failing at the first analysis.
func LoadRules() error {
	_, err := loaded()
	return err
}

// rules returns the compiled table. The files are embedded and
// TestRuleFiles checks them, so an error here is a build defect.
func rules() *classifier {
	c, err := loaded()
	if err != nil {
		panic(err)
	}
	return c
}

// Categories returns the rule table, one entry per provision category, in
// the stable order used for reports. The slice is a fresh copy; the
// lists inside each Category are shared and must not be modified.
func Categories() []Category {
	cats := rules().cats
	out := make([]Category, len(cats))
	for i, c := range cats {
		out[i] = c.Category
	}
	return out
}

// ruleFileName is NN-id.yaml: the number orders the categories.
var ruleFileName = regexp.MustCompile(`^[0-9]+-([a-z][a-z0-9_]*)\.yaml$`)

// loadCategories decodes and validates every *.yaml file of fsys: the
// categories, then the language files that add to them.
func loadCategories(fsys fs.FS) ([]Category, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, errors.New("rules: no category files")
	}
	slices.Sort(names)
	var cats []Category
	var errs []error
	var langFiles []string
	file := map[string]string{}
	for _, name := range names {
		if languageFileName.MatchString(name) {
			langFiles = append(langFiles, name)
			continue
		}
		c, err := loadCategory(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, dup := file[c.ID]; dup {
			errs = append(errs, fmt.Errorf("rules/%s: category %s already defined in %s", name, c.ID, prev))
			continue
		}
		file[c.ID] = name
		cats = append(cats, c)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := mergeLanguages(fsys, langFiles, cats); err != nil {
		return nil, err
	}
	return cats, nil
}

func loadCategory(fsys fs.FS, name string) (Category, error) {
	var c Category
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return c, fmt.Errorf("rules/%s: %w", name, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key must not silently drop a rule
	if err := dec.Decode(&c); err != nil {
		return c, fmt.Errorf("rules/%s: %w", name, err)
	}
	m := ruleFileName.FindStringSubmatch(path.Base(name))
	switch {
	case m == nil:
		return c, fmt.Errorf("rules/%s: file name must be NN-id.yaml", name)
	case m[1] != c.ID:
		return c, fmt.Errorf("rules/%s: id %q does not match the file name", name, c.ID)
	}
	if err := c.validate(); err != nil {
		return c, fmt.Errorf("rules/%s: category %s: %w", name, c.ID, err)
	}
	return c, nil
}

// Actors a category's practice can be done by.
var actorNames = []string{"platform", "partners", "users"}

// validate reports every problem of the entry, each naming where it is.
func (c Category) validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if c.Title == "" || c.Guidance == "" || len(c.Regulations) == 0 || len(c.Cues) == 0 {
		bad("name, guidance, regulations and cues are required")
	}
	for _, a := range c.Actors {
		if !slices.Contains(actorNames, a) {
			bad("actors: unknown actor %q (want one of %v)", a, actorNames)
		}
	}
	for kind, s := range map[string]Severity{"added": c.Severity.Added, "removed": c.Severity.Removed, "modified": c.Severity.Modified} {
		if !s.Valid() {
			bad("severity.%s: %q is not low, medium or high", kind, s)
		}
	}
	for kind, s := range map[string]Severity{"reworded": c.Severity.Reworded, "narrowed": c.Severity.Narrowed, "shortened": c.Severity.Shortened} {
		if s != "" && !s.Valid() {
			bad("severity.%s: %q is not low, medium or high", kind, s)
		}
	}
	errs = append(errs, c.phraseErrors()...)
	errs = append(errs, c.duplicatePhraseErrors()...)
	for i, r := range c.Regulations {
		if r.Name == "" || r.Jurisdiction == "" {
			bad("regulations[%d]: name and jurisdiction are required", i)
		}
	}
	if err := c.Stance.validate(); err != nil {
		bad("stance: %w", err)
	}
	return errors.Join(errs...)
}

// phraseErrors checks the cues, exclusions, negations, restrictions,
// escalations and safeguards, the parts a language file adds to a
// category.
func (c Category) phraseErrors() []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	phrases := func(where string, ps []string) {
		for _, p := range ps {
			if _, err := parsePhrase(p); err != nil {
				bad("%s: %w", where, err)
			}
		}
	}
	for i, cue := range c.Cues {
		if len(cue.Action) == 0 {
			bad("cues[%d]: action is required", i)
		}
		if len(cue.With) > 63 {
			bad("cues[%d]: more than 63 with groups", i)
		}
		phrases(fmt.Sprintf("cues[%d].action", i), cue.Action)
		for g, group := range cue.With {
			if len(group) == 0 {
				bad("cues[%d].with[%d]: empty group", i, g)
			}
			phrases(fmt.Sprintf("cues[%d].with[%d]", i, g), group)
		}
	}
	for _, l := range c.plainLists() {
		phrases(l.key, l.phrases)
	}
	for i, g := range c.Safeguards {
		if !g.Severity.Valid() || g.Label == "" || len(g.Phrases) == 0 {
			bad("safeguards[%d]: severity (low, medium or high), label and phrases are required", i)
		}
		phrases(fmt.Sprintf("safeguards[%d].phrases", i), g.Phrases)
	}
	for i, e := range c.Escalations {
		if !e.Severity.Valid() {
			bad("escalations[%d].severity: %q is not low, medium or high", i, e.Severity)
		}
		if len(e.Phrases) == 0 {
			bad("escalations[%d]: phrases are required", i)
		}
		phrases(fmt.Sprintf("escalations[%d].phrases", i), e.Phrases)
	}
	return errs
}

// phraseList is one of a category's lists of phrases, named by its key.
type phraseList struct {
	key     string
	phrases []string
}

// plainLists are the category's lists of phrases that are no part of an
// entry: a cue, an escalation, a safeguard or a stance value.
func (c Category) plainLists() []phraseList {
	return []phraseList{{"exclude", c.Exclude}, {"sections", c.Sections}, {"sections_except", c.SectionsExcept},
		{"negations", c.Negations}, {"restrictions", c.Restrictions}}
}

func (r StanceRule) validate() error {
	if len(r.Values) == 0 {
		return nil
	}
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if r.NotStated == "" {
		bad("not_stated is required when values are given")
	}
	if (r.Absent.ID == "") != (r.Absent.Name == "") {
		bad("absent needs both id and name")
	}
	seen := map[string]bool{}
	for i, v := range r.Values {
		if v.ID == "" || v.Name == "" || v.Statement == "" {
			bad("values[%d]: id, name and statement are required", i)
		}
		if seen[v.ID] {
			bad("values[%d]: duplicate id %q", i, v.ID)
		}
		seen[v.ID] = true
		switch v.When {
		case whenAffirmative, whenRestrictive, whenProhibiting, whenAny:
		default:
			bad("values[%d] (%s): when %q is not affirmative, restrictive, prohibiting or any", i, v.ID, v.When)
		}
		switch v.Near {
		case "", nearSentence, nearSection:
		default:
			bad("values[%d] (%s): near %q is not sentence or section", i, v.ID, v.Near)
		}
		for _, p := range v.Cues {
			if _, err := parsePhrase(p); err != nil {
				bad("values[%d] (%s).cues: %w", i, v.ID, err)
			}
		}
	}
	return errors.Join(errs...)
}
