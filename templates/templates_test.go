package templates

import (
	"bytes"
	"io/fs"
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
		Title, CSRF, Flash, FlashError string
		User                           any
		Data                           any
	}{Title: "x", Data: struct {
		Status        int
		Message, Code string
	}{500, `<script>alert(1)</script>`, "x"}}
	if err := tpl.Page(&buf, "error", data); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("<script>alert")) {
		t.Error("message not escaped")
	}
}
