package faults_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"

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
	// The enqueue after commit, as the tracker's hook does.
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
	lost, dup := 0, 0
	for _, u := range []string{alice.Email, bob.Email} {
		switch n := w.smtp.count(u); {
		case n == 0:
			lost++
		case n > 1:
			dup += n - 1
		}
	}
	if lost != 0 || dup != 0 {
		t.Errorf("alerts lost %d, duplicated %d (alice %d, bob %d)", lost, dup, w.smtp.count(alice.Email), w.smtp.count(bob.Email))
	}
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	t.Logf("fault: worker SIGKILLed mid-SMTP of alert:deliver; every alert sent %v after the kill (claim lease %s + sweep); lost %d, duplicates %d",
		recovery.Round(time.Second), "2m", lost, dup)
}
