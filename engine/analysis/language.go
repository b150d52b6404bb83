package analysis

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"

	"go.yaml.in/yaml/v3"
)

// languageFileName is NN-id.LANG.yaml: the category file NN-id.yaml
// in one more language ("05-biometric_data.fr.yaml").
var languageFileName = regexp.MustCompile(`^([0-9]+-([a-z][a-z0-9_]*))\.([a-z]{2})\.yaml$`)

// languageRules are a category's phrases in one more language, read from
// NN-id.LANG.yaml next to the category's file and added to the category
// at load: a sentence in any language is classified by one rule. What a
// category is (name, severity, regulations, guidance, stance values and
// their statements) is stated once, in the category's file.
type languageRules struct {
	ID           string       `yaml:"id"`
	Cues         []Cue        `yaml:"cues"`
	Exclude      []string     `yaml:"exclude"`
	Negations    []string     `yaml:"negations"`
	Restrictions []string     `yaml:"restrictions"`
	Escalations  []Escalation `yaml:"escalations"`
	Safeguards   []Escalation `yaml:"safeguards"`
	Stance       struct {
		Values []languageStance `yaml:"values"`
	} `yaml:"stance"`
	Examples Examples `yaml:"examples"`
}

// languageStance adds cues and examples in the file's language to the
// stance value of the same id.
type languageStance struct {
	ID       string   `yaml:"id"`
	Cues     []string `yaml:"cues"`
	Examples []string `yaml:"examples"`
}

// mergeLanguages reads the language files names of fsys and adds each to
// its category in cats.
func mergeLanguages(fsys fs.FS, names []string, cats []Category) error {
	var errs []error
	for _, name := range names {
		if err := mergeLanguage(fsys, name, cats); err != nil {
			errs = append(errs, fmt.Errorf("rules/%s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

func mergeLanguage(fsys fs.FS, name string, cats []Category) error {
	m := languageFileName.FindStringSubmatch(name)
	base, id := m[1]+".yaml", m[2]
	ci := -1
	for i, c := range cats {
		if c.ID == id {
			ci = i
		}
	}
	if ci < 0 {
		return fmt.Errorf("no category %s (%s) to add to", id, base)
	}
	l, err := loadLanguage(fsys, name)
	if err != nil {
		return err
	}
	if l.ID != id {
		return fmt.Errorf("id %q does not match the file name", l.ID)
	}
	if err := l.validate(cats[ci]); err != nil {
		return fmt.Errorf("category %s: %w", id, err)
	}
	merged := cats[ci].with(l)
	if err := errors.Join(merged.duplicatePhraseErrors()...); err != nil {
		return fmt.Errorf("category %s: %w", id, err)
	}
	cats[ci] = merged
	return nil
}

func loadLanguage(fsys fs.FS, name string) (languageRules, error) {
	var l languageRules
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return l, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true) // a misspelt key, or one only the category file has, must not pass silently
	if err := dec.Decode(&l); err != nil {
		return l, err
	}
	return l, nil
}

// validate checks the phrases of the file, and that its stance values
// exist in the category.
func (l languageRules) validate(c Category) error {
	var errs []error
	if len(l.Cues) == 0 {
		errs = append(errs, errors.New("cues are required"))
	}
	errs = append(errs, l.phrases().phraseErrors()...)
	errs = append(errs, l.phrases().duplicatePhraseErrors()...)
	for i, v := range l.Stance.Values {
		if c.stanceValue(v.ID) < 0 {
			errs = append(errs, fmt.Errorf("stance.values[%d]: the category has no stance value %q", i, v.ID))
		}
		for _, p := range v.Cues {
			if _, err := parsePhrase(p); err != nil {
				errs = append(errs, fmt.Errorf("stance.values[%d] (%s).cues: %w", i, v.ID, err))
			}
		}
	}
	return errors.Join(errs...)
}

// phrases returns the file's phrases as a category holds them.
func (l languageRules) phrases() Category {
	return Category{Cues: l.Cues, Exclude: l.Exclude, Negations: l.Negations, Restrictions: l.Restrictions,
		Escalations: l.Escalations, Safeguards: l.Safeguards}
}

func (c Category) stanceValue(id string) int {
	for i, v := range c.Stance.Values {
		if v.ID == id {
			return i
		}
	}
	return -1
}

// with returns the category with the language's phrases and examples
// added. Lists are copied, never appended to in place, so categories do
// not share backing arrays.
func (c Category) with(l languageRules) Category {
	c.Cues = slices.Concat(c.Cues, l.Cues)
	c.Exclude = slices.Concat(c.Exclude, l.Exclude)
	c.Negations = slices.Concat(c.Negations, l.Negations)
	c.Restrictions = slices.Concat(c.Restrictions, l.Restrictions)
	c.Escalations = slices.Concat(c.Escalations, l.Escalations)
	c.Safeguards = slices.Concat(c.Safeguards, l.Safeguards)
	c.Examples = Examples{
		Positive:    slices.Concat(c.Examples.Positive, l.Examples.Positive),
		Restrictive: slices.Concat(c.Examples.Restrictive, l.Examples.Restrictive),
		Prohibiting: slices.Concat(c.Examples.Prohibiting, l.Examples.Prohibiting),
		Negative:    slices.Concat(c.Examples.Negative, l.Examples.Negative),
	}
	values := slices.Concat(c.Stance.Values, nil)
	for _, lv := range l.Stance.Values {
		v := &values[c.stanceValue(lv.ID)]
		v.Cues = slices.Concat(v.Cues, lv.Cues)
		v.Examples = slices.Concat(v.Examples, lv.Examples)
	}
	c.Stance.Values = values
	return c
}
