package app

import (
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/templates"
)

// Every route a template links to exists: renaming or removing a route
// that a page still links to fails here (and stops the app from starting).
func TestTemplatesLinkOnlyToRoutes(t *testing.T) {
	ta := newTestApp(t)
	names, err := templates.RouteNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 40 {
		t.Fatalf("templates link to %d route names; the scan misses url calls", len(names))
	}
	routes := map[string]bool{}
	for _, r := range ta.server.Echo().Routes() {
		routes[r.Name] = true
	}
	for _, n := range names {
		if !routes[n] {
			t.Errorf("templates link to route %q, which is not registered", n)
		}
	}
}

func TestRoutePath(t *testing.T) {
	ta := newTestApp(t)
	tests := []struct {
		name    string
		params  []any
		want    string
		wantErr bool
	}{
		{name: "watchlist", want: "/app/watchlist"},
		{name: "home", want: "/"},
		{name: "platform", params: []any{"acme"}, want: "/platforms/acme"},
		{name: "document.version", params: []any{int64(3), int64(9)}, want: "/documents/3/versions/9"},
		{name: "static", params: []any{"app.css"}, want: "/static/app.css"},
		{name: "platform", params: []any{"a/b c"}, want: "/platforms/a%2Fb%20c"},
		{name: "no.such.route", wantErr: true},
		{name: "platform", wantErr: true},
		{name: "watchlist", params: []any{1}, wantErr: true},
	}
	for _, tt := range tests {
		got, err := ta.server.routePath(tt.name, tt.params...)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("routePath(%q, %v) = %q, %v; want %q, error %v", tt.name, tt.params, got, err, tt.want, tt.wantErr)
		}
	}
}

// Pages link by route name: the rendered links are the routes' paths.
func TestPagesLinkByRouteName(t *testing.T) {
	ta := newTestApp(t)
	res := ta.browser().get("/")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{`href="/static/app.css"`, `href="/pricing"`, `href="/platforms"`, `href="/login"`, `href="/signup"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
}
