package app

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/mail"
)

// TestEveryFormPostRefusesCrossSite posts to every unsafe website route as
// a logged-in user from another site, and without Fetch Metadata or a
// token: each answer is 403 and nothing is done.
func TestEveryFormPostRefusesCrossSite(t *testing.T) {
	ta := newWatchlistTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	session := b.session()

	// Unsafe routes outside the API that take cross-site requests on
	// purpose, each with the reason.
	exempt := map[string]string{
		"/webhooks/":          "signed by the sender (Stripe), no cookies read",
		"/alerts/unsubscribe": "one-click unsubscribe (RFC 8058) comes from mail clients; a signed token authorises it",
	}
	var tried int
	for _, r := range ta.server.Echo().Routes() {
		if r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions ||
			r.Method == echoRouteNotFound || strings.HasPrefix(r.Path, "/api/") || hasPrefixIn(r.Path, exempt) {
			continue
		}
		path := strings.NewReplacer(":id", "1", ":token", "tok", ":file", "x", ":slug", "acme").Replace(r.Path)
		tried++
		for name, headers := range map[string]map[string]string{
			"cross-site":              {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
			"same-site other origin":  {"Sec-Fetch-Site": "same-site", "Origin": "https://evil." + strings.TrimPrefix(ta.URL, "http://")},
			"no fetch metadata token": {},
		} {
			form := url.Values{"email": {"x@example.com"}, "password": {"p"}, "url": {"https://example.com/"}, "platform": {"acme"}}
			req, _ := http.NewRequest(r.Method, ta.URL+path, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range headers {
				req.Header.Set(k, v)
			}
			if res := b.do(req); res.StatusCode != http.StatusForbidden {
				t.Errorf("%s %s (%s): status %d, want 403", r.Method, path, name, res.StatusCode)
			}
		}
	}
	if tried < 15 {
		t.Fatalf("only %d unsafe routes found", tried)
	}
	if b.session() != session {
		t.Error("a refused post changed the session")
	}
	wantStatus(t, b.get("/app"), http.StatusOK) // not logged out by the cross-site POST /logout
}

// echoRouteNotFound is the method Echo lists for its catch-all routes.
const echoRouteNotFound = "echo_route_not_found"

func hasPrefixIn(path string, prefixes map[string]string) bool {
	for prefix := range prefixes {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// TestCookieAttributes checks the session and CSRF cookies on plain http
// (the embedded default) and on https.
func TestCookieAttributes(t *testing.T) {
	for _, tt := range []struct {
		base, session, csrf string
		secure              bool
	}{
		{"http://127.0.0.1:8080", "session", "csrf", false},
		{"https://clausewatch.example", "__Host-session", "__Host-csrf", true},
	} {
		t.Run(tt.base, func(t *testing.T) {
			ta := buildTestApp(t, tt.base, &mail.Recorder{})
			h := ta.server.Handler()

			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.base+"/signup", nil))
			csrf := cookieNamed(rec.Result().Cookies(), tt.csrf)
			if csrf == nil || !csrf.HttpOnly || csrf.Secure != tt.secure || csrf.SameSite != http.SameSiteLaxMode || csrf.Path != "/" || csrf.Domain != "" {
				t.Fatalf("CSRF cookie = %+v in %v", csrf, rec.Result().Cookies())
			}

			rec = signupThenLogin(t, ta, tt.base)
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("login: status %d", rec.Code)
			}
			s := cookieNamed(rec.Result().Cookies(), tt.session)
			if s == nil || !s.HttpOnly || s.Secure != tt.secure || s.SameSite != http.SameSiteLaxMode || s.Path != "/" || s.Domain != "" || s.MaxAge <= 0 {
				t.Fatalf("session cookie = %+v in %v", s, rec.Result().Cookies())
			}
			if len(s.Value) < 43 {
				t.Fatalf("session id %q shorter than 256 bits", s.Value)
			}
		})
	}
}

func cookieNamed(cs []*http.Cookie, name string) *http.Cookie {
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// TestLoginThrottleIgnoresForwardedHeaders is an attacker connecting
// directly and sending a new X-Forwarded-For and X-Real-IP with every
// guess (and a new e-mail address, so that only the address counter
// applies): the 11th failure is still throttled.
func TestLoginThrottleIgnoresForwardedHeaders(t *testing.T) {
	ta := buildTestApp(t, "http://127.0.0.1:8080", &mail.Recorder{})
	h := ta.server.Handler()
	attempt := func(i int) *httptest.ResponseRecorder {
		form := url.Values{"email": {fmt.Sprintf("guess%d@example.com", i)}, "password": {"wrong password here"}}
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080/login", strings.NewReader(form.Encode()))
		req.RemoteAddr = "203.0.113.7:40000"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("X-Forwarded-For", fmt.Sprintf("198.51.100.%d", i))
		req.Header.Set("X-Real-IP", fmt.Sprintf("192.0.2.%d", i))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i := 1; i <= accounts.MaxClientLoginFailures; i++ {
		if rec := attempt(i); rec.Code != http.StatusUnprocessableEntity {
			t.Fatalf("attempt %d: status %d", i, rec.Code)
		}
	}
	rec := attempt(accounts.MaxClientLoginFailures + 1)
	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("attempt %d with new forwarded headers: status %d, want 429", accounts.MaxClientLoginFailures+1, rec.Code)
	}
	if secs, err := strconv.Atoi(rec.Header().Get("Retry-After")); err != nil || secs < 1 {
		t.Fatalf("Retry-After = %q", rec.Header().Get("Retry-After"))
	}
}

// TestStoredPasswordIsArgon2id reads the stored hash of a new account: the
// PHC string of argon2id with its parameters, a salt and no trace of the
// password.
func TestStoredPasswordIsArgon2id(t *testing.T) {
	ta := newTestApp(t)
	wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
	u, err := ta.store.UserByEmail(context.Background(), "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	phc := regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22,}\$[A-Za-z0-9+/]{43,}$`)
	m := phc.FindStringSubmatch(u.PasswordHash)
	if m == nil {
		t.Fatalf("stored hash %q is not an argon2id PHC string", u.PasswordHash)
	}
	if mem, _ := strconv.Atoi(m[1]); mem < 19456 {
		t.Errorf("argon2id memory %d KiB, below the OWASP minimum 19456", mem)
	}
	if strings.Contains(u.PasswordHash, "violet") {
		t.Error("the hash contains the password")
	}
}

// signupThenLogin signs ada up on the app served at base through its
// handler, without a network, and returns the answer of her first login,
// which starts the session.
func signupThenLogin(t *testing.T, ta *testApp, base string) *httptest.ResponseRecorder {
	t.Helper()
	post := func(path string, form url.Values) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, base+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		ta.server.Handler().ServeHTTP(rec, req)
		return rec
	}
	if rec := post("/signup", url.Values{"email": {"ada@example.com"}, "password": {goodPassword}, "organization": {"Acme"}}); rec.Code != http.StatusOK {
		t.Fatalf("signup: status %d: %s", rec.Code, rec.Body)
	}
	ta.server.deps.Accounts.Wait()
	return post("/login", url.Values{"email": {"ada@example.com"}, "password": {goodPassword}})
}
