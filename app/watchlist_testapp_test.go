package app

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/tracker"
	"github.com/clausewatch/clausewatch/watchlist"
)

// stubChecker stands in for the tracker: it records a health outcome
// without fetching anything.
type stubChecker struct{ st *store.Store }

func (c stubChecker) Check(ctx context.Context, id int64) (tracker.Outcome, error) {
	now := time.Now().UTC()
	_, err := c.st.RecordHealth(ctx, id, store.Health{State: "selector_missing", Error: "selector matched nothing", CheckedAt: now, NextCheckAt: now.Add(time.Hour), Failed: true})
	return tracker.Outcome{DocumentID: id, State: "selector_missing", Error: "selector matched nothing"}, err
}

// newWatchlistTestApp is the test app with the watchlist's dependencies:
// a stub checker, recorded mail and the Redis rate limiter on an
// in-process Redis.
func newWatchlistTestApp(t *testing.T) *testApp {
	t.Helper()
	return newWatchlistTestAppWith(t, func(st *store.Store) watchlist.Checker { return stubChecker{st} })
}

// newWatchlistTestAppWith is newWatchlistTestApp with the checker that
// newChecker builds on the app's store, e.g. the real tracker.
func newWatchlistTestAppWith(t *testing.T, newChecker func(*store.Store) watchlist.Checker) *testApp {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	st := storetest.SQLite(t)
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_BASE_URL": base, "CLAUSEWATCH_DATA_DIR": t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{now: time.Now().UTC()}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	rec := &mail.Recorder{}
	acc := accounts.New(st, rec, tmpl, base, clock.Now, log)
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	wl := watchlist.New(watchlist.Deps{Store: st, Checker: newChecker(st), Mail: rec, Templates: tmpl, BaseURL: base, Log: log})
	srv, err := New(Deps{Config: cfg, Store: st, Templates: tmpl, Log: log, Metrics: prometheus.NewRegistry(),
		Accounts: acc, Watchlist: wl, RateLimiter: ratelimit.New(rdb, nil)})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return &testApp{t: t, URL: base, server: srv, store: st, mail: rec, clock: clock}
}
