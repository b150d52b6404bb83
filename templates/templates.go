// Package templates holds the embedded HTML and e-mail templates and the
// static files of the website. Templates are parsed once at start-up.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	texttemplate "text/template"
	"time"
)

//go:embed layouts/*.html partials/*.html pages/*.html emails/*
var files embed.FS

//go:embed static
var static embed.FS

// Static returns the static files (CSS, images), served under /static/.
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// The directory is embedded at build time; a missing one is a
		// programming error caught by the package tests.
		panic(err)
	}
	return sub
}

// Templates renders pages and e-mails.
type Templates struct {
	pages      map[string]*htmltemplate.Template
	emailsHTML map[string]*htmltemplate.Template
	emailsText map[string]*texttemplate.Template
}

// Funcs are the helpers available in every template.
func funcs() map[string]any {
	return map[string]any{
		"date": func(t any) string {
			switch v := t.(type) {
			case time.Time:
				if v.IsZero() {
					return ""
				}
				return v.UTC().Format("2 Jan 2006")
			case *time.Time:
				if v == nil {
					return ""
				}
				return v.UTC().Format("2 Jan 2006")
			}
			return ""
		},
		"datetime": func(t any) string {
			switch v := t.(type) {
			case time.Time:
				if v.IsZero() {
					return ""
				}
				return v.UTC().Format("2 Jan 2006 15:04 UTC")
			case *time.Time:
				if v == nil {
					return "never"
				}
				return v.UTC().Format("2 Jan 2006 15:04 UTC")
			}
			return ""
		},
		"title":  func(s string) string { return strings.ToUpper(s[:min(1, len(s))]) + s[min(1, len(s)):] },
		"plural": func(n int, one, many string) string { return map[bool]string{true: one, false: many}[n == 1] },
		"add":    func(a, b int) int { return a + b },
	}
}

// New parses every template. Each page is parsed together with the layout and
// the partials, so pages can only define blocks the layout calls.
func New() (*Templates, error) {
	t := &Templates{
		pages:      map[string]*htmltemplate.Template{},
		emailsHTML: map[string]*htmltemplate.Template{},
		emailsText: map[string]*texttemplate.Template{},
	}
	pages, err := fs.Glob(files, "pages/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		tpl, err := htmltemplate.New(name).Funcs(funcs()).ParseFS(files, "layouts/base.html", "partials/*.html", p)
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		t.pages[name] = tpl
	}
	mails, err := fs.Glob(files, "emails/*")
	if err != nil {
		return nil, err
	}
	for _, p := range mails {
		base := path.Base(p)
		switch {
		case strings.HasSuffix(base, ".html"):
			name := strings.TrimSuffix(base, ".html")
			tpl, err := htmltemplate.New(base).Funcs(funcs()).ParseFS(files, "layouts/email.html", p)
			if err != nil {
				return nil, fmt.Errorf("parse e-mail %s: %w", base, err)
			}
			t.emailsHTML[name] = tpl
		case strings.HasSuffix(base, ".txt"):
			name := strings.TrimSuffix(base, ".txt")
			tpl, err := texttemplate.New(base).Funcs(funcs()).ParseFS(files, p)
			if err != nil {
				return nil, fmt.Errorf("parse e-mail %s: %w", base, err)
			}
			t.emailsText[name] = tpl
		}
	}
	return t, nil
}

// Page renders the named page into w.
func (t *Templates) Page(w io.Writer, name string, data any) error {
	tpl, ok := t.pages[name]
	if !ok {
		return fmt.Errorf("render page %q: no such template", name)
	}
	var buf bytes.Buffer // render fully first, so a failure never sends half a page
	if err := tpl.ExecuteTemplate(&buf, "base", data); err != nil {
		return fmt.Errorf("render page %q: %w", name, err)
	}
	_, err := buf.WriteTo(w)
	return err
}

// HasPage reports whether a page template exists.
func (t *Templates) HasPage(name string) bool { _, ok := t.pages[name]; return ok }

// Email renders the subject, text and HTML bodies of the named e-mail. The
// text template defines "subject" and "body".
func (t *Templates) Email(name string, data any) (subject, text, html string, err error) {
	txt, ok := t.emailsText[name]
	if !ok {
		return "", "", "", fmt.Errorf("render e-mail %q: no text template", name)
	}
	var s, b, h bytes.Buffer
	if err := txt.ExecuteTemplate(&s, "subject", data); err != nil {
		return "", "", "", fmt.Errorf("render e-mail %q subject: %w", name, err)
	}
	if err := txt.ExecuteTemplate(&b, "body", data); err != nil {
		return "", "", "", fmt.Errorf("render e-mail %q text: %w", name, err)
	}
	if ht, ok := t.emailsHTML[name]; ok {
		if err := ht.ExecuteTemplate(&h, "email", data); err != nil {
			return "", "", "", fmt.Errorf("render e-mail %q html: %w", name, err)
		}
	}
	return strings.TrimSpace(s.String()), strings.TrimSpace(b.String()) + "\n", h.String(), nil
}
