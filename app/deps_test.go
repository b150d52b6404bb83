package app

import (
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
)

// New refuses to build a web app with a dependency missing: before, a nil
// watchlist or alerts service was replaced by a weaker one built on the spot.
func TestNewRefusesMissingDependencies(t *testing.T) {
	st := storetest.SQLite(t)
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.FromMap(map[string]string{"CLAUSEWATCH_DATA_DIR": t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	full := func() Deps { return testDeps(cfg, st, tmpl, &mail.Recorder{}, time.Now, log) }
	if _, err := New(full()); err != nil {
		t.Fatalf("complete dependencies refused: %v", err)
	}
	tests := []struct {
		name   string
		remove func(*Deps)
		want   string
	}{
		{"watchlist", func(d *Deps) { d.Watchlist = nil }, "watchlist"},
		{"alerts", func(d *Deps) { d.Alerts = nil }, "alerts"},
		{"insight", func(d *Deps) { d.Insight = nil }, "insight"},
		{"accounts", func(d *Deps) { d.Accounts = nil }, "accounts"},
		{"rate limiter", func(d *Deps) { d.RateLimiter = nil }, "rate limiter"},
		{"redis", func(d *Deps) { d.Redis = nil }, "redis"},
		{"queue dashboard", func(d *Deps) { d.QueueUI = nil }, "queue dashboard"},
		{"billing while configured", func(d *Deps) {
			c := *d.Config
			c.StripeSecretKey = "sk_test_123"
			d.Config = &c
		}, "billing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := full()
			tt.remove(&d)
			_, err := New(d)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v; want an error naming %s", err, tt.want)
			}
		})
	}
}
