package app

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/mail"
)

func TestLoginSameAnswerForUnknownUserAndWrongPassword(t *testing.T) {
	ta := newTestApp(t)
	wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
	wrong := ta.browser().login("ada@example.com", "wrong password here")
	unknown := ta.browser().login("nobody@example.com", "wrong password here")
	wantStatus(t, wrong, http.StatusUnprocessableEntity)
	wantStatus(t, unknown, http.StatusUnprocessableEntity)
	strip := func(s, email string) string { return strings.ReplaceAll(s, email, "EMAIL") }
	if strip(wrong.Body, "ada@example.com") != strip(unknown.Body, "nobody@example.com") {
		t.Fatal("the answers for a wrong password and an unknown user differ")
	}
}

func TestLoginThrottling(t *testing.T) {
	for _, target := range []string{"ada@example.com", "nobody@example.com"} {
		t.Run(target, func(t *testing.T) {
			ta := newTestApp(t)
			wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
			b := ta.browser()
			for i := 1; i <= accounts.MaxLoginFailures; i++ {
				wantStatus(t, b.login(target, "wrong password here"), http.StatusUnprocessableEntity)
			}
			res := b.login(target, "wrong password here")
			wantStatus(t, res, http.StatusTooManyRequests)
			secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
			if err != nil || secs < 1 || secs > int(accounts.FailureWindow.Seconds()) {
				t.Fatalf("Retry-After = %q", res.Header.Get("Retry-After"))
			}
			if target != "ada@example.com" {
				// Failures against one address do not close another
				// account to the same client.
				wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
				return
			}
			// Even the right password waits, from this client.
			wantStatus(t, b.login("ada@example.com", goodPassword), http.StatusTooManyRequests)
			// The API shares the counters.
			r, out := ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"ada@example.com","password":"`+goodPassword+`"}`)
			wantStatus(t, r, http.StatusTooManyRequests)
			if errorCode(out) != "rate_limited" || r.Header.Get("Retry-After") == "" {
				t.Fatalf("API throttle answer = %v, Retry-After %q", out, r.Header.Get("Retry-After"))
			}
			ta.clock.Advance(accounts.FailureWindow + time.Second)
			wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
		})
	}
}

func TestSessionRotationLogoutAndExpiry(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	first := b.session()
	wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
	second := b.session()
	if first == "" || second == "" || first == second {
		t.Fatalf("session id not rotated at login: %q → %q", first, second)
	}
	if len(second) < 43 {
		t.Fatalf("session id %q shorter than 256 bits", second)
	}
	wantStatus(t, b.get("/app"), http.StatusOK)

	// The replaced id no longer works.
	old := ta.browser()
	old.setSession(first)
	wantRedirect(t, old.get("/app"), "/login?next=%2Fapp")

	wantRedirect(t, b.post("/logout", nil), "/")
	replay := ta.browser()
	replay.setSession(second)
	wantRedirect(t, replay.get("/app/members"), "/login?next=%2Fapp%2Fmembers")

	wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
	ta.clock.Advance(accounts.SessionLifetime + time.Minute)
	wantRedirect(t, b.get("/app"), "/login?next=%2Fapp")
}

func TestPasswordChangeRevokesOtherSessions(t *testing.T) {
	ta := newTestApp(t)
	laptop, phone := ta.browser(), ta.browser()
	wantRedirect(t, laptop.signup("ada@example.com", goodPassword, "Acme"), "/app")
	wantRedirect(t, phone.login("ada@example.com", goodPassword), "/app")

	res := laptop.post("/app/password", url.Values{"current_password": {"not my password"}, "password": {"another fine passphrase"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.Body, "not your current password") {
		t.Fatal("no inline error for the current password")
	}
	wantStatus(t, phone.get("/app"), http.StatusOK)

	wantRedirect(t, laptop.post("/app/password", url.Values{"current_password": {goodPassword}, "password": {"another fine passphrase"}}), "/app")
	wantStatus(t, laptop.get("/app"), http.StatusOK)
	wantRedirect(t, phone.get("/app"), "/login?next=%2Fapp")
	wantStatus(t, phone.login("ada@example.com", goodPassword), http.StatusUnprocessableEntity)
	wantRedirect(t, phone.login("ada@example.com", "another fine passphrase"), "/app")
}

func TestSecureCookieOnHTTPS(t *testing.T) {
	ta := buildTestApp(t, "https://clausewatch.example", &mail.Recorder{})
	rec := signupThenLogin(t, ta, "https://clausewatch.example")
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var found bool
	for _, c := range rec.Result().Cookies() {
		if c.Name == "__Host-session" {
			found = true
			if !c.Secure || !c.HttpOnly || c.Path != "/" || c.SameSite != http.SameSiteLaxMode || c.Domain != "" {
				t.Fatalf("cookie = %+v", c)
			}
		}
	}
	if !found {
		t.Fatalf("no __Host-session cookie in %v", rec.Result().Cookies())
	}
}

func TestLoginNextStaysOnSite(t *testing.T) {
	ta := newTestApp(t)
	wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
	tests := []struct{ next, want string }{
		{"/app/members", "/app/members"},
		{"/app/tokens?x=1", "/app/tokens?x=1"},
		{"//evil.example/", "/app"},
		{"https://evil.example/", "/app"},
		{"/\\evil.example", "/app"},
		{"", "/app"},
	}
	for _, tt := range tests {
		b := ta.browser()
		res := b.post("/login", url.Values{"email": {"ada@example.com"}, "password": {goodPassword}, "next": {tt.next}})
		wantRedirect(t, res, tt.want)
	}
}
