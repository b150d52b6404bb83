package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/watchlist"
)

// testClock is a settable clock for expiry and throttling tests.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// testApp is the real application on a migrated SQLite store, served over
// HTTP, with mail recorded in memory.
type testApp struct {
	t      *testing.T
	URL    string
	server *Server
	store  *store.Store
	mail   *mail.Recorder
	clock  *testClock
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	return serveTestApp(t, &mail.Recorder{})
}

// serveTestApp serves the app with the given mail sender on a local port;
// links in its mails point at that port.
func serveTestApp(t *testing.T, sender mail.Sender, opts ...func(*Deps)) *testApp {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	ta := buildTestApp(t, base, sender, opts...)
	ts.Config.Handler = ta.server.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return ta
}

// buildTestApp builds the app for base without serving it.
func buildTestApp(t *testing.T, base string, sender mail.Sender, opts ...func(*Deps)) *testApp {
	t.Helper()
	return buildTestAppOn(t, storetest.SQLite(t), base, nil, sender, opts...)
}

// buildTestAppOn builds the app on st with extra configuration variables.
func buildTestAppOn(t *testing.T, st *store.Store, base string, vars map[string]string, sender mail.Sender, opts ...func(*Deps)) *testApp {
	t.Helper()
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"CLAUSEWATCH_BASE_URL": base, "CLAUSEWATCH_DATA_DIR": t.TempDir()}
	for k, v := range vars {
		env[k] = v
	}
	cfg, err := config.FromMap(env)
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{now: time.Now().UTC()}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	deps := testDeps(cfg, st, tmpl, sender, clock.Now, log)
	for _, opt := range opts {
		opt(&deps)
	}
	srv, err := New(deps)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := sender.(*mail.Recorder)
	return &testApp{t: t, URL: base, server: srv, store: st, mail: rec, clock: clock}
}

// testDeps are the web app's dependencies for tests: the real services on
// st, and stand-ins for what a test of the web app does not exercise (the
// API rate limit is off, Redis always answers, the queue dashboard is a
// plain page).
func testDeps(cfg *config.Config, st *store.Store, tmpl *templates.Templates, sender mail.Sender, now func() time.Time, log *slog.Logger) Deps {
	return Deps{
		Config: cfg, Store: st, Templates: tmpl, Log: log, Metrics: prometheus.NewRegistry(),
		Accounts: accounts.New(st, sender, tmpl, cfg.BaseURL, now, log),
		Watchlist: watchlist.New(watchlist.Deps{Store: st, Mail: sender, Templates: tmpl, BaseURL: cfg.BaseURL,
			AllowPrivate: cfg.FetchAllowPrivate, Log: log, Now: now}),
		Alerts: alerts.New(alerts.Deps{Store: st, Mail: sender, Templates: tmpl, BaseURL: cfg.BaseURL,
			Secret: cfg.SessionSecret, AllowPrivate: cfg.FetchAllowPrivate, Log: log}),
		Insight:     insight.New(st, insight.DefaultCacheSize),
		Redis:       alwaysUp{},
		RateLimiter: unlimited{},
		QueueUI:     http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "queue dashboard") }),
	}
}

// alwaysUp is a Redis that always answers /readyz.
type alwaysUp struct{}

func (alwaysUp) Ping(context.Context) error { return nil }

// unlimited is a rate limiter that allows every request.
type unlimited struct{}

func (unlimited) Allow(context.Context, string, int, time.Duration) (bool, time.Duration, error) {
	return true, 0, nil
}

// browser is one user agent with its own cookies. It does not follow
// redirects, so tests see them.
type browser struct {
	t      *testing.T
	app    *testApp
	client *http.Client
}

func (ta *testApp) browser() *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		ta.t.Fatal(err)
	}
	return &browser{t: ta.t, app: ta, client: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is a read response.
type response struct {
	*http.Response
	Body string
}

func (b *browser) do(req *http.Request) *response {
	b.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return &response{Response: res, Body: string(body)}
}

func (b *browser) get(path string) *response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.app.URL+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

// post submits a form as a same-origin browser would.
func (b *browser) post(path string, form url.Values) *response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.app.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

// session returns the browser's session cookie value.
func (b *browser) session() string {
	u, _ := url.Parse(b.app.URL)
	for _, c := range b.client.Jar.Cookies(u) {
		if c.Name == "session" {
			return c.Value
		}
	}
	return ""
}

// setSession replaces the browser's session cookie, to replay an old one.
func (b *browser) setSession(v string) {
	u, _ := url.Parse(b.app.URL)
	b.client.Jar.SetCookies(u, []*http.Cookie{{Name: "session", Value: v, Path: "/"}})
}

// signup sends the sign-up form and, when it was accepted, logs in as a
// person does after it (the form itself logs nobody in): it returns the
// login's answer, or the form's when it was refused.
func (b *browser) signup(email, password, org string) *response {
	b.t.Helper()
	res := b.signupForm(email, password, org)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, signupSentText) {
		return res
	}
	b.app.server.deps.Accounts.Wait()
	return b.login(email, password)
}

