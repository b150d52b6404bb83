package app

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	_ "github.com/glebarez/go-sqlite" // database/sql driver to read the SQLite file directly
	"github.com/redis/go-redis/v9"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
)

// The attacks in this file are tried as an outsider would, with HTTP
// requests against the real server on a real store: SQLite, and
// PostgreSQL too when TEST_DATABASE_URL is set. Every log line the server,
// the accounts logic and the store write is kept, so that a test can
// search it for secrets.

// logBuffer collects log output from concurrent handlers.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

const attackMetricsToken = "metrics-scrape-secret-0123456789"

// attackApp is a test app with every log captured at debug level, the
// Redis rate limiter on an in-process Redis, Stripe billing (webhook only)
// and a metrics token.
type attackApp struct {
	*testApp
	logs  *logBuffer
	dbURL string
}

// eachDatabase runs fn against SQLite and, when configured, PostgreSQL.
func eachDatabase(t *testing.T, fn func(t *testing.T, dbURL string)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, "sqlite://"+filepath.Join(t.TempDir(), "attack.db"))
	})
	if os.Getenv("TEST_DATABASE_URL") != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, storetest.NewPostgresDatabase(t)) })
	}
}

func newAttackApp(t *testing.T, dbURL string, vars map[string]string) *attackApp {
	t.Helper()
	ctx := context.Background()
	logs := &logBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	st, err := store.Open(ctx, dbURL, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })

	ts := httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	all := map[string]string{
		"CLAUSEWATCH_BASE_URL": base, "CLAUSEWATCH_DATA_DIR": t.TempDir(),
		"CLAUSEWATCH_METRICS_TOKEN": attackMetricsToken,
		"STRIPE_SECRET_KEY":         "sk_test_attack", "STRIPE_WEBHOOK_SECRET": "whsec_attack_0123456789abcdef",
		"STRIPE_API_BASE": "http://127.0.0.1:1",
	}
	for k, v := range vars {
		all[k] = v
	}
	cfg, err := config.FromMap(all)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	rec := &mail.Recorder{}
	clock := &testClock{now: time.Now().UTC()}
	deps := testDeps(cfg, st, tmpl, rec, clock.Now, log)
	deps.RateLimiter = ratelimit.New(rdb)
	if deps.Billing, err = stripebilling.New(stripebilling.Deps{Config: cfg, Store: st, Mail: rec, Templates: tmpl, Log: log, Metrics: deps.Metrics}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(deps)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return &attackApp{testApp: &testApp{t: t, URL: base, server: srv, store: st, mail: rec, clock: clock}, logs: logs, dbURL: dbURL}
}

// apiSignup signs up over the API and returns the token.
func (ta *attackApp) apiSignup(email, org string) string {
	ta.t.Helper()
	res, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"`+email+`","password":"`+goodPassword+`","organization":"`+org+`"}`)
	wantStatus(ta.t, res, http.StatusCreated)
	return out["token"].(string)
}

// verifiedOwner signs up in the browser, follows the verification link and
// moves the organization to plan.
func (ta *attackApp) verifiedOwner(email, org, plan string) (*browser, *store.Organization) {
	ta.t.Helper()
	b, o := ta.owner(email, org, plan)
	wantStatus(ta.t, b.get(ta.mailLink(email, "/verify/")), http.StatusSeeOther)
	return b, o
}

// tokenFromPage is the cw_ token shown once on the tokens page.
func tokenFromPage(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`cw_[A-Za-z0-9_-]{20,}`).FindString(body)
	if m == "" {
		t.Fatalf("no token on the page:\n%s", body)
	}
	return m
}

// feedURLFrom finds the private feed address on a page.
func feedURLFrom(body string) string {
	return regexp.MustCompile(`/feeds/org/[^"<>\s]+\.atom`).FindString(body)
}

