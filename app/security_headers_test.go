package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/mail"
)

// cspDirective returns the value of one directive of a CSP header.
func cspDirective(csp, name string) (string, bool) {
	for _, d := range strings.Split(csp, ";") {
		d = strings.TrimSpace(d)
		if d == name || strings.HasPrefix(d, name+" ") {
			return strings.TrimSpace(strings.TrimPrefix(d, name)), true
		}
	}
	return "", false
}

// checkHTMLHeaders reports what an HTML answer lacks of the security
// headers; hsts says whether Strict-Transport-Security is expected.
func checkHTMLHeaders(t *testing.T, what string, h http.Header, hsts bool) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	scripts, ok := cspDirective(csp, "script-src")
	if !ok {
		scripts, ok = cspDirective(csp, "default-src")
	}
	if !ok || strings.Contains(scripts, "'unsafe-inline'") || strings.Contains(scripts, "'unsafe-eval'") || strings.Contains(scripts, "*") {
		t.Errorf("%s: CSP scripts %q in %q", what, scripts, csp)
	}
	if fa, _ := cspDirective(csp, "frame-ancestors"); fa != "'none'" {
		t.Errorf("%s: CSP frame-ancestors %q", what, fa)
	}
	if obj, _ := cspDirective(csp, "object-src"); obj != "'none'" {
		t.Errorf("%s: CSP object-src %q", what, obj)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, h.Get("X-Content-Type-Options"))
	}
	switch h.Get("Referrer-Policy") {
	case "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin":
	default:
		t.Errorf("%s: Referrer-Policy %q", what, h.Get("Referrer-Policy"))
	}
	if got := h.Get("Strict-Transport-Security"); hsts != strings.HasPrefix(got, "max-age=") {
		t.Errorf("%s: Strict-Transport-Security %q (expected: %v)", what, got, hsts)
	}
}

// TestSecurityHeadersOnEveryHTMLRoute walks every GET route of the router
// as a logged-in member with the route's parameters filled from the seeded
// catalogue, and checks the headers of each HTML answer, error pages
// included. /admin/queues is the one route allowed its own script policy
// (see dashboardCSP); it is mounted only with a queue dashboard.
func TestSecurityHeadersOnEveryHTMLRoute(t *testing.T) {
	ta := newWatchlistTestApp(t)
	fx, _ := seedEngine(t, ta)
	b := ta.browser()
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")
	params := strings.NewReplacer(
		":slug", "acme", ":vid", itoa(fx.acmeV2.ID), ":token", "no-such-token", ":file", "acme.atom",
	)
	ids := map[string]string{"/changes/": itoa(fx.acmeChange.ID), "/documents/": itoa(fx.acmeTerms.ID)}

	html := 0
	for _, r := range ta.server.Echo().Routes() {
		if r.Method != http.MethodGet || strings.HasPrefix(r.Path, "/admin/queues") {
			continue
		}
		path := params.Replace(r.Path)
		for prefix, id := range ids {
			if strings.HasPrefix(path, prefix) {
				path = strings.Replace(path, ":id", id, 1)
			}
		}
		path = strings.ReplaceAll(path, ":id", "1")
		path = strings.ReplaceAll(path, "/*", "/app.css")
		res := b.get(path)
		if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			continue
		}
		html++
		checkHTMLHeaders(t, "GET "+path, res.Header, false)
	}
	if html < 20 {
		t.Fatalf("only %d HTML answers checked", html)
	}
	checkHTMLHeaders(t, "404 page", b.get("/no/such/page").Header, false)
}

// TestHSTSOnHTTPS serves public pages and an error page on an https base
// URL: each carries Strict-Transport-Security besides the other headers.
func TestHSTSOnHTTPS(t *testing.T) {
	ta := buildTestApp(t, "https://clausewatch.example", &mail.Recorder{})
	for _, path := range []string{"/", "/pricing", "/login", "/signup", "/password/reset", "/platforms", "/no/such/page"} {
		rec := httptest.NewRecorder()
		ta.server.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "https://clausewatch.example"+path, nil))
		if !strings.HasPrefix(rec.Body.String(), "<!doctype html>") {
			t.Errorf("%s: not an HTML page: %.80q", path, rec.Body.String())
			continue
		}
		checkHTMLHeaders(t, "GET "+path, rec.Header(), true)
	}
}
