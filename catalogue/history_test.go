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
			[]string{`q.json: terms["Terms of Service"].filter: JavaScript filter "hideBanner": needs q.filters.js, which is not beside it; document not imported`}},
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

func TestLoadFileGivesJavaScriptFiltersTheirModule(t *testing.T) {
	const module = "export function hideBanner(document) {\n  document.querySelector('.banner')?.remove();\n}\nexport async function tidy(document, options) {}\n"
	tests := []struct {
		name    string
		files   map[string]string
		script  string // the Script given to the filter, when the document is imported
		refusal string
	}{
		{"exported function", map[string]string{"Q.filters.js": module}, module, ""},
		{"not exported", map[string]string{"Q.filters.js": "export function other(document) {}"}, "", `JavaScript filter "hideBanner": Q.filters.js does not export it; document not imported`},
		{"imports a library", map[string]string{"Q.filters.js": "import { DateTime } from 'luxon';\n" + module}, "", "Q.filters.js imports other modules"},
		{"no filters file", nil, "", "needs Q.filters.js, which is not beside it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"Q.json": {Data: []byte(`{"name": "Quokka", "terms": {"Imprint": {"fetch": "https://quokka.test/imprint", "filter": ["hideBanner", {"removeQueryParams": "ref"}]}}}`)}}
			for name, body := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(body)}
			}
			p, err := LoadFile(fsys, "Q.json")
			if err != nil {
				t.Fatal(err)
			}
			if tt.refusal != "" {
				if len(p.Documents) != 0 || len(p.Refused) != 1 || !strings.Contains(p.Refused[0].Error(), tt.refusal) {
					t.Fatalf("documents %d, refused %v; want the document refused with %q", len(p.Documents), p.Refused, tt.refusal)
				}
				return
			}
			if len(p.Documents) != 1 || len(p.Refused) != 0 {
				t.Fatalf("documents %d, refused %v", len(p.Documents), p.Refused)
			}
			filters := p.Documents[0].Sources[0].Rules.Filters
			if filters[0].Script != tt.script || filters[1].Script != "" {
				t.Errorf("filters = %+v, want the module on hideBanner only", filters)
			}
		})
	}
}

func TestHistoryFilterWithPastVersionsIsRefused(t *testing.T) {
	fsys := fstest.MapFS{
		"Q.json":               {Data: []byte(`{"name": "Quokka", "terms": {"Imprint": {"fetch": "https://quokka.test/imprint"}}}`)},
		"Q.filters.js":         {Data: []byte("export function hideBanner(document) {}\nexport function tidy(document) {}\n")},
		"Q.filters.history.js": {Data: []byte("export const hideBanner = [{ validUntil: '2022-01-01T00:00:00Z', filter(document) {} }];\n")},
		"Q.history.json": {Data: []byte(`{"Imprint": [
			{"fetch": "https://quokka.test/imprint", "filter": ["hideBanner"], "validUntil": "2022-01-01T00:00:00Z"},
			{"fetch": "https://quokka.test/imprint", "filter": ["tidy"], "validUntil": "2023-01-01T00:00:00Z"}]}`)},
	}
	p, err := LoadFile(fsys, "Q.json")
	if err != nil {
		t.Fatal(err)
	}
	h := p.Documents[0].History
	if len(h) != 2 || h[0].Refused == nil || h[1].Refused != nil || h[1].Sources[0].Rules.Filters[0].Script == "" {
		t.Fatalf("history = %+v", h)
	}
	if !strings.Contains(h[0].Refused.Error(), "past versions in Q.filters.history.js") {
		t.Errorf("refusal = %v", h[0].Refused)
	}
}