// TestAttackSecretsInLogs walks a whole journey — sign-up, verification,
// password reset, invitation, private feed, webhook secret, Stripe webhook,
// a failed duplicate sign-up — and then searches every log line for every
// secret handed out on the way.
func TestAttackSecretsInLogs(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		ctx := context.Background()
		secrets := map[string]string{"password": goodPassword, "stripe webhook secret": "whsec_attack_0123456789abcdef"}

		b := ta.browser()
		wantRedirect(t, b.signup("ada@example.com", goodPassword, "Acme"), "/app")
		secrets["session"] = b.session()
		verify := ta.mailLink("ada@example.com", "/verify/")
		secrets["verification token"] = strings.TrimPrefix(verify, "/verify/")
		b.get(verify + "?utm_source=mail")

		b.post("/password/reset", url.Values{"email": {"ada@example.com"}})
		reset := ta.mailLink("ada@example.com", "/password/reset/")
		secrets["reset token"] = strings.TrimPrefix(reset, "/password/reset/")
		b.get(reset)
		newPassword := "copper kettle meadow 77"
		secrets["new password"] = newPassword
		b.post(reset, url.Values{"password": {newPassword}})
		b = ta.browser()
		wantStatus(t, b.login("ada@example.com", newPassword), http.StatusSeeOther)

		org, err := ta.store.OrganizationBySlug(ctx, "acme")
		if err != nil {
			t.Fatal(err)
		}
		if err := ta.store.SetOrganizationPlan(ctx, org.ID, "monitor"); err != nil {
			t.Fatal(err)
		}
		b.post("/app/members/invite", url.Values{"email": {"bob@example.com"}, "role": {"member"}})
		inv := ta.mailLink("bob@example.com", "/invitations/")
		secrets["invitation token"] = strings.TrimPrefix(inv, "/invitations/")
		bob := ta.browser()
		bob.get(inv)
		bob.post(inv, url.Values{"password": {goodPassword}})

		res := b.post("/app/tokens", url.Values{"name": {"ci"}})
		secrets["API token"] = tokenFromPage(t, res.Body)
		ta.apiCall("GET", "/api/v1/me", secrets["API token"], "")

		res = b.post("/app/watchlist/feed", nil)
		if res.StatusCode == http.StatusSeeOther {
			res = b.get("/app/watchlist")
		}
		feed := feedURLFrom(res.Body)
		if feed == "" {
			t.Fatalf("no feed URL after creating the feed:\n%s", res.Body)
		}
		secrets["feed token"] = strings.TrimSuffix(strings.TrimPrefix(feed, "/feeds/org/"), ".atom")
		wantStatus(t, b.get(feed), http.StatusOK)
		b.get(feed + "?key=" + url.QueryEscape(secrets["feed token"]))

		res, out := ta.apiCall("PUT", "/api/v1/alerts/settings", secrets["API token"], `{"webhook_url":"https://hooks.example.com/clausewatch/T0SECRETPATH"}`)
		wantStatus(t, res, http.StatusOK)
		secrets["webhook secret"], _ = out["webhook_secret"].(string)
		if !strings.HasPrefix(secrets["webhook secret"], "whsec_") {
			t.Fatalf("no webhook secret in %v", out)
		}

		payload := []byte(`{"id":"evt_attack","object":"event","type":"customer.created","api_version":"2023-10-16","data":{"object":{"id":"cus_attack","object":"customer"}}}`)
		signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: "whsec_attack_0123456789abcdef"})
		req, _ := http.NewRequest(http.MethodPost, ta.URL+"/webhooks/stripe", bytes.NewReader(payload))
		req.Header.Set("Stripe-Signature", signed.Header)
		ta.browser().do(req)
		_, sig, _ := strings.Cut(signed.Header, "v1=")
		secrets["stripe signature"] = sig

		// A refused duplicate sign-up makes the database log a failed
		// INSERT carrying the new password's hash.
		ta.apiCall("POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"another long passphrase 9","organization":"Again"}`)
		u, err := ta.store.UserByEmail(ctx, "ada@example.com")
		if err != nil {
			t.Fatal(err)
		}
		secrets["password hash"] = u.PasswordHash

		logs := ta.logs.String()
		if !strings.Contains(logs, `"msg":"request"`) {
			t.Fatal("no access log lines were captured")
		}
		leaked := 0
		for name, v := range secrets {
			if v == "" {
				t.Fatalf("secret %q was not captured", name)
			}
			if strings.Contains(logs, v) {
				leaked++
				t.Errorf("the %s appears in the logs", name)
			}
		}
		t.Logf("secrets leaked into logs: %d of %d", leaked, len(secrets))
	})
}

