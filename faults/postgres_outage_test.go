package faults_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/templates"
)

const stripeWebhookSecret = "whsec_faults_0123456789"

// outageLength is how long PostgreSQL stays down.
const outageLength = 30 * time.Second

// answer is one HTTP exchange with the web process.
type answer struct {
	status     int
	retryAfter string
	body       string
}

func call(t *testing.T, req *http.Request) answer {
	t.Helper()
	res, err := (&http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After"), body: string(b)}
}

// stripeEvent is a signed Stripe event delivery.
func stripeEvent(t *testing.T, base, id string) *http.Request {
	t.Helper()
	payload, err := json.Marshal(map[string]any{
		"id": id, "object": "event", "type": "customer.created", "created": time.Now().Unix(), "api_version": "2023-10-16",
		"livemode": false, "pending_webhooks": 1, "data": map[string]any{"object": map[string]any{"id": "cus_faults", "object": "customer"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: stripeWebhookSecret, Timestamp: time.Now()})
	req, err := http.NewRequest(http.MethodPost, base+"/webhooks/stripe", strings.NewReader(string(p.Payload)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Stripe-Signature", p.Header)
	req.Header.Set("Content-Type", "application/json")
	return req
}

// PostgreSQL stopped for 30 s while checks and a mail are in flight: the
// web answers 503 with a clean message, the Stripe webhook 5xx so that
// Stripe retries, the workers back off; after the restart every check and
// every alert completes once and no task is archived.
func TestPostgresStoppedFor30s(t *testing.T) {
	requireEnv(t, "TEST_DATABASE_URL", "TEST_REDIS_URL", "TEST_PG_BIN", "TEST_STRIPE_API_BASE")
	t.Parallel()
	ctx := context.Background()
	pg := newPGCluster(t)
	w := newWorld(t, pg.url("faults"), redisDB(t, 7))
	acme := w.platform(t, "acme", 1)
	org, alice := w.subscriberOrg(t, "alice", "acme")
	bob := w.subscriber(t, "bob", "acme")
	w.seedChanges(t, acme)
	due := w.platform(t, "beta", 4)
	since := time.Now().UTC()

	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	acc := accounts.New(w.st, &mail.Recorder{}, tmpl, "http://cw.example", nil, slog.New(slog.DiscardHandler))
	session, err := acc.StartSession(ctx, alice.ID, accounts.Client{IP: "127.0.0.1", UserAgent: "faults"})
	if err != nil {
		t.Fatal(err)
	}
	token, _, err := acc.CreateAPIToken(ctx, org.ID, alice.ID, "faults")
	if err != nil {
		t.Fatal(err)
	}

	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	base := "http://" + addr
	web := startProc(t, "web", w.env("CLAUSEWATCH_ADDR="+addr, "STRIPE_SECRET_KEY=sk_test_123",
		"STRIPE_WEBHOOK_SECRET="+stripeWebhookSecret, "STRIPE_API_BASE="+os.Getenv("TEST_STRIPE_API_BASE")), "serve", "--no-worker")
	// The fetcher takes one request at a time per host: one page is held,
	// the other checks wait behind it and run during the outage.
	w.site.holdNext(1)
	w.smtp.holdNext(1)
	worker := startProc(t, "worker", w.env("CLAUSEWATCH_WORKER_CONCURRENCY=8"), "worker")
	scheduler := startProc(t, "scheduler", w.env(), "scheduler")
	get := func(path string, header ...string) answer {
		req, err := http.NewRequest(http.MethodGet, base+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return call(t, req)
	}
	eventually(t, 30*time.Second, "the web answers /readyz", func() (bool, error) {
		req, _ := http.NewRequest(http.MethodGet, base+"/readyz", nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return false, err
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK, fmt.Errorf("status %d", res.StatusCode)
	})
	cookie := "session=" + session.ID
	if a := get("/app", "Cookie", cookie); a.status != http.StatusOK {
		t.Fatalf("/app before the outage: %d", a.status)
	}
	w.sweepNow(t)
	for _, held := range []chan string{w.site.held, w.smtp.held} {
		select {
		case <-held:
		case <-time.After(45 * time.Second):
			t.Fatal("the worker never fetched a page and sent an alert")
		}
	}

	// Checks and a mail in flight: the database goes away, then the page
	// and the mail server answer (before the client's own timeouts).
	// The holds end as soon as the database refuses queries, not when
	// pg_ctl returns: on a loaded machine a shutdown can take longer than
	// the mail client waits for the server's answer.
	down := pg.stop()
	eventually(t, 30*time.Second, "the database refuses queries", func() (bool, error) {
		err := w.db.PingContext(ctx)
		return err != nil, errors.New("the database still answers")
	})
	stopped := time.Now()
	w.site.releaseHeld()
	w.smtp.releaseHeld()
	if err := <-down; err != nil {
		t.Fatal(err)
	}

	if a := get("/readyz"); a.status != http.StatusServiceUnavailable || !strings.Contains(a.body, `"database":"unavailable"`) {
		t.Errorf("/readyz during the outage: %d %s", a.status, a.body)
	}
	a := get("/app", "Cookie", cookie)
	if a.status != http.StatusServiceUnavailable || a.retryAfter == "" || !strings.Contains(a.body, "unavailable") {
		t.Errorf("/app during the outage: %d, Retry-After %q: %.300s", a.status, a.retryAfter, a.body)
	}
	noStackTrace(t, "/app", a.body)
	a = get("/api/v1/me", "Authorization", "Bearer "+token)
	if a.status != http.StatusServiceUnavailable || a.retryAfter == "" || !strings.Contains(a.body, `"code":"unavailable"`) {
		t.Errorf("/api/v1/me during the outage: %d, Retry-After %q: %s", a.status, a.retryAfter, a.body)
	}
	noStackTrace(t, "/api/v1/me", a.body)
	eventID := "evt_faults_" + w.tag
	a = call(t, stripeEvent(t, base, eventID))
	stripeStatus := a.status
	if a.status < 500 {
		t.Errorf("Stripe webhook during the outage: %d %s, want 5xx so that Stripe retries", a.status, a.body)
	}
	noStackTrace(t, "the Stripe webhook", a.body)

	time.Sleep(time.Until(stopped.Add(outageLength)))
	if !web.running() || !worker.running() || !scheduler.running() {
		t.Fatalf("a process exited during the outage (web %v, worker %v, scheduler %v)", web.running(), worker.running(), scheduler.running())
	}
	pg.start()
	restarted := time.Now()

	w.checkedSince(t, due, since, 150*time.Second)
	checked := time.Since(restarted)
	w.allSent(t, 2, 150*time.Second)
	sent := time.Since(restarted)
	time.Sleep(2 * time.Second)
	for _, id := range due {
		if n := w.count(t, "SELECT COUNT(*) FROM versions WHERE document_id = $1", id); n != 1 {
			t.Errorf("document %d has %d versions, want 1", id, n)
		}
	}
	lost, dup := w.smtp.deliveredOnce(t, alice.Email, bob.Email)
	if a := call(t, stripeEvent(t, base, eventID)); a.status != http.StatusOK {
		t.Errorf("Stripe's retry after the outage: %d %s", a.status, a.body)
	}
	if a := get("/app", "Cookie", cookie); a.status != http.StatusOK {
		t.Errorf("/app after the outage: %d", a.status)
	}
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	retries := strings.Count(worker.output(), `"msg":"task failed"`)
	if retries == 0 {
		t.Errorf("the worker logged no failed task during the outage")
	}
	t.Logf("fault: PostgreSQL stopped for %v with checks and an SMTP send in flight; web 503 (readyz, /app, /api/v1), Stripe webhook %d; worker failures retried %d; after the restart %d checks done in %v, %d alerts sent in %v; lost %d, duplicates %d",
		outageLength, stripeStatus, retries, len(due), checked.Round(time.Second), 2, sent.Round(time.Second), lost, dup)
}
