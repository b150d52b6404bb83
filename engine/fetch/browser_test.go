package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/docstate"
)

// fakeBrowser renders by returning fixed HTML, or an error.
type fakeBrowser struct {
	html string
	err  error
	got  string
}

func (b *fakeBrowser) Render(_ context.Context, url string) ([]byte, error) {
	b.got = url
	return []byte(b.html), b.err
}

func TestFetchClientScripts(t *testing.T) {
	tests := []struct {
		name      string
		browser   Browser
		maxBody   int64
		wantState docstate.State
	}{
		{"no browser", nil, 0, docstate.NeedsBrowser},
		{"nil chrome browser", (*ChromeBrowser)(nil), 0, docstate.NeedsBrowser},
		{"browser missing at render", &fakeBrowser{err: fmt.Errorf("start: %w", ErrNoBrowser)}, 0, docstate.NeedsBrowser},
		{"render fails", &fakeBrowser{err: errors.New("net::ERR_CONNECTION_REFUSED")}, 0, docstate.Unreachable},
		{"too large", &fakeBrowser{html: strings.Repeat("x", 100)}, 50, docstate.TooLarge},
		{"rendered", &fakeBrowser{html: "<p>rendered</p>"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := testOptions()
			opts.Browser = tt.browser
			opts.MaxBody = tt.maxBody
			req := Request{URL: "http://example.test/terms", ExecuteClientScripts: true}
			if tt.wantState != "" {
				fe := fetchErr(t, New(opts), req)
				if fe.State != tt.wantState {
					t.Fatalf("error = %+v", fe)
				}
				return
			}
			resp, err := New(opts).Fetch(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != "<p>rendered</p>" || !strings.HasPrefix(resp.ContentType, "text/html") {
				t.Fatalf("response %+v", resp)
			}
		})
	}
}

func TestFetchClientScriptsKeepsSSRFPolicy(t *testing.T) {
	b := &fakeBrowser{html: "<p>x</p>"}
	fe := fetchErr(t, New(Options{Browser: b}), Request{URL: "http://169.254.169.254/", ExecuteClientScripts: true})
	if fe.State != docstate.Blocked || b.got != "" {
		t.Fatalf("error = %+v, browser asked for %q", fe, b.got)
	}
}

func TestNewChromeBrowserMissing(t *testing.T) {
	b, err := NewChromeBrowser("/nonexistent/chromium")
	var fe *Error
	if b != nil || !errors.As(err, &fe) || fe.State != docstate.NeedsBrowser || !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("NewChromeBrowser = %v, %v", b, err)
	}
}

func TestChromeBrowserRender(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	b, err := NewChromeBrowser("")
	if err != nil {
		t.Skipf("no Chromium here: %v", err)
	}
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><div id="terms"></div><script>document.getElementById("terms").textContent = "Rendered by script";</script></body></html>`)
	}))
	opts := testOptions()
	opts.TotalTimeout = 0 // the default: Chromium start-up is slow
	opts.Browser = b
	resp, err := New(opts).Fetch(context.Background(), Request{URL: srv.URL, ExecuteClientScripts: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(resp.Body), `<div id="terms">Rendered by script</div>`) {
		t.Fatalf("body = %s", resp.Body)
	}
}