// TestAttackResetKeepsSquatterToken: a squatter signs up with someone
// else's address and keeps an API token; the owner of the address resets
// the password. The token must die, and the owner be told.
func TestAttackResetKeepsSquatterToken(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		squat := ta.apiSignup("victim@example.com", "Squat")
		res, _ := ta.apiCall("GET", "/api/v1/me", squat, "")
		wantStatus(t, res, http.StatusOK)

		owner := ta.browser()
		owner.post("/password/reset", url.Values{"email": {"victim@example.com"}})
		wantStatus(t, owner.post(ta.mailLink("victim@example.com", "/password/reset/"), url.Values{"password": {"copper kettle meadow 77"}}), http.StatusSeeOther)

		res, _ = ta.apiCall("GET", "/api/v1/me", squat, "")
		t.Logf("squatter's token after the reset: %d", res.StatusCode)
		wantStatus(t, res, http.StatusUnauthorized)
		m, _ := ta.mail.Last("victim@example.com")
		if !strings.Contains(m.Text, "revoked your 1 API token") {
			t.Errorf("the owner was not told that API tokens were revoked; last mail:\n%s", m.Text)
		}
		org, err := ta.store.OrganizationBySlug(context.Background(), "squat")
		if err != nil {
			t.Fatal(err)
		}
		entries, err := ta.store.AuditLog(context.Background(), org.ID, 20)
		if err != nil {
			t.Fatal(err)
		}
		audited := false
		for _, e := range entries {
			audited = audited || e.Action == store.AuditTokensRevokedByPassword
		}
		if !audited {
			t.Error("the revocation is not in the organization's activity log")
		}
	})
}

// TestAttackPasswordChangeKeepsTokens: changing the password must revoke
// the user's API tokens too.
func TestAttackPasswordChangeKeepsTokens(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		b, _ := ta.verifiedOwner("ada@example.com", "Acme", "free")
		tok := tokenFromPage(t, b.post("/app/tokens", url.Values{"name": {"laptop"}}).Body)
		res := b.post("/app/password", url.Values{"current_password": {goodPassword}, "password": {"copper kettle meadow 77"}})
		if res.StatusCode >= 400 {
			t.Fatalf("password change: %d\n%s", res.StatusCode, res.Body)
		}
		res, _ = ta.apiCall("GET", "/api/v1/me", tok, "")
		t.Logf("token after the password change: %d", res.StatusCode)
		wantStatus(t, res, http.StatusUnauthorized)
	})
}

