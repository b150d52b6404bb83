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
	"regexp"
	"sort"
	"strings"
	"sync"
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
	// pages parses the pages once, when one is first rendered: only the
	// web app renders pages, and it parses its own with its routes
	// (WithURL), so the e-mail-only processes (a check round, a worker)
	// no longer spend most of their start-up parsing them.
	pages      func() (map[string]*htmltemplate.Template, error)
	emailsHTML map[string]*htmltemplate.Template
	emailsText map[string]*texttemplate.Template
}

// URLFunc builds the path of a named route with its parameters, as the
// `url` template function: {{url "platform" .Slug}}. It fails for an
// unknown name, so that a renamed route cannot leave a broken link.
type URLFunc func(name string, params ...any) (string, error)

// noURLs is the url function until the web app binds its routes with
// WithURL: pages rendered without routes fail instead of linking nowhere.
func noURLs(name string, _ ...any) (string, error) {
	return "", fmt.Errorf("url %q: no routes bound (Templates.WithURL)", name)
}

// funcs are the helpers available in every template.
func funcs(url URLFunc) map[string]any {
	return map[string]any{
		"url": url,
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

// New parses the e-mail templates, and the pages when one is first
// rendered. Each page is parsed together with the layout and the partials,
// so pages can only define blocks the layout calls.
func New() (*Templates, error) {
	t := &Templates{
		pages:      sync.OnceValues(func() (map[string]*htmltemplate.Template, error) { return parsePages(noURLs) }),
		emailsHTML: map[string]*htmltemplate.Template{},
		emailsText: map[string]*texttemplate.Template{},
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
			tpl, err := htmltemplate.New(base).Funcs(funcs(noURLs)).ParseFS(files, "layouts/email.html", p)
			if err != nil {
				return nil, fmt.Errorf("parse e-mail %s: %w", base, err)
			}
			t.emailsHTML[name] = tpl
		case strings.HasSuffix(base, ".txt"):
			name := strings.TrimSuffix(base, ".txt")
			tpl, err := texttemplate.New(base).Funcs(funcs(noURLs)).ParseFS(files, p)
			if err != nil {
				return nil, fmt.Errorf("parse e-mail %s: %w", base, err)
			}
			t.emailsText[name] = tpl
		}
	}
	return t, nil
}

// WithURL returns templates whose pages build links with url, the web
// app's routes; the e-mails are shared. The pages are parsed now, so that
// a broken page stops the web app at start-up: a template's functions are
// fixed once it has run.
func (t *Templates) WithURL(url URLFunc) (*Templates, error) {
	pages, err := parsePages(url)
	if err != nil {
		return nil, err
	}
	parsed := func() (map[string]*htmltemplate.Template, error) { return pages, nil }
	return &Templates{pages: parsed, emailsHTML: t.emailsHTML, emailsText: t.emailsText}, nil
}

func parsePages(url URLFunc) (map[string]*htmltemplate.Template, error) {
	out := map[string]*htmltemplate.Template{}
	pages, err := fs.Glob(files, "pages/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		name := strings.TrimSuffix(path.Base(p), ".html")
		tpl, err := htmltemplate.New(name).Funcs(funcs(url)).ParseFS(files, "layouts/base.html", "partials/*.html", p)
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", name, err)
		}
		out[name] = tpl
	}
	return out, nil
}

// urlCall finds the route names of url calls: {{url "name" …}} and
// (url "name" …).
var urlCall = regexp.MustCompile(`[{(]-?\s*url\s+"([^"]+)"`)

// RouteNames lists the route names the page templates link to, so that a
// test or the web app at start-up can check each against its routes.
func RouteNames() ([]string, error) {
	srcs, err := fs.Glob(files, "*/*.html")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var names []string
	for _, p := range srcs {
		b, err := fs.ReadFile(files, p)
		if err != nil {
			return nil, err
		}
		for _, m := range urlCall.FindAllSubmatch(b, -1) {
			if n := string(m[1]); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names, nil
}

// Page renders the named page into w.
func (t *Templates) Page(w io.Writer, name string, data any) error {
	pages, err := t.pages()
	if err != nil {
		return fmt.Errorf("render page %q: %w", name, err)
	}
	tpl, ok := pages[name]
	if !ok {
		return fmt.Errorf("render page %q: no such template", name)
	}
	var buf bytes.Buffer // render fully first, so a failure never sends half a page
	if err := tpl.ExecuteTemplate(&buf, "base", data); err != nil {
		return fmt.Errorf("render page %q: %w", name, err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// HasPage reports whether a page template exists.
func (t *Templates) HasPage(name string) bool {
	pages, err := t.pages()
	_, ok := pages[name]
	return err == nil && ok
}

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
