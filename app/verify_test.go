package app

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestVerificationLinkIsSingleUse(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	link := ta.mailLink("ada@example.com", "/verify/")
	wantRedirect(t, b.get(link), "/app")
	u, _ := ta.store.UserByEmail(context.Background(), "ada@example.com")
	if !u.Verified() {
		t.Fatal("user not verified")
	}
	if strings.Contains(b.get("/app").Body, "Please confirm") {
		t.Fatal("banner still shown after verification")
	}
	wantStatus(t, b.get(link), http.StatusNotFound)
	wantStatus(t, b.get("/verify/not-a-token"), http.StatusNotFound)
}

func TestVerificationLinkExpires(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	link := ta.mailLink("ada@example.com", "/verify/")
	ta.clock.Advance(24*time.Hour + time.Minute)
	res := b.get(link)
	wantStatus(t, res, http.StatusNotFound)
	if !strings.Contains(res.Body, "Send me a new link") {
		t.Fatal("expired link page offers no new link")
	}
	wantRedirect(t, b.post("/verify/resend", nil), "/app")
	fresh := ta.mailLink("ada@example.com", "/verify/")
	if fresh == link {
		t.Fatal("resend reused the old link")
	}
	wantRedirect(t, b.get(fresh), "/app")
}

func TestPasswordReset(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
	before := len(ta.mail.Messages())

	known := ta.browser().post("/password/reset", map[string][]string{"email": {"ada@example.com"}})
	unknown := ta.browser().post("/password/reset", map[string][]string{"email": {"nobody@example.com"}})
	wantStatus(t, known, http.StatusOK)
	wantStatus(t, unknown, http.StatusOK)
	if strings.ReplaceAll(known.Body, "ada@example.com", "X") != strings.ReplaceAll(unknown.Body, "nobody@example.com", "X") {
		t.Fatal("the reset answer tells known and unknown addresses apart")
	}
	ta.server.deps.Accounts.Wait()
	if got := len(ta.mail.Messages()) - before; got != 1 {
		t.Fatalf("%d mails sent, want 1 (none for the unknown address)", got)
	}
	wantStatus(t, ta.browser().post("/password/reset", map[string][]string{"email": {"bad"}}), http.StatusUnprocessableEntity)

	link := ta.mailLink("ada@example.com", "/password/reset/")
	other := ta.browser()
	wantStatus(t, other.get(link), http.StatusOK)
	wantStatus(t, other.post(link, map[string][]string{"password": {"password123"}}), http.StatusUnprocessableEntity)
	wantRedirect(t, other.post(link, map[string][]string{"password": {"brand new passphrase"}}), "/login")

	wantRedirect(t, b.get("/app"), "/login?next=%2Fapp") // sessions ended
	wantStatus(t, other.get(link), http.StatusNotFound)  // single use
	wantRedirect(t, other.login("ada@example.com", "brand new passphrase"), "/app")

	ta.browser().post("/password/reset", map[string][]string{"email": {"ada@example.com"}})
	late := ta.mailLink("ada@example.com", "/password/reset/")
	ta.clock.Advance(61 * time.Minute)
	wantStatus(t, ta.browser().get(late), http.StatusNotFound)
}
