package faults_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for the counts
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/workers"
)

const sessionSecret = "faults-session-secret-0123456789abcdef"

// world is one test's database, queue, policy site and mail server, with
// the services the test uses in-process to seed data and to look.
type world struct {
	dbURL, redisURL string
	st              *store.Store
	db              *sql.DB
	site            *site
	smtp            *smtpServer
	tr              *recorder.Service
	al              *alerts.Service
	client          *asynq.Client
	tag             string
}

// newWorld opens and migrates the database at dbURL and connects to the
// queue at redisURL.
func newWorld(t *testing.T, dbURL, redisURL string) *world {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st := storetest.Open(t, dbURL)
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	opt, err := asynq.ParseRedisURI(redisURL)
	if err != nil {
		t.Fatal(err)
	}
	client := asynq.NewClient(opt)
	t.Cleanup(func() { client.Close() })
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	w := &world{dbURL: dbURL, redisURL: redisURL, st: st, db: db, site: newSite(t), smtp: newSMTPServer(t), client: client, tag: randomTag()}
	w.al = alerts.New(alerts.Deps{
		Store: st, Mail: &mail.Recorder{}, Templates: tmpl, BaseURL: "http://cw.example", Secret: sessionSecret,
		Queue: workers.AlertQueue{Client: client}, AllowPrivate: true, Log: log,
	})
	// The seeding recorder writes the outbox in the change's transaction
	// but does not enqueue: the processes under test relay it.
	eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 10 * time.Second}))
	w.tr = recorder.New(st, eng, log, time.Hour, recorder.Hooks{Change: w.al.WriteOutbox})
	return w
}

// env is the environment of a clausewatch process of this world.
func (w *world) env(extra ...string) []string {
	return append([]string{
		"DATABASE_URL=" + w.dbURL, "REDIS_URL=" + w.redisURL, "SMTP_URL=" + w.smtp.url(),
		"SESSION_SECRET=" + sessionSecret, "CLAUSEWATCH_FETCH_ALLOW_PRIVATE=true",
		"CLAUSEWATCH_CHROMIUM=/nonexistent", "CLAUSEWATCH_WORKER_CONCURRENCY=4",
	}, extra...)
}

// platform declares a platform with n documents on the site and returns
// their ids; new documents are due at once.
func (w *world) platform(t *testing.T, slug string, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	p := catalogue.Platform{Name: slug, Slug: slug}
	for i := range n {
		p.Documents = append(p.Documents, catalogue.Document{
			Type:    fmt.Sprintf("Terms %d", i),
			Sources: []engine.Source{{URL: fmt.Sprintf("%s/%s/%d", w.site.srv.URL, slug, i), Rules: extract.Rules{Select: []extract.Selector{{CSS: "article"}}}}},
		})
	}
	if _, err := w.tr.Import(ctx, []catalogue.Platform{p}); err != nil {
		t.Fatal(err)
	}
	pl, err := w.st.PlatformBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := w.st.DocumentIDs(ctx, pl.ID)
	if err != nil || len(ids) != n {
		t.Fatalf("documents of %s: %v (%v)", slug, ids, err)
	}
	return ids
}

// subscriber makes an organization on the Monitor plan (same-day e-mail)
// whose verified owner watches the platform, and returns the owner.
func (w *world) subscriber(t *testing.T, name, platformSlug string) *store.User {
	_, u := w.subscriberOrg(t, name, platformSlug)
	return u
}

