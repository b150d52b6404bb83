package app

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func countUsers(t *testing.T, ta *testApp) int {
	t.Helper()
	n := 0
	for _, email := range []string{"ada@example.com", "bob@example.com"} {
		if _, err := ta.store.UserByEmail(context.Background(), email); err == nil {
			n++
		}
	}
	return n
}

func TestSignupCreatesAccountAndLogsIn(t *testing.T) {
	ta := newTestApp(t)
	b := ta.browser()
	res := b.signup("  Ada@Example.com ", goodPassword, "Acme Corp")
	wantRedirect(t, res, "/app")

	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" || session.Secure {
		t.Fatalf("session cookie = %+v, want HttpOnly, SameSite=Lax, Path=/, not Secure on http", session)
	}

	u, err := ta.store.UserByEmail(context.Background(), "ada@example.com")
	if err != nil {
		t.Fatalf("user not created with a lower-cased address: %v", err)
	}
	if !strings.HasPrefix(u.PasswordHash, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("password hash %q is not argon2id with the expected parameters", u.PasswordHash)
	}
	org, err := ta.store.OrganizationBySlug(context.Background(), "acme-corp")
	if err != nil || org.Plan != "free" {
		t.Fatalf("organization = %+v, %v", org, err)
	}

	dash := b.get("/app")
	wantStatus(t, dash, http.StatusOK)
	for _, want := range []string{"Acme Corp", "Free plan", "Please confirm your e-mail address"} {
		if !strings.Contains(dash.Body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	if m, ok := ta.mail.Last("ada@example.com"); !ok || !strings.Contains(m.Subject, "Confirm") || m.HTML == "" {
		t.Fatalf("verification mail = %+v, %v", m, ok)
	}

	// A second organization with the same name gets its own slug.
	wantRedirect(t, ta.browser().signup("bob@example.com", goodPassword, "Acme Corp"), "/app")
	if _, err := ta.store.OrganizationBySlug(context.Background(), "acme-corp-2"); err != nil {
		t.Fatalf("second slug: %v", err)
	}
}

func TestSignupFormRefusesBadInput(t *testing.T) {
	tests := []struct {
		name, email, password, org string
		status                     int
		field, message             string
	}{
		{"invalid e-mail", "ada@", goodPassword, "Acme", 422, "email", "Enter a valid e-mail address"},
		{"e-mail with name", "Ada <ada@example.com>", goodPassword, "Acme", 422, "email", "Enter a valid e-mail address"},
		{"short password", "ada@example.com", "short", "Acme", 422, "password", "at least 10 characters"},
		{"long password", "ada@example.com", strings.Repeat("x", 129), "Acme", 422, "password", "at most 128"},
		{"common password", "ada@example.com", "Password123", "Acme", 422, "password", "too common"},
		{"common password with year", "ada@example.com", "sunshine2024!", "Acme", 422, "password", "too common"},
		{"keyboard walk", "ada@example.com", "qwertyuiop", "Acme", 422, "password", "too common"},
		{"no organization", "ada@example.com", goodPassword, "  ", 422, "organization", "Enter the name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			res := ta.browser().signup(tt.email, tt.password, tt.org)
			wantStatus(t, res, tt.status)
			if !strings.Contains(res.Body, tt.message) {
				t.Errorf("body lacks message %q", tt.message)
			}
			if !strings.Contains(res.Body, `id="`+tt.field+`"`) || !strings.Contains(res.Body, `aria-invalid="true"`) {
				t.Errorf("field %s not marked invalid", tt.field)
			}
			if tt.org != "  " && !strings.Contains(res.Body, `value="`+tt.org+`"`) {
				t.Errorf("organization input not kept")
			}
			if strings.Contains(res.Body, tt.password) && len(tt.password) > 5 {
				t.Errorf("password echoed back into the form")
			}
			if n := countUsers(t, ta); n != 0 {
				t.Fatalf("%d users written on failure", n)
			}
			if len(ta.mail.Messages()) != 0 {
				t.Fatalf("mail sent on failure")
			}
		})
	}
}

// The sign-up form answers a registered address exactly as a new one, so
// it cannot tell who has an account; the owner is told by e-mail instead.
// (The API keeps its 409: TestAPISignupConflict.)
func TestSignupAnswersRegisteredAddressesLikeNewOnes(t *testing.T) {
	ta := newTestApp(t)
	wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")

	answer := func(email string) *response {
		res := ta.browser().signupForm(email, goodPassword, "Other")
		ta.server.deps.Accounts.Wait()
		wantStatus(t, res, http.StatusOK)
		return res
	}
	known, fresh := answer("ADA@example.com"), answer("bob@example.com")
	normalize := func(r *response, email string) string {
		body := strings.ReplaceAll(r.Body, email, "ADDRESS")
		return regexp.MustCompile(`name="_csrf" value="[^"]*"`).ReplaceAllString(body, "")
	}
	if normalize(known, "ADA@example.com") != normalize(fresh, "bob@example.com") {
		t.Errorf("the answers differ:\n%s\n---\n%s", known.Body, fresh.Body)
	}
	if !strings.Contains(known.Body, signupSentText) {
		t.Errorf("no 'check your inbox' answer:\n%s", known.Body)
	}

	if _, err := ta.store.OrganizationBySlug(context.Background(), "other"); err != nil {
		t.Fatalf("the new address got no organization: %v", err)
	}
	if n := countUsers(t, ta); n != 2 {
		t.Fatalf("%d users, want 2 (ada once, bob)", n)
	}
	m, ok := ta.mail.Last("ada@example.com")
	if !ok || !strings.Contains(m.Subject, "already have a Clausewatch account") || !strings.Contains(m.Text, "/password/reset") {
		t.Fatalf("the owner was not told: %+v", m)
	}
	if m, ok := ta.mail.Last("bob@example.com"); !ok || !strings.Contains(m.Text, "/verify/") {
		t.Fatalf("the new address got no confirmation link: %+v", m)
	}
}

func TestCSRF(t *testing.T) {
	ta := newTestApp(t)
	form := url.Values{"email": {"ada@example.com"}, "password": {goodPassword}, "organization": {"Acme"}}

	post := func(b *browser, headers map[string]string, f url.Values) *response {
		req, _ := http.NewRequest(http.MethodPost, ta.URL+"/signup", strings.NewReader(f.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		return b.do(req)
	}
	b := ta.browser()
	wantStatus(t, post(b, map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}, form), http.StatusForbidden)
	wantStatus(t, post(b, nil, form), http.StatusForbidden)
	if countUsers(t, ta) != 0 {
		t.Fatal("cross-site post created a user")
	}

	// Browsers without Fetch Metadata use the double-submit token.
	page := b.get("/signup")
	token := regexpToken(t, page.Body)
	f := url.Values{"_csrf": {token}}
	for k, v := range form {
		f[k] = v
	}
	res := post(b, nil, f)
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, signupSentText) {
		t.Fatalf("the form with a token was not accepted:\n%s", res.Body)
	}
}

func regexpToken(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, `name="_csrf" value="`)
	if i < 0 {
		t.Fatal("no CSRF field in the form")
	}
	rest := body[i+len(`name="_csrf" value="`):]
	return rest[:strings.Index(rest, `"`)]
}
