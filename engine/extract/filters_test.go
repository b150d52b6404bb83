package extract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestRemoveQueryParams(t *testing.T) {
	body := []byte(page(``, `<p>Read <a href="/help?ref=mail&amp;lang=fr&amp;tok=9f2">the help</a> and <a href="https://cdn.example.net/guide.pdf?tok=1">the guide</a>.</p><p><img src="/logo.png?tok=77" alt="Logo"></p>`, ``))
	tests := []struct {
		name   string
		params string
		want   string
	}{
		{"list of names", `["tok", "ref"]`, "Read [the help](https://example.com/help?lang=fr) and [the guide](https://cdn.example.net/guide.pdf).\n\n![Logo](https://example.com/logo.png)\n"},
		{"one name", `"tok"`, "Read [the help](https://example.com/help?ref=mail&lang=fr) and [the guide](https://cdn.example.net/guide.pdf).\n\n![Logo](https://example.com/logo.png)\n"},
		{"a name no link has", `["session"]`, "Read [the help](https://example.com/help?ref=mail&lang=fr&tok=9f2) and [the guide](https://cdn.example.net/guide.pdf?tok=1).\n\n![Logo](https://example.com/logo.png?tok=77)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := Rules{Select: []Selector{{CSS: "article"}}, Filters: []Filter{{Name: "removeQueryParams", Params: json.RawMessage(tt.params)}}}
			got, err := Extract(body, "text/html", "https://example.com/terms", rules)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExtractRefusesScriptFilters(t *testing.T) {
	rules := Rules{Filters: []Filter{{Name: "tidyLinks", Script: "export function tidyLinks(document) {}"}}}
	_, err := Extract([]byte(page(``, `<p>Terms.</p>`, ``)), "text/html", "", rules)
	if !errors.Is(err, ErrScriptFilter) || !strings.Contains(err.Error(), "tidyLinks") {
		t.Fatalf("err = %v, want ErrScriptFilter naming tidyLinks", err)
	}
}

func TestFilterJSON(t *testing.T) {
	tests := []struct {
		filter Filter
		json   string
	}{
		{Filter{Name: "removeDates"}, `"removeDates"`},
		{Filter{Name: "removeQueryParams", Params: json.RawMessage(`["a"]`)}, `{"name":"removeQueryParams","params":["a"]}`},
		{Filter{Name: "f", Script: "export function f(d) {}"}, `{"name":"f","script":"export function f(d) {}"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.filter)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.json {
			t.Errorf("Marshal(%+v) = %s, want %s", tt.filter, b, tt.json)
		}
		var back Filter
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Name != tt.filter.Name || string(back.Params) != string(tt.filter.Params) || back.Script != tt.filter.Script {
			t.Errorf("round trip of %s = %+v", b, back)
		}
	}
}

func TestMissingSelectorSaysWhereThePageHasIt(t *testing.T) {
	tests := []struct {
		name string
		body string
		sel  string
		want string
	}{
		{"a script element", page(``, `<p>Shell.</p><script id="terms" type="application/json">{}</script>`, ``), "#terms", "inside a <script> element"},
		{"inside a template", page(``, `<p>Shell.</p><template><section class="policy">Terms.</section></template>`, ``), ".policy", "inside a <template> element"},
		{"nowhere", page(``, `<p>Shell.</p>`, ``), "#terms", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.body), "text/html", "", Rules{Select: []Selector{{CSS: tt.sel}}})
			if !errors.Is(err, ErrSelectorMissing) {
				t.Fatalf("err = %v, want ErrSelectorMissing", err)
			}
			if !strings.Contains(err.Error(), "selector matched nothing: "+tt.sel) {
				t.Fatalf("err = %v, want it to name %s", err, tt.sel)
			}
			if tt.want == "" && strings.Contains(err.Error(), "inside") || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to say %q", err, tt.want)
			}
		})
	}
}
