package workers_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/workers"
)

// redisURLs lists the Redis servers to run on: the in-process one always,
// and the real one when TEST_REDIS_URL is set (required under CI).
func redisURLs(t *testing.T) map[string]string {
	urls := map[string]string{"embedded": ""}
	if u := os.Getenv("TEST_REDIS_URL"); u != "" {
		urls["redis"] = u
	} else if os.Getenv("CI") != "" {
		t.Fatal("TEST_REDIS_URL is not set; run the tests with `make test`")
	}
	return urls
}

type fixture struct {
	store    *store.Store
	redis    *workers.Redis
	client   *asynq.Client
	recorder *recorder.Service
	log      *slog.Logger
	hits     *atomic.Int64
	docs     []int64
}

func newFixture(t *testing.T, redisURL string, documents int) *fixture {
	return newFixtureServing(t, redisURL, documents, nil)
}

// newFixtureServing is newFixture whose documents /p0, /p1, … pass through
// before(path) first, when set.
func newFixtureServing(t *testing.T, redisURL string, documents int, before func(path string)) *fixture {
	t.Helper()
	ctx := context.Background()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if before != nil {
			before(r.URL.Path)
		}
		fmt.Fprintf(w, "<html><body><main><h1>Terms %s</h1><p>We keep your data safe.</p></main></body></html>", r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	st := storetest.SQLite(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true}))
	tr := recorder.New(st, eng, log, time.Hour, recorder.Hooks{})
	var platforms []catalogue.Platform
	for i := 0; i < documents; i++ {
		platforms = append(platforms, catalogue.Platform{Name: fmt.Sprintf("P%d", i), Slug: fmt.Sprintf("p%d", i),
			Documents: []catalogue.Document{{Type: "Terms of Service", Sources: []engine.Source{{
				URL: fmt.Sprintf("%s/p%d", srv.URL, i), Rules: extract.Rules{Select: []extract.Selector{{CSS: "main"}}}}}}}})
	}
	if _, err := tr.Import(ctx, platforms); err != nil {
		t.Fatal(err)
	}
	r, err := workers.OpenRedis(ctx, redisURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if !r.Embedded() {
		// Each test starts from an empty queue on the shared server.
		if err := r.Client.FlushDB(ctx).Err(); err != nil {
			t.Fatal(err)
		}
	}
	client, err := workers.NewClient(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	ids, err := st.DocumentIDs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{store: st, redis: r, client: client, recorder: tr, log: log, hits: &hits, docs: ids}
}

func (f *fixture) startWorker(t *testing.T) {
	t.Helper()
	handlers, err := workers.Handlers(workers.Deps{Store: f.store, Recorder: f.recorder, Client: f.client, Log: f.log,
		Alerts: alerts.New(alerts.Deps{Store: f.store, Log: f.log})})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := workers.NewServer(f.redis, workers.ServerOptions{Concurrency: 4, Log: f.log, Metrics: prometheus.NewRegistry(), PollInterval: 20 * time.Millisecond},
		handlers)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
}

// waitChecked waits until every document has been checked since start.
func (f *fixture) waitChecked(t *testing.T, since time.Time) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		done, err := f.store.CheckedSince(context.Background(), f.docs, since)
		if err != nil {
			t.Fatal(err)
		}
		if len(done) == len(f.docs) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("not every document was checked within 30s")
}

func TestTwoSchedulersOneRunPerSlot(t *testing.T) {
	for name, url := range redisURLs(t) {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, url, 5)
			ctx := context.Background()
			now := time.Now().UTC()
			// Two schedulers sweep the same due documents before any worker
			// runs: each slot must be enqueued once.
			a := &workers.SweepHandler{Store: f.store, Client: f.client, Log: f.log}
			b := &workers.SweepHandler{Store: f.store, Client: f.client, Log: f.log}
			n1, err := a.Sweep(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			n2, err := b.Sweep(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			if n1 != 5 || n2 != 0 {
				t.Fatalf("enqueued %d then %d, want 5 then 0", n1, n2)
			}
			f.startWorker(t)
			f.waitChecked(t, now.Add(-time.Second))
			time.Sleep(200 * time.Millisecond)
			if got := f.hits.Load(); got != 5 {
				t.Errorf("remote saw %d fetches, want 5", got)
			}
			// The documents moved on: a late sweep for the same instant finds
			// nothing due.
			n3, err := a.Sweep(ctx, now)
			if err != nil || n3 != 0 {
				t.Errorf("late sweep enqueued %d (%v)", n3, err)
			}
		})
	}
}

