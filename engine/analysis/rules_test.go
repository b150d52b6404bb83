package analysis

import (
	"strings"
	"testing"
	"testing/fstest"
)

// validRule is a minimal category file that loads.
const validRule = `id: sample
name: Sample
cues:
  - action: [sample*]
severity: {added: medium, removed: low, modified: medium}
regulations:
  - {name: GDPR, article: Art. 6, jurisdiction: EU}
guidance: Check it.
`

func TestLoadCategoriesValid(t *testing.T) {
	cats, err := loadCategories(fstest.MapFS{"01-sample.yaml": {Data: []byte(validRule)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cats) != 1 || cats[0].ID != "sample" || cats[0].Severity.Added != SeverityMedium {
		t.Fatalf("loaded %+v", cats)
	}
}

// TestLoadCategoriesErrors checks that a broken rule file is refused with
// an error naming the file and the entry at fault.
func TestLoadCategoriesErrors(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             []string
	}{
		{"bad phrase", "01-sample.yaml", strings.Replace(validRule, "[sample*]", "[\"sa*\"]", 1),
			[]string{"rules/01-sample.yaml", "category sample", "cues[0].action", "sa"}},
		{"unknown key", "01-sample.yaml", validRule + "cue: []\n", []string{"rules/01-sample.yaml", "cue"}},
		{"bad severity", "01-sample.yaml", strings.Replace(validRule, "added: medium", "added: severe", 1),
			[]string{"rules/01-sample.yaml", "severe"}},
		{"id and file name differ", "01-other.yaml", validRule, []string{"rules/01-other.yaml", "does not match the file name"}},
		{"file name without number", "sample.yaml", validRule, []string{"rules/sample.yaml", "NN-id.yaml"}},
		{"missing guidance", "01-sample.yaml", strings.Replace(validRule, "guidance: Check it.\n", "", 1),
			[]string{"rules/01-sample.yaml", "guidance"}},
		{"unknown actor", "01-sample.yaml", validRule + "actors: [robots]\n", []string{"rules/01-sample.yaml", "robots"}},
		{"bad stance", "01-sample.yaml", validRule + "stance:\n  not_stated: x\n  values:\n    - {id: a, name: a, when: sometimes, statement: s}\n",
			[]string{"rules/01-sample.yaml", "values[0] (a)", "sometimes"}},
		{"stance without not_stated", "01-sample.yaml", validRule + "stance:\n  values:\n    - {id: a, name: a, when: any, statement: s}\n",
			[]string{"rules/01-sample.yaml", "not_stated"}},
		{"bad escalation phrase", "01-sample.yaml", validRule + "escalations:\n  - {severity: high, phrases: [\"~2 x\"]}\n",
			[]string{"rules/01-sample.yaml", "escalations[0].phrases"}},
		{"safeguard without label", "01-sample.yaml", validRule + "safeguards:\n  - {severity: high, phrases: [opt out]}\n",
			[]string{"rules/01-sample.yaml", "safeguards[0]", "label"}},
		{"bad reworded severity", "01-sample.yaml", strings.Replace(validRule, "modified: medium}", "modified: medium, reworded: minor}", 1),
			[]string{"rules/01-sample.yaml", "minor"}},
		{"phrase twice in one list", "01-sample.yaml", validRule + "exclude: [free trial, \"Free  trial\"]\n",
			[]string{"rules/01-sample.yaml", "exclude", "free trial"}},
		{"phrase twice without its accents", "01-sample.yaml", strings.Replace(validRule, "[sample*]", "[\"échantillon*\", \"echantillon*\"]", 1),
			[]string{"rules/01-sample.yaml", "cues[0].action", "echantillon*"}},
		{"alternatives twice in another order", "01-sample.yaml", validRule + "negations: [\"never|not ~2 sample*\", \"not|never ~2 sample*\"]\n",
			[]string{"rules/01-sample.yaml", "negations"}},
		{"phrase twice in escalations of one effect", "01-sample.yaml", validRule +
			"escalations:\n  - {severity: high, label: kept, phrases: [forever]}\n  - {severity: high, label: kept, phrases: [always, forever]}\n",
			[]string{"rules/01-sample.yaml", "escalations (high, \"kept\")", "forever"}},
		{"stance cue twice", "01-sample.yaml", validRule + "stance:\n  not_stated: x\n  values:\n    - {id: a, name: a, when: any, statement: s, cues: [always, always]}\n",
			[]string{"rules/01-sample.yaml", "stance.values (a).cues", "always"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadCategories(fstest.MapFS{tt.file: {Data: []byte(tt.text)}})
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

// TestLoadCategoriesSharedPhrases: a phrase may recur where it does
// something else each time: in two cues, or in escalations of different
// severities or labels.
func TestLoadCategoriesSharedPhrases(t *testing.T) {
	text := strings.Replace(validRule, "  - action: [sample*]\n", "  - action: [sample*]\n  - action: [sample*]\n    with: [[always]]\n", 1) +
		"escalations:\n  - {severity: high, label: kept, phrases: [forever]}\n  - {severity: medium, label: kept, phrases: [forever]}\n" +
		"  - {severity: high, label: stored, phrases: [forever]}\n"
	if _, err := loadCategories(fstest.MapFS{"01-sample.yaml": {Data: []byte(text)}}); err != nil {
		t.Fatal(err)
	}
}

func TestLoadCategoriesDuplicateID(t *testing.T) {
	_, err := loadCategories(fstest.MapFS{
		"01-sample.yaml": {Data: []byte(validRule)},
		"02-sample.yaml": {Data: []byte(validRule)},
	})
	if err == nil || !strings.Contains(err.Error(), "02-sample.yaml") || !strings.Contains(err.Error(), "already defined in 01-sample.yaml") {
		t.Fatalf("err = %v", err)
	}
}