// subscriberOrg is subscriber, returning the organization too.
func (w *world) subscriberOrg(t *testing.T, name, platformSlug string) (*store.Organization, *store.User) {
	t.Helper()
	ctx := context.Background()
	org := &store.Organization{Name: name, Slug: name + "-" + w.tag, Plan: "monitor"}
	if err := w.st.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	u := &store.User{Email: fmt.Sprintf("%s-%s@example.com", name, w.tag), PasswordHash: "x", EmailVerifiedAt: &now}
	if err := w.st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := w.st.AddMember(ctx, org.ID, u.ID, store.RoleOwner); err != nil {
		t.Fatal(err)
	}
	pl, err := w.st.PlatformBySlug(ctx, platformSlug)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.st.AddPlatformWatch(ctx, org.ID, pl.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	return org, u
}

// seedChanges records a first version and then a real change of every
// document in-process, leaving the deliveries of the changes pending in the
// outbox and the documents not due.
func (w *world) seedChanges(t *testing.T, ids []int64) {
	t.Helper()
	ctx := context.Background()
	for _, id := range ids {
		if out, err := w.tr.Check(ctx, id); err != nil || out.VersionID == 0 {
			t.Fatalf("first check of %d: %+v %v", id, out, err)
		}
	}
	w.site.setClause(clauseV2)
	for _, id := range ids {
		if out, err := w.tr.Check(ctx, id); err != nil || out.ChangeID == 0 {
			t.Fatalf("change of %d: %+v %v", id, out, err)
		}
	}
}

// count runs a counting query.
func (w *world) count(t *testing.T, query string, args ...any) int {
	t.Helper()
	var n int
	if err := w.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// deliveries counts alert deliveries by state.
func (w *world) deliveries(t *testing.T) map[string]int {
	t.Helper()
	rows, err := w.db.Query("SELECT state, COUNT(*) FROM alert_deliveries GROUP BY state")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		out[s] = n
	}
	return out
}

// allSent waits until every delivery is sent and returns how long it took.
func (w *world) allSent(t *testing.T, want int, timeout time.Duration) time.Duration {
	t.Helper()
	return eventually(t, timeout, "every delivery sent", func() (bool, error) {
		d := w.deliveries(t)
		return d[store.DeliverySent] == want, fmt.Errorf("deliveries %v, want %d sent", d, want)
	})
}

// checkedSince waits until every document was checked after since and a
// version was recorded. A check that failed on the way (a held page that
// timed out, say) is retried by the product and must end in a version too.
func (w *world) checkedSince(t *testing.T, ids []int64, since time.Time, timeout time.Duration) time.Duration {
	t.Helper()
	return eventually(t, timeout, "every due document checked and recorded", func() (bool, error) {
		done, err := w.st.CheckedSince(context.Background(), ids, since)
		if err != nil {
			return false, err
		}
		recorded := 0
		for _, d := range done {
			if d.VersionID != 0 {
				recorded++
			}
		}
		return recorded == len(ids), fmt.Errorf("%d of %d documents checked, %d with a version", len(done), len(ids), recorded)
	})
}

// archived counts the archived tasks of every queue.
func (w *world) archived(t *testing.T) int {
	t.Helper()
	opt, err := asynq.ParseRedisURI(w.redisURL)
	if err != nil {
		t.Fatal(err)
	}
	insp := asynq.NewInspector(opt)
	defer insp.Close()
	n := 0
	for _, q := range []string{workers.QueueCritical, workers.QueueDefault} {
		tasks, err := insp.ListArchivedTasks(q)
		if errors.Is(err, asynq.ErrQueueNotFound) {
			continue
		}
		if err != nil {
			t.Fatalf("archived tasks of %s: %v", q, err)
		}
		for _, task := range tasks {
			t.Logf("archived: %s %s: %s", task.Type, task.Payload, task.LastErr)
		}
		n += len(tasks)
	}
	return n
}

// redisDB returns the URL of database n on the shared test Redis, emptied
// now and when the test ends.
func redisDB(t *testing.T, n int) string {
	t.Helper()
	u, err := url.Parse(os.Getenv("TEST_REDIS_URL"))
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + itoa(n)
	flush := func() {
		opts, err := redis.ParseURL(u.String())
		if err != nil {
			t.Fatal(err)
		}
		c := redis.NewClient(opts)
		defer c.Close()
		if err := c.FlushDB(context.Background()).Err(); err != nil {
			t.Fatalf("flush redis db %d: %v", n, err)
		}
	}
	flush()
	t.Cleanup(flush)
	return u.String()
}

func randomTag() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

const (
	clauseV1 = "We do not sell your personal data."
	clauseV2 = "We sell your personal data to advertising partners and use your content to train our AI models."
)

// site is the policy site: every path serves a terms page with the
// current clause. hold makes the next requests wait until release (or
// until the client goes away), to land a fault mid-fetch.
type site struct {
	srv     *httptest.Server
	hits    atomic.Int64
	held    chan string
	mu      sync.Mutex
	clause  string
	hold    int
	release chan struct{}
}

func newSite(t *testing.T) *site {
	s := &site{clause: clauseV1, held: make(chan string, 100), release: make(chan struct{})}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) setClause(c string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clause = c
}

// holdNext makes the next n requests wait for releaseHeld.
func (s *site) holdNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold = n
}

// releaseHeld lets the held requests (and any later ones) through.
func (s *site) releaseHeld() { close(s.release) }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.hits.Add(1)
	s.mu.Lock()
	held := s.hold > 0
	if held {
		s.hold--
	}
	clause := s.clause
	s.mu.Unlock()
	if held {
		s.held <- r.URL.Path
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<html><body><article><h1>Terms of Service</h1>
<h2>1. Your content</h2><p>You own your content. We store it to provide the service.</p>
<h2>2. Use of data</h2><p>%s</p>
<h2>3. Termination</h2><p>You may close your account at any time.</p></article></body></html>`, clause)
}