func TestRedisFlushedMidRunLosesNothing(t *testing.T) {
	for name, url := range redisURLs(t) {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, url, 8)
			ctx := context.Background()
			start := time.Now().UTC().Add(-time.Second)
			sweep := &workers.SweepHandler{Store: f.store, Client: f.client, Log: f.log}
			if _, err := sweep.Sweep(ctx, time.Now().UTC()); err != nil {
				t.Fatal(err)
			}
			// Redis loses the queue before any worker took a task (FlushDB: other
			// packages share the server).
			if err := f.redis.Client.FlushDB(ctx).Err(); err != nil {
				t.Fatal(err)
			}
			f.startWorker(t)
			// The database still says the documents are due, so the next
			// sweep enqueues them again.
			if n, err := sweep.Sweep(ctx, time.Now().UTC()); err != nil || n != len(f.docs) {
				t.Fatalf("re-sweep enqueued %d (%v), want %d", n, err, len(f.docs))
			}
			f.waitChecked(t, start)
		})
	}
}

func TestCheckHandlerSkipsHandledSlotAndBadPayload(t *testing.T) {
	f := newFixture(t, "", 1)
	ctx := context.Background()
	h := &workers.CheckHandler{Recorder: f.recorder, Log: f.log}
	if err := h.ProcessTask(ctx, asynq.NewTask(workers.TypeCheckDocument, []byte("{"))); err == nil {
		t.Error("bad payload accepted")
	}
	doc, err := f.store.Document(ctx, f.docs[0])
	if err != nil {
		t.Fatal(err)
	}
	task, err := workers.NewCheckDocumentTask(doc.ID, doc.NextCheckAt)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.ProcessTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	// The same slot delivered again is a no-op.
	if err := h.ProcessTask(ctx, task); err != nil {
		t.Fatal(err)
	}
	if got := f.hits.Load(); got != 1 {
		t.Errorf("fetched %d times for one slot", got)
	}
}

// A task that fails on its last attempt is deleted, not archived: an
// archived task would keep its TaskID, and the sweep could never enqueue
// that document's slot again.
func TestExhaustedTaskFreesItsIDForTheSweep(t *testing.T) {
	for name, url := range redisURLs(t) {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, url, 1)
			calls := make(chan struct{}, 10)
			failing := asynq.HandlerFunc(func(context.Context, *asynq.Task) error {
				calls <- struct{}{}
				return fmt.Errorf("ping database: connection refused")
			})
			srv, err := workers.NewServer(f.redis, workers.ServerOptions{Concurrency: 1, Log: f.log, Metrics: prometheus.NewRegistry(), PollInterval: 20 * time.Millisecond},
				map[string]asynq.Handler{workers.TypeCheckDocument: failing})
			if err != nil {
				t.Fatal(err)
			}
			task := asynq.NewTask(workers.TypeCheckDocument, []byte(`{"document_id":1,"slot":1}`), asynq.TaskID("check:1:1"), asynq.MaxRetry(0))
			if _, err := f.client.Enqueue(task); err != nil {
				t.Fatal(err)
			}
			if err := srv.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(srv.Shutdown)
			select {
			case <-calls:
			case <-time.After(10 * time.Second):
				t.Fatal("the task never ran")
			}
			opt, err := f.redis.ConnOpt()
			if err != nil {
				t.Fatal(err)
			}
			insp := asynq.NewInspector(opt)
			defer insp.Close()
			deadline := time.Now().Add(5 * time.Second)
			for {
				_, err := insp.GetTaskInfo(workers.QueueDefault, "check:1:1")
				if errors.Is(err, asynq.ErrTaskNotFound) {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the failed task is still there: %v", err)
				}
				time.Sleep(20 * time.Millisecond)
			}
			if archived, err := insp.ListArchivedTasks(workers.QueueDefault); err != nil || len(archived) != 0 {
				t.Errorf("archived tasks: %d (%v)", len(archived), err)
			}
			if _, err := f.client.Enqueue(task); err != nil {
				t.Errorf("the sweep could not enqueue the slot again: %v", err)
			}
		})
	}
}