// signupSentText is how the sign-up page says the form was accepted.
const signupSentText = "Check your inbox"

// signupForm sends the sign-up form and returns its answer.
func (b *browser) signupForm(email, password, org string) *response {
	b.t.Helper()
	return b.post("/signup", url.Values{"email": {email}, "password": {password}, "organization": {org}})
}

func (b *browser) login(email, password string) *response {
	b.t.Helper()
	return b.post("/login", url.Values{"email": {email}, "password": {password}})
}

// linkIn finds the first link with path prefix in text.
func linkIn(t *testing.T, text, prefix string) string {
	t.Helper()
	m := regexp.MustCompile(`https?://[^\s"<>]*` + regexp.QuoteMeta(prefix) + `[^\s"<>]*`).FindString(text)
	if m == "" {
		t.Fatalf("no %s link in:\n%s", prefix, text)
	}
	u, err := url.Parse(m)
	if err != nil {
		t.Fatal(err)
	}
	return u.Path
}

// mailLink is the path of the link with prefix in the latest mail to.
func (ta *testApp) mailLink(to, prefix string) string {
	ta.t.Helper()
	ta.server.deps.Accounts.Wait()
	m, ok := ta.mail.Last(to)
	if !ok {
		ta.t.Fatalf("no mail to %s", to)
	}
	return linkIn(ta.t, m.Text, prefix)
}

func wantStatus(t *testing.T, r *response, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, r.Body)
	}
}

func wantRedirect(t *testing.T, r *response, to string) {
	t.Helper()
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != to {
		t.Fatalf("%s %s: redirect to %q, want %q", r.Request.Method, r.Request.URL.Path, loc, to)
	}
}

const goodPassword = "violet lantern harbour 42"

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// owner signs up a new user with their own organization on plan and
// returns the logged-in browser and the organization.
func (ta *testApp) owner(email, orgName, plan string) (*browser, *store.Organization) {
	ta.t.Helper()
	b := ta.browser()
	wantRedirect(ta.t, b.signup(email, goodPassword, orgName), "/app")
	u := ta.verified(email)
	m, err := ta.store.FirstMembership(context.Background(), u.ID)
	if err != nil {
		ta.t.Fatal(err)
	}
	if err := ta.store.SetOrganizationPlan(context.Background(), m.OrganizationID, plan); err != nil {
		ta.t.Fatal(err)
	}
	org, err := ta.store.Organization(context.Background(), m.OrganizationID)
	if err != nil {
		ta.t.Fatal(err)
	}
	return b, org
}

// invite has owner invite email as a member; joiner, already logged in,
// accepts, or a new browser sets a password when joiner is nil. It returns
// the joiner's browser.
func (ta *testApp) invite(owner *browser, email string, joiner *browser) *browser {
	ta.t.Helper()
	wantRedirect(ta.t, owner.post("/app/members/invite", url.Values{"email": {email}, "role": {"member"}}), "/app/members")
	link := ta.mailLink(email, "/invitations/")
	if joiner != nil {
		wantRedirect(ta.t, joiner.post(link, nil), "/app")
		return joiner
	}
	b := ta.browser()
	wantRedirect(ta.t, b.post(link, url.Values{"password": {goodPassword}}), "/app")
	return b
}

// verified marks the address of a signed-up user confirmed, as following
// the mailed link does, and returns the user.
func (ta *testApp) verified(email string) *store.User {
	ta.t.Helper()
	ctx := context.Background()
	u, err := ta.store.UserByEmail(ctx, email)
	if err != nil {
		ta.t.Fatal(err)
	}
	if err := ta.store.MarkEmailVerified(ctx, u.ID, time.Now()); err != nil {
		ta.t.Fatal(err)
	}
	return u
}
