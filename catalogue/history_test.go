package catalogue

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
)

func TestParseRefusesDocumentsNotFiles(t *testing.T) {
	tests := []struct {
		name     string
		json     string
		docs     []string // types imported
		refusals []string // messages of Platform.Refused
	}{
		{"retired service", `{"name": "Quokka", "terms": {}}`, nil, nil},
		{"JavaScript filter", `{"name": "Quokka", "terms": {
			"Terms of Service": {"fetch": "https://quokka.test/tos", "select": "main", "filter": ["hideBanner"]},
			"Privacy Policy": {"fetch": "https://quokka.test/privacy", "filter": [{"removeQueryParams": ["ref"]}]}}}`,
			[]string{"Privacy Policy"},
			[]string{`q.json: terms["Terms of Service"].filter: JavaScript filter "hideBanner" (from q.filters.js) is not run by Clausewatch, which runs only the built-in filters [removeQueryParams]; document not imported`}},
		{"JavaScript filter in one combined source", `{"name": "Quokka", "terms": {"Terms of Service": {"combine": [
			{"fetch": "https://quokka.test/a"}, {"fetch": "https://quokka.test/b", "filter": ["tidy"]}]}}}`,
			nil, []string{`JavaScript filter "tidy"`}},
		{"terms type from a newer ontology", `{"name": "Quokka", "terms": {"Pet Policy": {"fetch": "https://quokka.test/pets"}, "Imprint": {"fetch": "https://quokka.test/imprint"}}}`,
			[]string{"Imprint"}, []string{`q.json: terms["Pet Policy"]: unknown terms type "Pet Policy"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("q.json", []byte(tt.json))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var docs []string
			for _, d := range p.Documents {
				docs = append(docs, d.Type)
			}
			if strings.Join(docs, ",") != strings.Join(tt.docs, ",") {
				t.Errorf("documents = %v, want %v", docs, tt.docs)
			}
			if len(p.Refused) != len(tt.refusals) {
				t.Fatalf("refused = %v, want %d", p.Refused, len(tt.refusals))
			}
			for i, want := range tt.refusals {
				var de *DeclarationError
				if !errors.As(p.Refused[i], &de) || !strings.Contains(de.Error(), want) {
					t.Errorf("refusal %d = %v, want a *DeclarationError containing %q", i, p.Refused[i], want)
				}
			}
		})
	}
}

func TestSourcesAt(t *testing.T) {
	fsys := fstest.MapFS{
		"d/Quokka.json": {Data: []byte(`{"name": "Quokka", "terms": {"Terms of Service": {"fetch": "https://quokka.test/terms", "select": ".now"}}}`)},
		"d/Quokka.history.json": {Data: []byte(`{"Terms of Use": [
			{"fetch": "https://quokka.test/tos", "select": ".second", "validUntil": "2023-06-01T12:00:00Z"},
			{"fetch": "https://quokka.test/tos", "select": ".first", "validUntil": "2022-01-01"},
			{"fetch": "https://quokka.test/tos", "select": ".third", "filter": ["fixEmails"], "validUntil": "2024-02-02T00:00:00Z"}
		], "Privacy Policy": [{"fetch": "https://quokka.test/old-privacy", "validUntil": "2021-01-01"}]}`)},
	}
	p, err := LoadFile(fsys, "d/Quokka.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Documents) != 1 || len(p.Documents[0].History) != 3 {
		t.Fatalf("documents = %+v, want one with three periods", p.Documents)
	}
	if len(p.Refused) != 1 || !strings.Contains(p.Refused[0].Error(), `d/Quokka.history.json: ["Terms of Use"][2].filter: JavaScript filter "fixEmails"`) {
		t.Fatalf("refused = %v, want the period with a JavaScript filter", p.Refused)
	}
	doc := p.Documents[0]
	tests := []struct {
		at      string
		select_ string
		err     string
	}{
		{"2020-05-05T00:00:00Z", ".first", ""},
		{"2022-01-01T00:00:00Z", ".first", ""}, // validUntil is inclusive, as in Open Terms Archive
		{"2022-01-01T00:00:01Z", ".second", ""},
		{"2023-06-01T12:00:00Z", ".second", ""},
		{"2023-09-09T00:00:00Z", "", `fixEmails`},
		{"2024-02-02T00:00:01Z", ".now", ""},
	}
	for _, tt := range tests {
		at, _ := time.Parse(time.RFC3339, tt.at)
		got, err := doc.SourcesAt(at)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("SourcesAt(%s) err = %v, want %q", tt.at, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("SourcesAt(%s): %v", tt.at, err)
			continue
		}
		want := []engine.Source{{URL: got[0].URL, Rules: extract.Rules{Select: []extract.Selector{css(tt.select_)}}}}
		if len(got) != 1 || got[0].Rules.Select[0] != want[0].Rules.Select[0] {
			t.Errorf("SourcesAt(%s) = %+v, want select %s", tt.at, got, tt.select_)
		}
	}
}

func TestLoadFileKeepsDeclarationWhenHistoryIsBroken(t *testing.T) {
	fsys := fstest.MapFS{
		"Quokka.json":         declaration("Quokka"),
		"Quokka.history.json": {Data: []byte(`{"Terms of Service": [{"fetch": "https://quokka.test/old"}]}`)},
	}
	p, err := LoadFile(fsys, "Quokka.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Documents) != 1 || p.Documents[0].History != nil {
		t.Errorf("documents = %+v, want the current one without history", p.Documents)
	}
	if len(p.Refused) != 1 || !strings.Contains(p.Refused[0].Error(), `Quokka.history.json: ["Terms of Service"][0].validUntil: missing`) {
		t.Errorf("refused = %v", p.Refused)
	}
}

func TestLoadFileSaysWhatANonDeclarationIs(t *testing.T) {
	tests := []struct{ file, want string }{
		{"d/Quokka.history.json", "d/Quokka.history.json: an Open Terms Archive history file (the past rules of Quokka.json), not a declaration"},
		{"d/Quokka.filters.js", "d/Quokka.filters.js: an Open Terms Archive file of JavaScript filters for Quokka.json, not a declaration"},
		{"d/Quokka.filters.history.js", "file of JavaScript filters for Quokka.json"},
		{"d/notes.txt", "not a declaration: a declaration is a .json file"},
	}
	for _, tt := range tests {
		_, err := LoadFile(fstest.MapFS{}, tt.file)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadFile(%s) = %v, want %q", tt.file, err, tt.want)
		}
	}
}
