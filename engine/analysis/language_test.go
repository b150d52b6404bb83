package analysis

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// validLanguage adds French cues to validRule's category.
const validLanguage = `id: sample
cues:
  - action: ["échantillon*"]
exclude: [gratuit]
examples:
  positive: [Nous prélevons un échantillon.]
  negative: [Un échantillon gratuit est offert.]
`

func TestLanguageFileMerged(t *testing.T) {
	cats, err := loadCategories(fstest.MapFS{
		"01-sample.yaml":    {Data: []byte(validRule)},
		"01-sample.fr.yaml": {Data: []byte(validLanguage)},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := cats[0]
	if len(c.Cues) != 2 || c.Cues[1].Action[0] != "échantillon*" || len(c.Exclude) != 1 ||
		len(c.Examples.Positive) != 1 || c.Severity.Added != SeverityMedium {
		t.Fatalf("merged %+v", c)
	}
	cl, err := compile(cats)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"Nous prélevons un échantillon.":      true,
		"Nous prelevons des echantillons.":    true, // written without accents
		"Un échantillon gratuit est offert.":  false,
		"We take a sample of your documents.": true,
	} {
		got := false
		cl.classifySentence(tokenize(text), nil, func(int, sense) { got = true })
		if got != want {
			t.Errorf("%q: classified %v, want %v", text, got, want)
		}
	}
}

// TestLanguageFileErrors checks that a broken language file is refused
// with an error naming it and the entry at fault.
func TestLanguageFileErrors(t *testing.T) {
	stance := validRule + "stance:\n  not_stated: x\n  values:\n    - {id: yes, name: yes, when: any, statement: s}\n"
	tests := []struct {
		name, base, file, text string
		want                   []string
	}{
		{"bad phrase", validRule, "01-sample.de.yaml", strings.Replace(validLanguage, "échantillon*", "ab*", 1),
			[]string{"rules/01-sample.de.yaml", "category sample", "cues[0].action", "ab"}},
		{"key of the category file", validRule, "01-sample.fr.yaml", validLanguage + "severity: {added: high}\n",
			[]string{"rules/01-sample.fr.yaml", "severity"}},
		{"no such category", validRule, "02-other.fr.yaml", strings.Replace(validLanguage, "sample", "other", 1),
			[]string{"rules/02-other.fr.yaml", "no category other", "02-other.yaml"}},
		{"id and file name differ", validRule, "01-sample.fr.yaml", strings.Replace(validLanguage, "id: sample", "id: simple", 1),
			[]string{"rules/01-sample.fr.yaml", "does not match the file name"}},
		{"no cues", validRule, "01-sample.fr.yaml", "id: sample\n", []string{"rules/01-sample.fr.yaml", "cues are required"}},
		{"unknown stance value", stance, "01-sample.fr.yaml", validLanguage + "stance:\n  values:\n    - {id: maybe, cues: [peut]}\n",
			[]string{"rules/01-sample.fr.yaml", "no stance value \"maybe\""}},
		{"bad stance cue", stance, "01-sample.fr.yaml", validLanguage + "stance:\n  values:\n    - {id: yes, cues: [\"~1 x\"]}\n",
			[]string{"rules/01-sample.fr.yaml", "stance.values[0] (yes).cues"}},
		{"escalation without severity", validRule, "01-sample.fr.yaml", validLanguage + "escalations:\n  - {phrases: [toujours]}\n",
			[]string{"rules/01-sample.fr.yaml", "escalations[0].severity"}},
		{"alternatives across an elision", validRule, "01-sample.fr.yaml", strings.Replace(validLanguage, "échantillon*", "l'usage|l'utilisation", 1),
			[]string{"rules/01-sample.fr.yaml", "without elisions"}},
		{"phrase the category file has", validRule + "exclude: [gratuit]\n", "01-sample.fr.yaml", validLanguage,
			[]string{"rules/01-sample.fr.yaml", "category sample", "exclude", "gratuit"}},
		{"escalation phrase the category file has", validRule + "escalations:\n  - {severity: high, phrases: [toujours]}\n",
			"01-sample.fr.yaml", validLanguage + "escalations:\n  - {severity: high, phrases: [toujours, \"à jamais\"]}\n",
			[]string{"rules/01-sample.fr.yaml", "escalations (high, \"\")", "toujours"}},
		{"stance cue the category file has", strings.Replace(stance, "statement: s}", "statement: s, cues: [oui]}", 1),
			"01-sample.fr.yaml", validLanguage + "stance:\n  values:\n    - {id: yes, cues: [oui]}\n",
			[]string{"rules/01-sample.fr.yaml", "stance.values (yes).cues", "oui"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadCategories(fstest.MapFS{"01-sample.yaml": {Data: []byte(tt.base)}, tt.file: {Data: []byte(tt.text)}})
			if err == nil {
				t.Fatal("loaded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestLanguageFileExamples: every language file has examples in its
// language, as many as a category file must have.
func TestLanguageFileExamples(t *testing.T) {
	sub, err := fs.Sub(ruleFiles, "rules")
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(sub, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		m := languageFileName.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		cat, ok := Lookup(m[2])
		if !ok {
			t.Fatalf("%s: no category", name)
		}
		l, err := loadLanguage(sub, name)
		if err != nil {
			t.Fatal(err)
		}
		ex := l.Examples
		if len(ex.Positive) < 3 || len(ex.Negative) < 2 {
			t.Errorf("%s: %d positive and %d negative examples; want at least 3 and 2", name, len(ex.Positive), len(ex.Negative))
		}
		if cat.Negatable && len(ex.Restrictive) < 2 {
			t.Errorf("%s: negatable but only %d restrictive examples", name, len(ex.Restrictive))
		}
	}
}

// TestLanguageFilesCoverEveryCategory: every category reads French and
// German.
func TestLanguageFilesCoverEveryCategory(t *testing.T) {
	for _, cat := range Categories() {
		for _, lang := range []string{"fr", "de"} {
			names, err := fs.Glob(ruleFiles, "rules/*-"+cat.ID+"."+lang+".yaml")
			if err != nil || len(names) != 1 {
				t.Errorf("%s: %d %s files, want 1", cat.ID, len(names), lang)
			}
		}
	}
}