// A check archived because its worker died during the last retry keeps
// its TaskID; the sweep must free it, or the slot would never run.
func TestSweepReleasesArchivedCheck(t *testing.T) {
	for name, url := range redisURLs(t) {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, url, 1)
			ctx := context.Background()
			opt, err := f.redis.ConnOpt()
			if err != nil {
				t.Fatal(err)
			}
			inspector := asynq.NewInspector(opt)
			defer inspector.Close()
			sweep := &workers.SweepHandler{Store: f.store, Client: f.client, Log: f.log, Inspector: inspector}
			now := time.Now().UTC()
			if n, err := sweep.Sweep(ctx, now); err != nil || n != 1 {
				t.Fatalf("first sweep: %d %v", n, err)
			}
			pending, err := inspector.ListPendingTasks(workers.QueueDefault)
			if err != nil || len(pending) != 1 {
				t.Fatalf("pending %v %v", pending, err)
			}
			if err := inspector.ArchiveTask(workers.QueueDefault, pending[0].ID); err != nil {
				t.Fatal(err)
			}
			if n, err := sweep.Sweep(ctx, now); err != nil || n != 1 {
				t.Fatalf("sweep after archive enqueued %d (%v), want 1", n, err)
			}
			if archived, _ := inspector.ListArchivedTasks(workers.QueueDefault); len(archived) != 0 {
				t.Errorf("archived task still there: %v", archived)
			}
			// A task that is merely queued is left alone.
			if n, err := sweep.Sweep(ctx, now); err != nil || n != 0 {
				t.Fatalf("third sweep enqueued %d (%v), want 0", n, err)
			}
		})
	}
}

// A scheduled check behind a slow page of the same host is put off, not
// failed: the handler returns nil (no retry spent, no failure recorded) and
// the next sweep enqueues the document again.
func TestScheduledCheckBehindBusyHostIsPutOff(t *testing.T) {
	ctx := context.Background()
	entered, release := make(chan struct{}, 1), make(chan struct{})
	f := newFixtureServing(t, "", 2, func(path string) {
		if path == "/p0" {
			entered <- struct{}{}
			<-release
		}
	})
	h := &workers.CheckHandler{Recorder: f.recorder, Log: f.log}
	slow := make(chan error, 1)
	go func() {
		_, err := f.recorder.Check(ctx, f.docs[0])
		slow <- err
	}()
	<-entered
	doc, err := f.store.Document(ctx, f.docs[1])
	if err != nil {
		t.Fatal(err)
	}
	task, err := workers.NewCheckDocumentTask(doc.ID, doc.NextCheckAt)
	if err != nil {
		t.Fatal(err)
	}
	err = h.ProcessTask(ctx, task)
	close(release)
	if err != nil {
		t.Fatalf("a check put off behind a busy host failed the task: %v", err)
	}
	if err := <-slow; err != nil {
		t.Fatal(err)
	}
	if got, err := f.store.Document(ctx, f.docs[1]); err != nil || got.LastCheckedAt != nil || got.ConsecutiveFailures != 0 {
		t.Fatalf("the put-off document was recorded as checked: %+v %v", got, err)
	}
	sweep := &workers.SweepHandler{Store: f.store, Client: f.client, Log: f.log}
	if n, err := sweep.Sweep(ctx, time.Now().UTC()); err != nil || n != 1 {
		t.Fatalf("the next sweep enqueued %d (%v), want the put-off document", n, err)
	}
}

// Handlers refuses a missing dependency rather than leaving its tasks
// without a handler (alert deliveries would pile up unsent).
func TestHandlersRefuseMissingDependencies(t *testing.T) {
	_, err := workers.Handlers(workers.Deps{Store: &store.Store{}, Log: slog.New(slog.DiscardHandler)})
	if err == nil {
		t.Fatal("handlers built without recorder, queue client and alerts")
	}
	for _, name := range []string{"recorder", "queue client", "alerts"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name %s", err, name)
		}
	}
}