// TestAttackUnverifiedAccount: an account whose address is not confirmed
// reads and manages its watchlist, but cannot mint tokens, set webhooks or
// invite people.
func TestAttackUnverifiedAccount(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		tok := ta.apiSignup("squat@example.com", "Squat")
		org, err := ta.store.OrganizationBySlug(context.Background(), "squat")
		if err != nil {
			t.Fatal(err)
		}
		if err := ta.store.SetOrganizationPlan(context.Background(), org.ID, "monitor"); err != nil {
			t.Fatal(err)
		}
		res, _ := ta.apiCall("GET", "/api/v1/me", tok, "")
		wantStatus(t, res, http.StatusOK)
		res, _ = ta.apiCall("POST", "/api/v1/watchlist", tok, `{"platform":"acme-cloud"}`)
		if res.StatusCode == http.StatusForbidden {
			t.Errorf("the sign-up token may not use the watchlist: %s", res.Body)
		}

		res, out := ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"squat@example.com","password":"`+goodPassword+`"}`)
		t.Logf("mint token over the API: %d %s", res.StatusCode, errorCode(out))
		if res.StatusCode != http.StatusForbidden || errorCode(out) != "email_unverified" {
			t.Errorf("mint token: %d %v, want 403 email_unverified", res.StatusCode, out)
		}
		res, out = ta.apiCall("PUT", "/api/v1/alerts/settings", tok, `{"webhook_url":"https://hooks.example.com/x"}`)
		t.Logf("set webhook: %d %s", res.StatusCode, errorCode(out))
		if res.StatusCode != http.StatusForbidden || errorCode(out) != "email_unverified" {
			t.Errorf("set webhook: %d %v, want 403 email_unverified", res.StatusCode, out)
		}

		b := ta.browser()
		wantStatus(t, b.login("squat@example.com", goodPassword), http.StatusSeeOther)
		res2 := b.post("/app/tokens", url.Values{"name": {"more"}})
		t.Logf("mint token on the website: %d", res2.StatusCode)
		wantStatus(t, res2, http.StatusForbidden)
		res2 = b.post("/app/members/invite", url.Values{"email": {"spam-target@example.com"}, "role": {"member"}})
		_, mailed := ta.mail.Last("spam-target@example.com")
		t.Logf("invite: %d, mail sent to the target: %v", res2.StatusCode, mailed)
		wantStatus(t, res2, http.StatusForbidden)
		if mailed {
			t.Error("an unverified account sent an invitation mail")
		}
		res2 = b.post("/app/alerts", url.Values{"webhook_url": {"https://hooks.example.com/y"}, "digest_weekday": {"monday"}})
		t.Logf("set webhook on the website: %d", res2.StatusCode)
		wantStatus(t, res2, http.StatusForbidden)
	})
}

// TestAttackPlainMember: a plain member may neither read the webhook URL
// (a Slack URL is a credential) nor rotate or revoke the feed.
func TestAttackPlainMember(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		owner, _ := ta.verifiedOwner("ada@example.com", "Acme", "monitor")
		wantStatus(t, owner.post("/app/alerts", url.Values{"webhook_url": {"https://hooks.slack.com/services/T0/B0/SECRETSLACK"}, "digest_weekday": {"monday"}}), http.StatusOK)
		wantStatus(t, owner.post("/app/watchlist/feed", nil), http.StatusOK)
		member := ta.invite(owner, "bob@example.com", nil)

		page := member.get("/app/alerts")
		t.Logf("webhook URL on the member's alerts page: %v", strings.Contains(page.Body, "SECRETSLACK"))
		if strings.Contains(page.Body, "SECRETSLACK") {
			t.Error("a plain member sees the webhook URL on /app/alerts")
		}
		tok := tokenFromPage(t, member.post("/app/tokens", url.Values{"name": {"bob"}}).Body)
		res, _ := ta.apiCall("GET", "/api/v1/alerts/settings", tok, "")
		if strings.Contains(res.Body, "SECRETSLACK") {
			t.Error("a plain member reads the webhook URL over the API")
		}
		res = member.post("/app/watchlist/feed", nil)
		t.Logf("member rotates the feed: %d", res.StatusCode)
		wantStatus(t, res, http.StatusForbidden)
		res = member.post("/app/watchlist/feed/revoke", nil)
		t.Logf("member revokes the feed: %d", res.StatusCode)
		wantStatus(t, res, http.StatusForbidden)
	})
}

// TestAttackMetrics: /metrics answers only with the scrape token.
func TestAttackMetrics(t *testing.T) {
	ta := newAttackApp(t, "sqlite://"+filepath.Join(t.TempDir(), "m.db"), nil)
	get := func(auth string) int {
		req, _ := http.NewRequest(http.MethodGet, ta.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		return ta.browser().do(req).StatusCode
	}
	anon, wrong, right := get(""), get("Bearer wrong"), get("Bearer "+attackMetricsToken)
	t.Logf("/metrics: anonymous %d, wrong token %d, right token %d", anon, wrong, right)
	if anon == http.StatusOK || wrong == http.StatusOK || right != http.StatusOK {
		t.Errorf("/metrics: anonymous %d, wrong token %d, right token %d; want only the right token to read", anon, wrong, right)
	}
}

// TestAttackRateLimitByMintingTokens: minting more tokens must not buy more
// requests; anonymous calls are limited per client.
func TestAttackRateLimitByMintingTokens(t *testing.T) {
	ta := newAttackApp(t, "sqlite://"+filepath.Join(t.TempDir(), "r.db"), nil)
	b, _ := ta.verifiedOwner("ada@example.com", "Acme", "free")
	var tokens []string
	for i := range 3 {
		tokens = append(tokens, tokenFromPage(t, b.post("/app/tokens", url.Values{"name": {fmt.Sprint("t", i)}}).Body))
	}
	ok := 0
	start := time.Now()
	for _, tok := range tokens {
		for range 70 {
			if res, _ := ta.apiCall("GET", "/api/v1/watchlist", tok, ""); res.StatusCode == http.StatusOK {
				ok++
			}
		}
	}
	// The budget refills one request a second: on a loaded machine the
	// burst takes seconds, and each one earns a request back.
	limit := 60 + int(time.Since(start)/time.Second)
	t.Logf("authenticated requests answered with 3 tokens (Free: 60 a minute): %d of 210", ok)
	if ok > limit {
		t.Errorf("%d requests answered; the organization's limit is 60 a minute (%d over this run)", ok, limit)
	}
	anon := 0
	for range 200 {
		if res, _ := ta.apiCall("GET", "/api/v1/platforms", "", ""); res.StatusCode == http.StatusOK {
			anon++
		}
	}
	t.Logf("anonymous requests answered from one client: %d of 200", anon)
	if anon == 200 {
		t.Error("anonymous API calls are not limited")
	}
}

// TestAttackFeedTokenInDatabase: a copy of the database must not give away
// working feed URLs.
func TestAttackFeedTokenInDatabase(t *testing.T) {
	eachDatabase(t, func(t *testing.T, dbURL string) {
		ta := newAttackApp(t, dbURL, nil)
		b, _ := ta.verifiedOwner("ada@example.com", "Acme", "free")
		res := b.post("/app/watchlist/feed", nil)
		if res.StatusCode == http.StatusSeeOther {
			res = b.get("/app/watchlist")
		}
		feed := feedURLFrom(res.Body)
		token := strings.TrimSuffix(strings.TrimPrefix(feed, "/feeds/org/"), ".atom")
		if token == "" {
			t.Fatalf("no feed URL:\n%s", res.Body)
		}
		wantStatus(t, b.get(feed), http.StatusOK)
		dump := ta.dumpTable("feed_tokens")
		t.Logf("plaintext feed token in the database: %v", strings.Contains(dump, token))
		if strings.Contains(dump, token) {
			t.Error("the feed token is stored in plaintext")
		}
		if later := b.get("/app/watchlist"); strings.Contains(later.Body, token) {
			t.Error("the feed URL is shown again after it was created")
		}
	})
}

// dumpTable renders every row of a table as text, read over a connection
// of its own, as a stolen copy of the database would be.
func (ta *attackApp) dumpTable(table string) string {
	ta.t.Helper()
	driver, dsn := "pgx", ta.dbURL
	if path, ok := strings.CutPrefix(ta.dbURL, "sqlite://"); ok {
		driver, dsn = "sqlite", path
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		ta.t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT * FROM " + table)
	if err != nil {
		ta.t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		ta.t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			ta.t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s", vals))
	}
	if err := rows.Err(); err != nil {
		ta.t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

// TestAttackForgedFlash: a cookie set by someone else (a sibling subdomain,
// a script on plain http) must not put words in the site's mouth.
func TestAttackForgedFlash(t *testing.T) {
	ta := newAttackApp(t, "sqlite://"+filepath.Join(t.TempDir(), "f.db"), nil)
	b := ta.browser()
	u, _ := url.Parse(ta.URL)
	b.client.Jar.SetCookies(u, []*http.Cookie{{Name: "flash_error", Value: url.QueryEscape("Your account is suspended: call +1 555 0100"), Path: "/"}})
	res := b.get("/login")
	t.Logf("forged flash shown: %v", strings.Contains(res.Body, "suspended"))
	if strings.Contains(res.Body, "suspended") {
		t.Error("a forged flash cookie is shown as the site's message")
	}
	// The site's own flash still shows.
	b2, _ := ta.verifiedOwner("ada@example.com", "Acme", "free")
	b2.post("/app/watchlist/feed/revoke", nil)
	if res := b2.get("/app/watchlist"); !strings.Contains(res.Body, "Your private feed is turned off.") {
		t.Error("the site's own flash is not shown")
	}
}

// TestAttackUnicodeHosts: Unicode spellings of loopback addresses must be
// refused when a custom URL or a webhook is saved.
func TestAttackUnicodeHosts(t *testing.T) {
	ta := newAttackApp(t, "sqlite://"+filepath.Join(t.TempDir(), "u.db"), nil)
	b, _ := ta.verifiedOwner("ada@example.com", "Acme", "compliance")
	tok := tokenFromPage(t, b.post("/app/tokens", url.Values{"name": {"t"}}).Body)
	for _, target := range []string{"http://①②⑦.0.0.1/", "http://127。0。0。1/", "http://localhost。/", "http://１２７.０.０.１/"} {
		res, _ := ta.apiCall("PUT", "/api/v1/alerts/settings", tok, `{"webhook_url":"`+target+`"}`)
		t.Logf("webhook %s: %d", target, res.StatusCode)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("webhook %s: %d, want 422", target, res.StatusCode)
		}
		res, _ = ta.apiCall("POST", "/api/v1/watchlist", tok, `{"url":"`+target+`","name":"x"}`)
		t.Logf("custom URL %s: %d", target, res.StatusCode)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("custom URL %s: %d, want 422", target, res.StatusCode)
		}
	}
}

// Without a configured scrape token /metrics does not exist, even for a
// caller who guesses a bearer token.
func TestMetricsOffWithoutToken(t *testing.T) {
	ta := newTestApp(t)
	for _, auth := range []string{"", "Bearer anything-at-all-0123456789"} {
		req, _ := http.NewRequest(http.MethodGet, ta.URL+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		if res := ta.browser().do(req); res.StatusCode != http.StatusNotFound {
			t.Errorf("/metrics with %q: status %d, want 404", auth, res.StatusCode)
		}
	}
}
