package catalogue

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
)

func css(s string) extract.Selector { return extract.Selector{CSS: s} }

func TestParseValid(t *testing.T) {
	tests := []struct {
		name string
		json string
		want Platform
	}{
		{
			name: "minimal",
			json: `{"name": "Zoom", "terms": {"Terms of Service": {"fetch": "https://zoom.us/terms"}}}`,
			want: Platform{Name: "Zoom", Slug: "zoom", Documents: []Document{
				{Type: "Terms of Service", Sources: []engine.Source{{URL: "https://zoom.us/terms"}}},
			}},
		},
		{
			name: "our fields and string select",
			json: `{"name": "Meta (Facebook)", "slug": "facebook", "jurisdiction": "US", "locale": "en-GB", "category": "social network", "importedFrom": "https://github.com/tosdr/tosback2",
				"terms": {"Privacy Policy": {"fetch": "https://facebook.com/privacy", "select": "main", "remove": ".nav", "filter": [{"removeQueryParams": ["utm_source", "ref"]}], "executeClientScripts": true}}}`,
			want: Platform{Name: "Meta (Facebook)", Slug: "facebook", Jurisdiction: "US", Locale: "en-GB", Category: "social network", Documents: []Document{
				{Type: "Privacy Policy", Sources: []engine.Source{{
					URL:                  "https://facebook.com/privacy",
					Rules:                extract.Rules{Select: []extract.Selector{css("main")}, Remove: []extract.Selector{css(".nav")}, Filters: []extract.Filter{{Name: "removeQueryParams", Params: []byte(`["utm_source", "ref"]`)}}},
					ExecuteClientScripts: true,
				}}},
			}},
		},
		{
			name: "slug derived from name, jurisdictions list",
			json: `{"name": "Meta (Facebook)", "jurisdictions": ["EU", "US"], "terms": {"Terms of Service": {"fetch": "http://example.com/"}}}`,
			want: Platform{Name: "Meta (Facebook)", Slug: "meta-facebook", Jurisdiction: "EU, US", Documents: []Document{
				{Type: "Terms of Service", Sources: []engine.Source{{URL: "http://example.com/"}}},
			}},
		},
		{
			name: "array select with ranges, documents in declared order",
			json: `{"name": "GitHub", "terms": {
				"Terms of Service": {"fetch": "https://docs.github.com/tos", "select": ["#title-h1", {"startBefore": "#a", "endBefore": "#a ~ h2"}, {"startAfter": "h1", "endAfter": "footer"}]},
				"Privacy Policy": {"fetch": "https://docs.github.com/privacy", "remove": ["header", "footer"]}}}`,
			want: Platform{Name: "GitHub", Slug: "github", Documents: []Document{
				{Type: "Terms of Service", Sources: []engine.Source{{URL: "https://docs.github.com/tos", Rules: extract.Rules{Select: []extract.Selector{
					css("#title-h1"),
					{Range: &extract.Range{StartBefore: "#a", EndBefore: "#a ~ h2"}},
					{Range: &extract.Range{StartAfter: "h1", EndAfter: "footer"}},
				}}}}},
				{Type: "Privacy Policy", Sources: []engine.Source{{URL: "https://docs.github.com/privacy", Rules: extract.Rules{Remove: []extract.Selector{css("header"), css("footer")}}}}},
			}},
		},
		{
			name: "combine entries inherit what they do not set",
			json: `{"name": "Google", "terms": {"Terms of Service": {
				"select": "[role=article]", "remove": "img", "filter": [{"removeQueryParams": "ref"}], "executeClientScripts": true,
				"combine": [
					{"fetch": "https://policies.google.com/terms"},
					{"fetch": "https://policies.google.com/terms/generative-ai", "select": ["main"], "remove": ".x", "filter": [], "executeClientScripts": false}
				]}}}`,
			want: Platform{Name: "Google", Slug: "google", Documents: []Document{
				{Type: "Terms of Service", Sources: []engine.Source{
					{URL: "https://policies.google.com/terms", Rules: extract.Rules{Select: []extract.Selector{css("[role=article]")}, Remove: []extract.Selector{css("img")}, Filters: []extract.Filter{{Name: "removeQueryParams", Params: []byte(`"ref"`)}}}, ExecuteClientScripts: true},
					{URL: "https://policies.google.com/terms/generative-ai", Rules: extract.Rules{Select: []extract.Selector{css("main")}, Remove: []extract.Selector{css(".x")}, Filters: []extract.Filter{}}},
				}},
			}},
		},
		{
			name: "legacy documents key and aliases resolved",
			json: `{"name": "X", "documents": {"Terms of Use": {"fetch": "https://x.com/tos"}, "Cookies Policy": {"fetch": "https://x.com/cookies"}, "AI Terms": {"fetch": "https://x.com/ai"}}}`,
			want: Platform{Name: "X", Slug: "x", Documents: []Document{
				{Type: "Terms of Service", Sources: []engine.Source{{URL: "https://x.com/tos"}}},
				{Type: "Trackers Policy", Sources: []engine.Source{{URL: "https://x.com/cookies"}}},
				{Type: "Generative AI Usage Policy", Sources: []engine.Source{{URL: "https://x.com/ai"}}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("p.json", []byte(tt.json))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	const tos = `"Terms of Service"`
	tests := []struct {
		name  string
		json  string
		field string // DeclarationError.Field
		want  string // prefix of the message
	}{
		{"invalid JSON", "{\n  \"name\": \"Zoom\",\n  \"terms\": {,}\n}", "",
			`zoom.json: invalid JSON at line 3, column 13: invalid character ','`},
		{"not an object", `["Zoom"]`, "", `zoom.json: want an object, got an array`},
		{"duplicate key", `{"name": "a", "name": "b"}`, "", `zoom.json: duplicate key "name"`},
		{"unknown top-level field", `{"name": "Zoom", "nmae": "Zoom", "terms": {}}`, "nmae",
			`zoom.json: nmae: unknown field`},
		{"unknown terms field", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "selector": "main"}}}`,
			`terms["Terms of Service"].selector`, `zoom.json: terms["Terms of Service"].selector: unknown field`},
		{"empty fetch", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": " "}}}`,
			`terms["Terms of Service"].fetch`, `zoom.json: terms["Terms of Service"].fetch: empty URL`},
		{"missing fetch", `{"name": "Zoom", "terms": {` + tos + `: {"select": "main"}}}`,
			`terms["Terms of Service"].fetch`, `zoom.json: terms["Terms of Service"].fetch: missing`},
		{"relative fetch", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "/terms"}}}`,
			`terms["Terms of Service"].fetch`, `zoom.json: terms["Terms of Service"].fetch: want an absolute http or https URL, got "/terms"`},
		{"fetch not a string", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": 3}}}`,
			`terms["Terms of Service"].fetch`, `zoom.json: terms["Terms of Service"].fetch: want a string, got a number`},
		{"bad CSS in a list", `{"name": "Zoom", "terms": {"Privacy Policy": {"fetch": "https://z.us/p", "select": ["main", "div["]}}}`,
			`terms["Privacy Policy"].select[1]`, `zoom.json: terms["Privacy Policy"].select[1]: invalid CSS "div[": `},
		{"bad CSS in remove", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "remove": "a >> "}}}`,
			`terms["Terms of Service"].remove`, `zoom.json: terms["Terms of Service"].remove: invalid CSS "a >>": `},
		{"empty selector", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": ""}}}`,
			`terms["Terms of Service"].select`, `zoom.json: terms["Terms of Service"].select: empty`},
		{"empty selector list", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": []}}}`,
			`terms["Terms of Service"].select`, `zoom.json: terms["Terms of Service"].select: empty list`},
		{"selector of wrong kind", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": [true]}}}`,
			`terms["Terms of Service"].select[0]`, `zoom.json: terms["Terms of Service"].select[0]: want a CSS selector or a range object, got a boolean`},
		{"range with two starts", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": [{"startBefore": "h1", "startAfter": "h2", "endBefore": "h3"}]}}}`,
			`terms["Terms of Service"].select[0]`, `zoom.json: terms["Terms of Service"].select[0]: a range needs exactly one of startBefore and startAfter`},
		{"range without end", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": {"startAfter": "h1"}}}}`,
			`terms["Terms of Service"].select`, `zoom.json: terms["Terms of Service"].select: a range needs exactly one of endBefore and endAfter`},
		{"range with unknown key", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": {"startAfter": "h1", "endBefore": "h2", "until": "h3"}}}}`,
			`terms["Terms of Service"].select.until`, `zoom.json: terms["Terms of Service"].select.until: unknown field`},
		{"range with bad CSS", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "select": [{"startAfter": "h1", "endBefore": "h2:nope("}]}}}`,
			`terms["Terms of Service"].select[0].endBefore`, `zoom.json: terms["Terms of Service"].select[0].endBefore: invalid CSS "h2:nope(": `},
		{"type declared twice through an alias", `{"name": "Zoom", "terms": {"Trackers Policy": {"fetch": "https://z.us/a"}, "Cookies Policy": {"fetch": "https://z.us/b"}}}`,
			`terms["Cookies Policy"]`, `zoom.json: terms["Cookies Policy"]: declares "Trackers Policy" again`},
		{"fetch with combine", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "combine": [{"fetch": "https://z.us/a"}]}}}`,
			`terms["Terms of Service"].fetch`, `zoom.json: terms["Terms of Service"].fetch: cannot be used with combine`},
		{"combine entry without fetch", `{"name": "Zoom", "terms": {` + tos + `: {"combine": [{"fetch": "https://z.us/a"}, {"select": "main"}]}}}`,
			`terms["Terms of Service"].combine[1].fetch`, `zoom.json: terms["Terms of Service"].combine[1].fetch: missing`},
		{"combine inside combine", `{"name": "Zoom", "terms": {` + tos + `: {"combine": [{"fetch": "https://z.us/a", "combine": []}]}}}`,
			`terms["Terms of Service"].combine[0].combine`, `zoom.json: terms["Terms of Service"].combine[0].combine: unknown field`},
		{"empty combine", `{"name": "Zoom", "terms": {` + tos + `: {"combine": []}}}`,
			`terms["Terms of Service"].combine`, `zoom.json: terms["Terms of Service"].combine: empty list`},
		{"executeClientScripts not a boolean", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "executeClientScripts": "yes"}}}`,
			`terms["Terms of Service"].executeClientScripts`, `zoom.json: terms["Terms of Service"].executeClientScripts: want true or false, got a string`},
		{"filter not a list", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "filter": "removeDates"}}}`,
			`terms["Terms of Service"].filter`, `zoom.json: terms["Terms of Service"].filter: want an array, got a string`},
		{"filter object with two names", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/", "filter": [{"a": 1, "b": 2}]}}}`,
			`terms["Terms of Service"].filter[0]`, `zoom.json: terms["Terms of Service"].filter[0]: want a filter name or {"name": parameters}, got an object with 2 keys`},
		{"missing name", `{"terms": {` + tos + `: {"fetch": "https://z.us/"}}}`, "name", `zoom.json: name: missing`},
		{"empty name", `{"name": " ", "terms": {` + tos + `: {"fetch": "https://z.us/"}}}`, "name", `zoom.json: name: empty`},
		{"name without slug characters", `{"name": "日本", "terms": {` + tos + `: {"fetch": "https://z.us/"}}}`, "name", `zoom.json: name: "日本" gives an empty slug`},
		{"missing terms", `{"name": "Zoom"}`, "terms", `zoom.json: terms: missing`},
		{"terms and documents", `{"name": "Zoom", "terms": {` + tos + `: {"fetch": "https://z.us/"}}, "documents": {}}`, "documents", `zoom.json: documents: cannot be used with "terms"`},
		{"bad slug", `{"name": "Zoom", "slug": "Zoom Video", "terms": {` + tos + `: {"fetch": "https://z.us/"}}}`, "slug",
			`zoom.json: slug: "Zoom Video" is not a slug`},
		{"bad locale", `{"name": "Zoom", "locale": "english language", "terms": {` + tos + `: {"fetch": "https://z.us/"}}}`, "locale",
			`zoom.json: locale: "english language" is not a language tag`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("zoom.json", []byte(tt.json))
			if err == nil {
				t.Fatalf("Parse succeeded, want error %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant prefix %q", err, tt.want)
			}
			var de *DeclarationError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DeclarationError", err)
			}
			if de.File != "zoom.json" || de.Field != tt.field {
				t.Errorf("DeclarationError file %q field %q, want %q %q", de.File, de.Field, "zoom.json", tt.field)
			}
		})
	}
}

func TestCanonicalType(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Terms of Service", "Terms of Service", true},
		{"Terms of Use", "Terms of Service", true},
		{"Data Processing Agreement", "Data Processor Agreement", true},
		{"Generative AI Policy", "Generative AI Usage Policy", true},
		{"terms of service", "", false},
		{"Terms", "", false},
	}
	for _, tt := range tests {
		got, ok := CanonicalType(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CanonicalType(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDocumentTypesAreCanonicalAndUnique(t *testing.T) {
	seen := make(map[string]bool)
	for _, name := range DocumentTypes() {
		if seen[name] {
			t.Errorf("%q listed twice", name)
		}
		seen[name] = true
		if got, ok := CanonicalType(name); !ok || got != name {
			t.Errorf("CanonicalType(%q) = %q, %v", name, got, ok)
		}
	}
	for _, want := range []string{"Terms of Service", "Privacy Policy", "Trackers Policy", "Data Processor Agreement", "Acceptable Use Policy"} {
		if !seen[want] {
			t.Errorf("DocumentTypes lacks %q", want)
		}
	}
}
