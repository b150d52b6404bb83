// Package demo serves a small set of policy pages whose text moves through
// a recorded history, so that a newcomer's first run shows versions,
// filtered noise, changes and their analysis at once.
package demo

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
)

//go:embed pages/*.html
var pages embed.FS

// document is one demo document and the page files of its history, oldest
// first.
type document struct {
	platform, name, slug, category, path, docType, selector string
	revisions                                               []string
}

func documents() []document {
	return []document{
		{platform: "Meetly", slug: "meetly", category: "video conferencing", path: "/meetly/terms",
			docType: "Terms of Service", selector: "main.legal",
			revisions: []string{"meetly-terms-1.html", "meetly-terms-2.html", "meetly-terms-3.html"}},
		{platform: "Chirp", slug: "chirp", category: "social network", path: "/chirp/privacy",
			docType: "Privacy Policy", selector: "article#policy",
			revisions: []string{"chirp-privacy-1.html", "chirp-privacy-1.html", "chirp-privacy-2.html"}},
	}
}

// Steps is the number of points in the demo history.
const Steps = 3

// Site is the demo web site on a loopback port.
type Site struct {
	URL    string
	mu     sync.Mutex
	step   int
	server *http.Server
}

// Start serves the demo pages at the first step of their history.
func Start() (*Site, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo site: %w", err)
	}
	s := &Site{URL: "http://" + ln.Addr().String()}
	mux := http.NewServeMux()
	for _, d := range documents() {
		mux.HandleFunc("GET "+d.path, func(w http.ResponseWriter, _ *http.Request) {
			s.mu.Lock()
			file := d.revisions[s.step]
			s.mu.Unlock()
			body, err := pages.ReadFile("pages/" + file)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(body)
		})
	}
	s.server = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = s.server.Serve(ln) }()
	return s, nil
}

// SetStep moves every page to the given point of its history.
func (s *Site) SetStep(step int) error {
	if step < 0 || step >= Steps {
		return fmt.Errorf("demo step %d out of range", step)
	}
	s.mu.Lock()
	s.step = step
	s.mu.Unlock()
	return nil
}

// Close stops the site.
func (s *Site) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.server.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Catalogue declares the demo platforms, pointing at the site.
func (s *Site) Catalogue() []catalogue.Platform {
	var out []catalogue.Platform
	for _, d := range documents() {
		out = append(out, catalogue.Platform{
			Name: d.platform, Slug: d.slug, Category: d.category, Locale: "en", Jurisdiction: "Demo",
			Documents: []catalogue.Document{{Type: d.docType, Sources: []engine.Source{{
				URL:   s.URL + d.path,
				Rules: extract.Rules{Select: []extract.Selector{{CSS: d.selector}}},
			}}}},
		})
	}
	return out
}

// Slugs lists the demo platforms.
func Slugs() []string {
	var out []string
	for _, d := range documents() {
		out = append(out, d.slug)
	}
	return out
}
