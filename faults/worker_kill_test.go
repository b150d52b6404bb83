package faults_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/workers"
)

// sweepNow enqueues both sweeps at once instead of waiting for the
// scheduler's next period (it runs too, and enqueues them again later).
func (w *world) sweepNow(t *testing.T) {
	t.Helper()
	for _, task := range []*asynq.Task{workers.NewSweepTask(), workers.NewAlertSweepTask()} {
		if _, err := w.client.Enqueue(task); err != nil && !errors.Is(err, asynq.ErrDuplicateTask) {
			t.Fatal(err)
		}
	}
}

// A worker killed while it fetches a page: the check runs again on another
// worker once Asynq sees the lease expire, and one version is recorded.
func TestWorkerKilledMidCheck(t *testing.T) {
	requireEnv(t, "TEST_DATABASE_URL", "TEST_REDIS_URL")
	t.Parallel()
	w := newWorld(t, storetest.NewPostgresDatabase(t), redisDB(t, 5))
	ids := w.platform(t, "acme", 1)
	w.site.holdNext(1)
	first := startProc(t, "worker-1", w.env(), "worker")
	startProc(t, "scheduler", w.env(), "scheduler")
	w.sweepNow(t)
	select {
	case <-w.site.held:
	case <-time.After(45 * time.Second):
		t.Fatal("the worker never fetched the page")
	}
	first.kill()
	killed := time.Now()
	startProc(t, "worker-2", w.env(), "worker")
	w.checkedSince(t, ids, killed, 150*time.Second)
	recovery := time.Since(killed)
	// Give a duplicate run the chance to show.
	time.Sleep(2 * time.Second)
	versions := w.count(t, "SELECT COUNT(*) FROM versions WHERE document_id = $1", ids[0])
	if versions != 1 {
		t.Errorf("%d versions recorded, want 1", versions)
	}
	if hits := w.site.hits.Load(); hits != 2 {
		t.Errorf("the page was fetched %d times, want 2 (the killed fetch and the rerun)", hits)
	}
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	t.Logf("fault: worker SIGKILLed mid-fetch of document:check; check ran again after %v; versions %d (want 1)", recovery.Round(time.Second), versions)
}

// A worker killed while the mail server has not yet accepted an alert: the
// claim's lease ends, the alert sweep relays the delivery again, and every
// subscriber gets the alert once.
func TestWorkerKilledMidDelivery(t *testing.T) {
	requireEnv(t, "TEST_DATABASE_URL", "TEST_REDIS_URL")
	t.Parallel()
	ctx := context.Background()
	w := newWorld(t, storetest.NewPostgresDatabase(t), redisDB(t, 6))
	ids := w.platform(t, "acme", 1)
	alice := w.subscriber(t, "alice", "acme")
	bob := w.subscriber(t, "bob", "acme")
	w.seedChanges(t, ids)
	if d := w.deliveries(t); d["pending"] != 2 {
		t.Fatalf("deliveries %v, want 2 pending", d)
	}
	// Both mails are held, so the kill lands before the server accepted
	// either. (A kill between the server's 250 and the write that marks the
	// delivery sent is the one window where a mail can go out twice; the
	// Message-ID stays the same so mail clients show it once.)
	w.smtp.holdNext(2)
	first := startProc(t, "worker-1", w.env(), "worker")
	startProc(t, "scheduler", w.env(), "scheduler")
	// The enqueue after commit, as the recorder's hook does.
	if _, err := w.al.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		select {
		case <-w.smtp.held:
		case <-time.After(45 * time.Second):
			t.Fatal("the worker never sent both alerts")
		}
	}
	first.kill()
	startProc(t, "worker-2", w.env(), "worker")
	recovery := w.allSent(t, 2, 220*time.Second)
	time.Sleep(2 * time.Second)
	lost, dup := w.smtp.deliveredOnce(t, alice.Email, bob.Email)
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	t.Logf("fault: worker SIGKILLed mid-SMTP of alert:deliver; every alert sent %v after the kill (claim lease %s + sweep); lost %d, duplicates %d",
		recovery.Round(time.Second), "2m", lost, dup)
}

// hookReceiver is an organization's webhook endpoint. The first request is
// held unanswered; a request whose sender dies meanwhile was never
// accepted, as with a real receiver. Accepted requests are counted by
// their Clausewatch-Delivery id.
type hookReceiver struct {
	held     chan struct{}
	mu       sync.Mutex
	holdNext bool
	requests []string
	accepted map[string]int
}

func (h *hookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	id := r.Header.Get(alerts.DeliveryHeader)
	h.mu.Lock()
	h.requests = append(h.requests, id)
	hold := h.holdNext
	h.holdNext = false
	h.mu.Unlock()
	if hold {
		h.held <- struct{}{}
		<-r.Context().Done()
		return
	}
	h.mu.Lock()
	h.accepted[id]++
	h.mu.Unlock()
}

// A worker killed while the organization's webhook has not yet answered:
// the claim's lease ends, the alert sweep relays the delivery again, and
// the receiver accepts the change once, under the same delivery id.
func TestWorkerKilledMidWebhook(t *testing.T) {
	requireEnv(t, "TEST_DATABASE_URL", "TEST_REDIS_URL")
	t.Parallel()
	ctx := context.Background()
	w := newWorld(t, storetest.NewPostgresDatabase(t), redisDB(t, 8))
	ids := w.platform(t, "acme", 1)
	org, alice := w.subscriberOrg(t, "alice", "acme")
	hook := &hookReceiver{held: make(chan struct{}, 1), holdNext: true, accepted: map[string]int{}}
	srv := httptest.NewServer(hook)
	t.Cleanup(srv.Close)
	hookURL := srv.URL + "/hook"
	if _, err := w.al.UpdateSettings(ctx, alerts.Actor{OrganizationID: org.ID, UserID: alice.ID, Role: store.RoleOwner, Verified: true},
		alerts.Update{WebhookURL: &hookURL}); err != nil {
		t.Fatal(err)
	}
	w.seedChanges(t, ids)
	if d := w.deliveries(t); d["pending"] != 2 {
		t.Fatalf("deliveries %v, want 2 pending (e-mail and webhook)", d)
	}
	first := startProc(t, "worker-1", w.env(), "worker")
	startProc(t, "scheduler", w.env(), "scheduler")
	if _, err := w.al.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case <-hook.held:
	case <-time.After(45 * time.Second):
		t.Fatal("the worker never posted the webhook")
	}
	// The e-mail runs alongside; the kill waits for it to be recorded, so
	// that it lands in the webhook's send alone.
	w.allSent(t, 1, 30*time.Second)
	first.kill()
	startProc(t, "worker-2", w.env(), "worker")
	recovery := w.allSent(t, 2, 220*time.Second)
	time.Sleep(2 * time.Second)
	hook.mu.Lock()
	defer hook.mu.Unlock()
	if len(hook.requests) != 2 || hook.requests[0] == "" || hook.requests[1] != hook.requests[0] {
		t.Errorf("webhook requests %q, want the killed one and its rerun under one delivery id", hook.requests)
	}
	if len(hook.accepted) != 1 || hook.accepted[hook.requests[0]] != 1 {
		t.Errorf("webhook accepted %v, want the change once", hook.accepted)
	}
	if n := w.smtp.count(alice.Email); n != 1 {
		t.Errorf("the e-mail alert went out %d times, want 1", n)
	}
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	t.Logf("fault: worker SIGKILLed mid-POST of a webhook alert; delivered %v after the kill; requests %d, accepted %d (want 1)",
		recovery.Round(time.Second), len(hook.requests), len(hook.accepted))
}
