package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/workers"
)

// runtime holds what most commands share, opened in order and closed in
// reverse.
type runtime struct {
	cfg     *config.Config
	log     *slog.Logger
	store   *store.Store
	redis   *workers.Redis
	metrics *prometheus.Registry
	alerts  *alerts.Service      // built by alertService
	tmpl    *templates.Templates // built by mailKit
	sender  mail.Sender
	billing *stripebilling.Service // built by billingService
	closers []func() error
}

func loadConfig() (*config.Config, *slog.Logger, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, nil, usageError{err}
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	log := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	return cfg, log, nil
}

// openRuntime loads the configuration and opens the database (migrated)
// and, when withRedis, Redis. adjust, when given, changes the loaded
// configuration first (the demo uses it to run on its own files).
func openRuntime(ctx context.Context, withRedis bool, adjust ...func(*config.Config)) (*runtime, error) {
	cfg, log, err := loadConfig()
	if err != nil {
		return nil, err
	}
	for _, f := range adjust {
		f(cfg)
	}
	rt := &runtime{cfg: cfg, log: log, metrics: prometheus.NewRegistry()}
	rt.metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	st, err := store.Open(ctx, cfg.DatabaseURL, log)
	if err != nil {
		return nil, err
	}
	rt.store = st
	rt.closers = append(rt.closers, st.Close)
	if err := st.Migrate(ctx); err != nil {
		rt.close()
		return nil, err
	}
	if withRedis {
		r, err := workers.OpenRedis(ctx, cfg.RedisURL)
		if err != nil {
			rt.close()
			return nil, err
		}
		rt.redis = r
		rt.closers = append(rt.closers, r.Close)
	}
	return rt, nil
}

func (rt *runtime) close() {
	for i := len(rt.closers) - 1; i >= 0; i-- {
		if err := rt.closers[i](); err != nil {
			rt.log.Warn("close", slog.String("error", err.Error()))
		}
	}
}

// requireSharedRedis refuses the in-process Redis for processes that must
// share a queue with others.
func (rt *runtime) requireSharedRedis(what string) error {
	if rt.cfg.EmbeddedRedis() {
		return usagef("%s needs a shared Redis: set REDIS_URL (the in-process Redis lives inside `serve` and no other process can reach it)", what)
	}
	return nil
}

// newFetcher builds the SSRF-safe fetcher, with Chromium for documents that
// need client-side scripts when a browser is installed.
func (rt *runtime) newFetcher() *fetch.Fetcher {
	opts := fetch.Options{AllowPrivate: rt.cfg.FetchAllowPrivate, PerHost: rt.cfg.FetchPerHost}
	if b, err := fetch.NewChromeBrowser(rt.cfg.ChromiumPath); err == nil {
		opts.Browser = b
	} else {
		rt.log.Debug("no browser for client-side scripts", slog.String("reason", err.Error()))
	}
	return fetch.New(opts)
}

func (rt *runtime) newTracker() *recorder.Service {
	failingTotal := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "clausewatch_documents_failing_total",
		Help: "Documents that reached the consecutive-failure threshold.",
	})
	checks := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clausewatch_document_checks_total",
		Help: "Document checks by resulting state and whether a version was recorded.",
	}, []string{"state", "new_version"})
	for _, c := range []prometheus.Collector{failingTotal, checks} {
		if err := rt.metrics.Register(c); err != nil {
			rt.log.Warn("register recorder metrics", slog.String("error", err.Error()))
		}
	}
	hooks := recorder.Hooks{
		Failing: func(doc *store.Document, err error) {
			failingTotal.Inc()
			rt.log.Warn("document failing: operator notice", slog.Int64("document_id", doc.ID),
				slog.Int("failures", recorder.FailureNoticeThreshold), slog.String("error", err.Error()))
		},
		Checked: func(o recorder.Outcome) {
			checks.WithLabelValues(o.State, fmt.Sprint(o.NewVersion())).Inc()
		},
	}
	return recorder.New(rt.store, engine.New(rt.newFetcher()), rt.log, rt.cfg.CheckInterval, withAlerts(hooks, rt.alertService()))
}

// newWorker builds the worker server with every task handler.
func (rt *runtime) newWorker(tr *recorder.Service, client *asynq.Client, opts workers.ServerOptions) (*workers.Server, error) {
	if rt.redis == nil {
		return nil, errors.New("worker needs redis")
	}
	opts.Log = rt.log
	if opts.Concurrency == 0 {
		opts.Concurrency = rt.cfg.WorkerConcurrency
	}
	var bill workers.Billing
	if svc, err := rt.billingService(); err != nil {
		return nil, err
	} else if svc != nil {
		bill = svc
	}
	opt, err := rt.redis.ConnOpt()
	if err != nil {
		return nil, err
	}
	inspector := asynq.NewInspector(opt)
	rt.closers = append(rt.closers, inspector.Close)
	handlers := workers.Handlers(workers.Deps{Store: rt.store, Recorder: tr, Client: client, Inspector: inspector,
		Log: rt.log, Alerts: rt.alertService(), Billing: bill})
	srv, err := workers.NewServer(rt.redis, opts, handlers)
	if err != nil {
		return nil, fmt.Errorf("worker: %w", err)
	}
	return srv, nil
}
