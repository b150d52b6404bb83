package engine

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
)

// site serves policy pages with per-request noise and validators.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := rand.Text()
		etag := `"` + r.URL.Path + `"`
		if r.Header.Get("If-None-Match") == etag && r.URL.Path != "/changing" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/terms", "/changing":
			fmt.Fprintf(w, `<html><body><nav>Menu %s</nav><article><h1>Terms</h1><p>You agree to these terms.</p><div class="ad">Ad %s</div></article></body></html>`, token, token)
		case "/annex":
			fmt.Fprintf(w, `<html><body><main><h2>Annex</h2><p>Fees apply.</p></main><footer>%s</footer></body></html>`, token)
		case "/challenge":
			fmt.Fprint(w, `<html><head><title>Just a moment...</title></head><body></body></html>`)
		case "/busy":
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func testEngine() *Engine {
	return New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 5 * time.Second}))
}

func articleRules() extract.Rules {
	return extract.Rules{Select: []extract.Selector{{CSS: "article"}}, Remove: []extract.Selector{{CSS: ".ad"}}}
}

func TestCheckCombine(t *testing.T) {
	srv := site(t)
	sources := []Source{
		{URL: srv.URL + "/terms", Rules: articleRules()},
		{URL: srv.URL + "/annex", Rules: extract.Rules{Select: []extract.Selector{{CSS: "main"}}}},
	}
	e := testEngine()
	first, err := e.Check(context.Background(), sources, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Terms\n\nYou agree to these terms.\n\n## Annex\n\nFees apply.\n"
	if first.Markdown != want || first.NotModified {
		t.Fatalf("markdown = %q, want %q", first.Markdown, want)
	}
	if len(first.Snapshots) != 2 {
		t.Fatalf("%d snapshots", len(first.Snapshots))
	}
	for i, s := range first.Snapshots {
		sum := sha256.Sum256(s.Body)
		if s.SHA256 != hex.EncodeToString(sum[:]) || s.URL != sources[i].URL || s.ETag == "" || s.ContentType == "" {
			t.Fatalf("snapshot %d = %+v", i, s)
		}
	}

	// Noise changes the raw bytes on every request, never the Markdown.
	second, err := e.Check(context.Background(), sources, CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if second.Markdown != first.Markdown {
		t.Fatalf("noise changed the markdown:\n%q\n%q", first.Markdown, second.Markdown)
	}
	if second.Snapshots[0].SHA256 == first.Snapshots[0].SHA256 {
		t.Fatal("snapshots should differ in their noise")
	}
	if second.Fingerprint != first.Fingerprint || first.Fingerprint == "" {
		t.Fatalf("noise changed the fingerprint: %q, %q", first.Fingerprint, second.Fingerprint)
	}

	// Given the fingerprint, a check of the same pages stops before
	// converting; given another, it converts.
	fast, err := e.Check(context.Background(), sources, CheckOptions{Fingerprint: first.Fingerprint})
	if err != nil {
		t.Fatal(err)
	}
	if !fast.Unchanged || fast.Markdown != "" || fast.Fingerprint != first.Fingerprint || len(fast.Snapshots) != 2 {
		t.Fatalf("fast path: %+v", fast)
	}
	slow, err := e.Check(context.Background(), sources, CheckOptions{Fingerprint: "older"})
	if err != nil {
		t.Fatal(err)
	}
	if slow.Unchanged || slow.Markdown != first.Markdown {
		t.Fatalf("other fingerprint: %+v", slow)
	}

	// Re-extraction of the stored snapshots gives the same text, and new
	// rules give new text without a fetch.
	again, err := Reextract(first.Snapshots, []extract.Rules{articleRules(), {Select: []extract.Selector{{CSS: "main"}}}})
	if err != nil || again.Markdown != first.Markdown || again.Fingerprint != first.Fingerprint {
		t.Fatalf("Reextract = %+v, %v", again, err)
	}
	upgraded, err := Reextract(first.Snapshots[:1], []extract.Rules{{Select: []extract.Selector{{CSS: "article p"}}}})
	if err != nil || upgraded.Markdown != "You agree to these terms.\n" || upgraded.Fingerprint == first.Fingerprint {
		t.Fatalf("Reextract with new rules = %+v, %v", upgraded, err)
	}
}

func TestCheckConditional(t *testing.T) {
	srv := site(t)
	terms := Source{URL: srv.URL + "/terms", Rules: articleRules()}
	changing := Source{URL: srv.URL + "/changing", Rules: articleRules()}
	annex := Source{URL: srv.URL + "/annex", Rules: extract.Rules{Select: []extract.Selector{{CSS: "main"}}}}
	e := testEngine()

	res, err := e.Check(context.Background(), []Source{terms, annex}, CheckOptions{Conditionals: []Conditional{{ETag: `"/terms"`}, {ETag: `"/annex"`}}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.NotModified || res.Markdown != "" || res.Snapshots != nil {
		t.Fatalf("all 304: %+v", res)
	}

	// One part changed: the 304 part is fetched again so the whole
	// document can be extracted.
	res, err = e.Check(context.Background(), []Source{terms, changing}, CheckOptions{Conditionals: []Conditional{{ETag: `"/terms"`}, {ETag: `"/changing"`}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || len(res.Snapshots) != 2 || len(res.Snapshots[0].Body) == 0 {
		t.Fatalf("partial 304: %+v", res)
	}
	if want := "# Terms\n\nYou agree to these terms.\n\n# Terms\n\nYou agree to these terms.\n"; res.Markdown != want {
		t.Fatalf("markdown = %q", res.Markdown)
	}
}

func TestCheckErrors(t *testing.T) {
	srv := site(t)
	tests := []struct {
		name          string
		sources       []Source
		wantState     docstate.State
		wantPermanent bool
		wantRetry     time.Duration
	}{
		{"not found", []Source{{URL: srv.URL + "/missing"}}, "http_error", true, 0},
		{"rate limited", []Source{{URL: srv.URL + "/busy"}}, "http_error", false, time.Minute},
		{"challenge page", []Source{{URL: srv.URL + "/challenge"}}, "blocked", false, 0},
		{"selector missing", []Source{{URL: srv.URL + "/terms", Rules: extract.Rules{Select: []extract.Selector{{CSS: "#policy"}}}}}, "selector_missing", true, 0},
		{"empty", []Source{{URL: srv.URL + "/terms", Rules: extract.Rules{Select: []extract.Selector{{CSS: "article"}}, Remove: []extract.Selector{{CSS: "h1, p, .ad"}}}}}, "empty", true, 0},
		{"second part fails", []Source{{URL: srv.URL + "/terms", Rules: articleRules()}, {URL: srv.URL + "/missing"}}, "http_error", true, 0},
		{"needs a browser", []Source{{URL: srv.URL + "/terms", ExecuteClientScripts: true}}, "needs_browser", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := testEngine().Check(context.Background(), tt.sources, CheckOptions{})
			var ce *CheckError
			if !errors.As(err, &ce) {
				t.Fatalf("Check = %+v, %v; want a *CheckError", res, err)
			}
			if ce.State != tt.wantState || ce.Permanent != tt.wantPermanent || ce.RetryAfter != tt.wantRetry {
				t.Fatalf("error = %+v", ce)
			}
		})
	}
}

func TestCheckBadInput(t *testing.T) {
	e := testEngine()
	if _, err := e.Check(context.Background(), nil, CheckOptions{}); err == nil {
		t.Fatal("no sources accepted")
	}
	if _, err := e.Check(context.Background(), []Source{{URL: "http://x"}}, CheckOptions{Conditionals: []Conditional{{}, {}}}); err == nil {
		t.Fatal("mismatched conditionals accepted")
	}
	if _, err := Reextract([]Snapshot{{}}, nil); err == nil {
		t.Fatal("mismatched rules accepted")
	}
}

func TestCheckLegacyCharset(t *testing.T) {
	tests := []struct {
		name, contentType, body string
	}{
		{"declared windows-1252", "text/html; charset=windows-1252", "<p>Caf\xe9 \x93terms\x94</p>"},
		{"mislabelled as utf-8", "text/html; charset=utf-8", "<p>Caf\xe9 \x93terms\x94</p>"},
		{"meta only", "text/html", `<meta charset="iso-8859-1"><p>Caf` + "\xe9" + ` "terms"</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				fmt.Fprint(w, tt.body)
			}))
			defer srv.Close()
			res, err := testEngine().Check(context.Background(), []Source{{URL: srv.URL}}, CheckOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if want := "Café \"terms\"\n"; res.Markdown != want {
				t.Fatalf("markdown = %q, want %q", res.Markdown, want)
			}
		})
	}
}
