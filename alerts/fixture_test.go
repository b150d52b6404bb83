package alerts_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
)

// site is a policy page whose body the test changes between checks.
type site struct {
	mu     sync.Mutex
	status int
	body   string
}

func (s *site) set(status int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.body = status, body
}

func (s *site) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(s.status)
	io.WriteString(w, s.body)
}

// page is a terms page; nonce and updated are noise, clause is content.
func page(nonce, updated, clause string) string {
	return fmt.Sprintf(`<html><body><nav><a href="/x?utm_source=%s">Home</a></nav>
<article class="terms"><h1>Terms of Service</h1><p class="updated">Last updated: %s</p>
<h2>1. Your content</h2><p>You own your content. We store it to provide the service.</p>
<h2>2. Use of data</h2><p>%s</p>
<h2>3. Termination</h2><p>You may close your account at any time.</p></article>
<footer>csrf %s</footer></body></html>`, nonce, updated, clause, nonce)
}

const (
	clauseV1 = "We do not sell your personal data."
	clauseV2 = "We sell your personal data to advertising partners and use your content to train our AI models."
)

// fixture is a catalogue platform "Acme" with one document, watched by a
// Monitor and a Free organization, each with one verified owner.
type fixture struct {
	st          *store.Store
	al          *alerts.Service
	tr          *recorder.Service
	site        *site
	srv         *httptest.Server
	doc         *store.Document
	platform    *store.Platform
	monitorOrg  *store.Organization
	freeOrg     *store.Organization
	monitorUser *store.User
	freeUser    *store.User
	tag         string
}

type fixtureOptions struct {
	sender mail.Sender
	queue  alerts.Queue
	// noEnqueue leaves out the enqueue after commit, as if the process
	// died between commit and enqueue.
	noEnqueue bool
	backoff   func(int) time.Duration
	webhook   *http.Client
}

func randomTag() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func newFixture(t *testing.T, st *store.Store, o fixtureOptions) *fixture {
	t.Helper()
	ctx := context.Background()
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	f := &fixture{st: st, site: &site{}, tag: randomTag()}
	f.site.set(200, page("n1", "1 March 2026", clauseV1))
	f.srv = httptest.NewServer(f.site)
	t.Cleanup(f.srv.Close)
	f.al = alerts.New(alerts.Deps{
		Store: st, Mail: o.sender, Templates: tmpl, BaseURL: "https://cw.example", Secret: "test-secret-0123456789abcdef0123456789",
		Queue: o.queue, AllowPrivate: true, Log: log, Backoff: o.backoff, HTTP: o.webhook,
	})
	hooks := recorder.Hooks{
		Change:    f.al.WriteOutbox,
		Failing:   f.al.DocumentFailing,
		Recovered: f.al.DocumentRecovered,
	}
	if !o.noEnqueue {
		hooks.Checked = func(out recorder.Outcome) {
			if out.ChangeID != 0 {
				f.al.ChangeRecorded(context.Background(), out.ChangeID)
			}
		}
	}
	eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 5 * time.Second}))
	f.tr = recorder.New(st, eng, log, time.Hour, hooks)
	f.importRules("article.terms")
	if f.platform, err = st.PlatformBySlug(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	docs, err := st.PlatformDocuments(ctx, f.platform.ID)
	if err != nil || len(docs) != 1 {
		t.Fatalf("documents: %v %v", docs, err)
	}
	f.doc = &docs[0]
	f.monitorOrg, f.monitorUser = f.org(t, "monitor", "monitor")
	f.freeOrg, f.freeUser = f.org(t, "free", "free")
	return f
}

// importRules declares Acme's terms with the selector.
func (f *fixture) importRules(sel string) {
	_, err := f.tr.Import(context.Background(), []catalogue.Platform{{Name: "Acme", Slug: "acme", Documents: []catalogue.Document{{
		Type:    "Terms of Service",
		Sources: []engine.Source{{URL: f.srv.URL + "/terms", Rules: extract.Rules{Select: []extract.Selector{{CSS: sel}}}}},
	}}}})
	if err != nil {
		panic(err)
	}
}

// org makes an organization on plan with a verified owner watching Acme.
func (f *fixture) org(t *testing.T, name, plan string) (*store.Organization, *store.User) {
	t.Helper()
	ctx := context.Background()
	org := &store.Organization{Name: name + " Co", Slug: name + "-" + f.tag, Plan: plan}
	if err := f.st.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	u := f.member(t, org, name, store.RoleOwner, true)
	if _, err := f.st.AddPlatformWatch(ctx, org.ID, f.platform.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	return org, u
}

// member adds a user to org.
func (f *fixture) member(t *testing.T, org *store.Organization, name string, role store.Role, verified bool) *store.User {
	t.Helper()
	ctx := context.Background()
	u := &store.User{Email: fmt.Sprintf("%s-%s@example.com", name, f.tag), PasswordHash: "x"}
	if verified {
		now := time.Now().UTC()
		u.EmailVerifiedAt = &now
	}
	if err := f.st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.AddMember(ctx, org.ID, u.ID, role); err != nil {
		t.Fatal(err)
	}
	return u
}

// check runs a check of the document and fails the test on error.
func (f *fixture) check(t *testing.T) recorder.Outcome {
	t.Helper()
	out, err := f.tr.Check(context.Background(), f.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// change records a first version and then a real change, and returns the
// change id.
func (f *fixture) change(t *testing.T) int64 {
	t.Helper()
	if out := f.check(t); out.VersionID == 0 {
		t.Fatalf("first check recorded nothing: %+v", out)
	}
	f.site.set(200, page("n2", "2 March 2026", clauseV2))
	out := f.check(t)
	if out.ChangeID == 0 {
		t.Fatalf("no change recorded: %+v", out)
	}
	return out.ChangeID
}

// to counts the recorded messages to an address.
func to(r *mail.Recorder, addr string) []mail.Message {
	var out []mail.Message
	for _, m := range r.Messages() {
		if m.To == addr {
			out = append(out, m)
		}
	}
	return out
}

func itoa(n int64) string { return fmt.Sprint(n) }
