package app

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// stubChecker stands in for the recorder: it records a health outcome
// without fetching anything.
type stubChecker struct{ st *store.Store }

func (c stubChecker) Check(ctx context.Context, id int64) (recorder.Outcome, error) {
	now := time.Now().UTC()
	_, err := c.st.RecordHealth(ctx, id, store.Health{State: docstate.SelectorMissing, Error: "selector matched nothing", CheckedAt: now, NextCheckAt: now.Add(time.Hour), Failed: true})
	return recorder.Outcome{DocumentID: id, State: docstate.SelectorMissing, Error: "selector matched nothing"}, err
}

// newWatchlistTestApp is the test app with the watchlist's dependencies:
// a stub checker, recorded mail and the Redis rate limiter on an
// in-process Redis.
func newWatchlistTestApp(t *testing.T) *testApp {
	t.Helper()
	return newWatchlistTestAppWith(t, func(st *store.Store) watchlist.Checker { return stubChecker{st} })
}

// newWatchlistTestAppWith is newWatchlistTestApp with the checker that
// newChecker builds on the app's store, e.g. the real recorder.
func newWatchlistTestAppWith(t *testing.T, newChecker func(*store.Store) watchlist.Checker) *testApp {
	t.Helper()
	rec := &mail.Recorder{}
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return serveTestApp(t, rec, func(d *Deps) {
		d.Watchlist = watchlist.New(watchlist.Deps{Store: d.Store, Checker: newChecker(d.Store), Mail: rec,
			Templates: d.Templates, BaseURL: d.Config.BaseURL, Log: d.Log})
		d.RateLimiter = ratelimit.New(rdb)
	})
}
