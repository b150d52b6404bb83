package engine

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
)

// upperBrowser stands for Chromium: its "filters" upper-case the page's
// paragraphs and record what they were given.
type upperBrowser struct {
	got []fetch.ScriptFilter
	err error
}

func (b *upperBrowser) Render(context.Context, string) ([]byte, error) {
	return nil, errors.New("not used")
}

func (b *upperBrowser) RunFilters(_ context.Context, _, _ string, body []byte, filters []fetch.ScriptFilter) ([]byte, error) {
	b.got = append(b.got, filters...)
	return []byte(strings.ReplaceAll(string(body), "You agree to these terms.", "YOU AGREE TO THESE TERMS.")), b.err
}

func TestCheckRunsScriptFiltersInTheBrowser(t *testing.T) {
	srv := site(t)
	rules := articleRules()
	rules.Filters = []extract.Filter{
		{Name: "shout", Script: "export function shout(document) {}"},
		{Name: "removeQueryParams", Params: []byte(`["ref"]`)},
	}
	sources := []Source{{URL: srv.URL + "/terms", Rules: rules}}
	tests := []struct {
		name    string
		browser fetch.Browser
		want    string
		state   docstate.State
	}{
		{"with a browser", &upperBrowser{}, "# Terms\n\nYOU AGREE TO THESE TERMS.\n", ""},
		{"filter fails", &upperBrowser{err: errors.New("shout failed: TypeError")}, "", docstate.Empty},
		{"without a browser", nil, "", docstate.NeedsBrowser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 5 * time.Second, Browser: tt.browser}))
			res, err := e.Check(context.Background(), sources, CheckOptions{})
			if tt.state != "" {
				var ce *CheckError
				if !errors.As(err, &ce) || ce.State != tt.state {
					t.Fatalf("err = %v, want state %s", err, tt.state)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Markdown != tt.want {
				t.Errorf("markdown = %q, want %q", res.Markdown, tt.want)
			}
			if b := tt.browser.(*upperBrowser); len(b.got) != 1 || b.got[0].Name != "shout" {
				t.Errorf("browser ran %+v, want only the JavaScript filter", b.got)
			}
		})
	}
}
