package templates

import (
	"bytes"
	"io/fs"
	"sort"
	"strings"
	"testing"
)

func TestParseAll(t *testing.T) {
	tpl, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"home", "pricing", "error"} {
		if !tpl.HasPage(name) {
			t.Errorf("page %s missing", name)
		}
	}
}

func TestStaticHasStylesheets(t *testing.T) {
	for _, name := range []string{"pico.min.css", "app.css"} {
		if _, err := fs.Stat(Static(), name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestPageEscapesData(t *testing.T) {
	tpl, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	data := struct {
		Title, Description, Canonical, CSRF, Flash, FlashError string
		User                                                   any
		Data                                                   any
	}{Title: "x", Data: struct {
		Status        int
		Message, Code string
	}{500, `<script>alert(1)</script>`, "x"}}
	tpl, err = tpl.WithURL(func(name string, _ ...any) (string, error) { return "/" + name, nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := tpl.Page(&buf, "error", data); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("<script>alert")) {
		t.Error("message not escaped")
	}
}

// Pages link through url: without routes bound they fail rather than
// render links to nowhere, and RouteNames finds the names they use.
func TestPagesNeedRoutes(t *testing.T) {
	tpl, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tpl.Page(&bytes.Buffer{}, "home", struct{ Title, Description, Canonical string }{Title: "x"}); err == nil || !strings.Contains(err.Error(), "no routes bound") {
		t.Errorf("rendering without routes: %v, want the url error", err)
	}
	names, err := RouteNames()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"home", "platform", "static", "watchlist.remove", "invitation"} {
		if i := sort.SearchStrings(names, want); i == len(names) || names[i] != want {
			t.Errorf("RouteNames() lacks %q: %v", want, names)
		}
	}
}
