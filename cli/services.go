package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/app"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/watchlist"
	"github.com/clausewatch/clausewatch/workers"
)

// This file is the composition root: every service a process uses is built
// here, once, in dependency order. Building fails, and the process does not
// start, when a service it needs cannot be built. No service is nil except
// billing, nil exactly when Stripe is not configured, and the queue, nil
// exactly for commands that asked for none (redisNone).

// services is what one process runs on, closed in reverse order of opening.
type services struct {
	cfg     *config.Config
	log     *slog.Logger
	metrics *prometheus.Registry
	store   *store.Store
	// redis and queue are set for processes that run or enqueue tasks
	// (redisAny or redisShared).
	redis     *workers.Redis
	queue     *asynq.Client
	templates *templates.Templates
	mail      mail.Sender
	accounts  *accounts.Service
	alerts    *alerts.Service
	billing   *stripebilling.Service // nil when billing is not configured
	watchlist *watchlist.Service
	recorder  *recorder.Service
	// deliveries is the alerts service's queue (nil without one); the
	// check command starts its worker server through it.
	deliveries *startingQueue
	closers    []func() error
}

// redisUse says what a process needs of Redis.
type redisUse int

const (
	// redisNone: operator commands that run their work in the process.
	redisNone redisUse = iota
	// redisAny: the configured Redis, in-process when REDIS_URL is empty.
	redisAny
	// redisShared: a Redis other processes reach; the in-process one is
	// refused (workers and web-only processes).
	redisShared
)

func loadConfig() (*config.Config, *slog.Logger, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, nil, usageError{err}
	}
	return cfg, newLogger(cfg), nil
}

func newLogger(cfg *config.Config) *slog.Logger {
	var level slog.Level
	// Validate accepted the level already.
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
}

// openServices loads the configuration, lets adjust change it (the demo
// runs on its own files), and builds every service. what names the process
// in error messages.
func openServices(ctx context.Context, what string, use redisUse, adjust ...func(*config.Config)) (*services, error) {
	cfg, log, err := loadConfig()
	if err != nil {
		return nil, err
	}
	for _, f := range adjust {
		f(cfg)
	}
	if use == redisShared && cfg.EmbeddedRedis() {
		return nil, usagef("%s needs a shared Redis: set REDIS_URL (the in-process Redis lives inside `serve` and no other process can reach it)", what)
	}
	s := &services{cfg: cfg, log: log, metrics: prometheus.NewRegistry()}
	if err := s.build(ctx, use); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

func (s *services) build(ctx context.Context, use redisUse) error {
	s.metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	// Unsubscribe links and sessions are signed with it; REDIS_URL without
	// SESSION_SECRET is refused by the configuration already.
	if err := s.cfg.EnsureSessionSecret(); err != nil {
		return err
	}
	st, err := store.Open(ctx, s.cfg.DatabaseURL, s.log)
	if err != nil {
		return err
	}
	s.store = st
	s.closers = append(s.closers, st.Close)
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	if use != redisNone {
		if err := s.openQueue(ctx); err != nil {
			return err
		}
	}
	if s.templates, err = templates.New(); err != nil {
		return fmt.Errorf("templates: %w", err)
	}
	if s.mail, err = mail.New(s.cfg, s.log); err != nil {
		return fmt.Errorf("mail: %w", err)
	}
	now := func() time.Time { return time.Now().UTC() }
	s.accounts = accounts.New(st, s.mail, s.templates, s.cfg.BaseURL, now, s.log)
	s.alerts = s.newAlerts()
	if s.cfg.BillingEnabled() {
		s.billing, err = stripebilling.New(stripebilling.Deps{
			Config: s.cfg, Store: st, Mail: s.mail, Templates: s.templates, Log: s.log, Metrics: s.metrics, Now: now,
		})
		if err != nil {
			return fmt.Errorf("billing: %w", err)
		}
	}
	if s.recorder, err = s.newRecorder(); err != nil {
		return err
	}
	s.watchlist = watchlist.New(watchlist.Deps{
		Store: st, Mail: s.mail, Templates: s.templates, BaseURL: s.cfg.BaseURL, Checker: s.recorder,
		AllowPrivate: s.cfg.FetchAllowPrivate, Log: s.log, Now: now,
	})
	return nil
}

func (s *services) openQueue(ctx context.Context) error {
	r, err := workers.OpenRedis(ctx, s.cfg.RedisURL)
	if err != nil {
		return err
	}
	s.redis = r
	s.closers = append(s.closers, r.Close)
	if s.queue, err = workers.NewClient(r); err != nil {
		return fmt.Errorf("queue client: %w", err)
	}
	s.closers = append(s.closers, s.queue.Close)
	return nil
}

// newAlerts builds the alerts service. With a queue it relays deliveries
// through it; without (operator commands) it sends them in the process.
func (s *services) newAlerts() *alerts.Service {
	d := alerts.Deps{
		Store: s.store, Mail: s.mail, Templates: s.templates, BaseURL: s.cfg.BaseURL, Secret: s.cfg.SessionSecret,
		AllowPrivate: s.cfg.FetchAllowPrivate, Log: s.log,
	}
	if s.queue != nil {
		s.deliveries = &startingQueue{Queue: workers.AlertQueue{Client: s.queue}}
		d.Queue = s.deliveries
	}
	return alerts.New(d)
}

// startingQueue is the alerts' queue that first runs start, once, when
// start is set: the check command on the in-process Redis starts the only
// worker that can take the deliveries its changes queue when the first
// one is queued, not for every round, most of which queue none (an idle
// worker polls the queue every 20 ms, and each poll runs a script in the
// in-process Redis).
type startingQueue struct {
	alerts.Queue
	start func() error
	once  sync.Once
	err   error
}

// EnqueueDelivery starts what start starts, then queues the delivery.
func (q *startingQueue) EnqueueDelivery(ctx context.Context, d store.DueDelivery, at time.Time) error {
	q.once.Do(func() {
		if q.start != nil {
			q.err = q.start()
		}
	})
	if q.err != nil {
		return q.err
	}
	return q.Queue.EnqueueDelivery(ctx, d, at)
}

// newRecorder builds the recorder on the engine, with the hooks that count
// checks, report failing documents and write the alert outbox.
func (s *services) newRecorder() (*recorder.Service, error) {
	failingTotal := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "clausewatch_documents_failing_total",
		Help: "Documents that reached the consecutive-failure threshold.",
	})
	checks := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "clausewatch_document_checks_total",
		Help: "Document checks by resulting state and whether a version was recorded.",
	}, []string{"state", "new_version"})
	for _, c := range []prometheus.Collector{failingTotal, checks} {
		if err := s.metrics.Register(c); err != nil {
			return nil, fmt.Errorf("register recorder metrics: %w", err)
		}
	}
	al := s.alerts
	hooks := recorder.Hooks{
		Failing: func(doc *store.Document, err error) {
			failingTotal.Inc()
			s.log.Warn("document failing: operator notice", slog.Int64("document_id", doc.ID),
				slog.Int("failures", recorder.FailureNoticeThreshold), slog.String("error", err.Error()))
			al.DocumentFailing(doc, err)
		},
		Checked: func(o recorder.Outcome) {
			checks.WithLabelValues(o.State.String(), fmt.Sprint(o.NewVersion())).Inc()
			if o.ChangeID != 0 {
				al.ChangeRecorded(context.Background(), o.ChangeID)
			}
		},
		// The outbox is written in the change's own transaction, so no
		// recorded change can miss its alerts.
		Change:    al.WriteOutbox,
		Recovered: al.DocumentRecovered,
	}
	return recorder.New(s.store, engine.New(s.newFetcher()), s.log, s.cfg.CheckInterval, hooks), nil
}

// newFetcher builds the SSRF-safe fetcher, with Chromium for documents that
// need client-side scripts when a browser is installed.
func (s *services) newFetcher() *fetch.Fetcher {
	opts := fetch.Options{AllowPrivate: s.cfg.FetchAllowPrivate, PerHost: s.cfg.FetchPerHost}
	if b, err := fetch.NewChromeBrowser(s.cfg.ChromiumPath); err == nil {
		opts.Browser = b
	} else {
		s.log.Debug("no browser for client-side scripts", slog.String("reason", err.Error()))
	}
	return fetch.New(opts)
}

// newWorker builds the worker server with every task handler.
func (s *services) newWorker(opts workers.ServerOptions) (*workers.Server, error) {
	if s.redis == nil {
		return nil, errors.New("worker: no queue opened")
	}
	opts.Log = s.log
	if opts.Concurrency == 0 {
		opts.Concurrency = s.cfg.WorkerConcurrency
	}
	opt, err := s.redis.ConnOpt()
	if err != nil {
		return nil, err
	}
	inspector := asynq.NewInspector(opt)
	s.closers = append(s.closers, inspector.Close)
	d := workers.Deps{Store: s.store, Recorder: s.recorder, Client: s.queue, Inspector: inspector, Log: s.log, Alerts: s.alerts}
	if s.billing != nil {
		d.Billing = s.billing
	}
	handlers, err := workers.Handlers(d)
	if err != nil {
		return nil, err
	}
	srv, err := workers.NewServer(s.redis, opts, handlers)
	if err != nil {
		return nil, fmt.Errorf("worker: %w", err)
	}
	return srv, nil
}

// newWebApp builds the web application on the process's services.
func (s *services) newWebApp() (http.Handler, error) {
	if s.redis == nil {
		return nil, errors.New("web app: no queue opened")
	}
	opt, err := s.redis.ConnOpt()
	if err != nil {
		return nil, err
	}
	srv, err := app.New(app.Deps{
		Config: s.cfg, Store: s.store, Templates: s.templates, Log: s.log,
		Redis: s.redis, Metrics: s.metrics, Accounts: s.accounts, Watchlist: s.watchlist, Alerts: s.alerts,
		Insight:     insight.New(s.store, insight.DefaultCacheSize),
		QueueUI:     asynqmon.New(asynqmon.Options{RootPath: "/admin/queues", RedisConnOpt: opt}),
		RateLimiter: ratelimit.New(s.redis.Client),
		Billing:     s.billing,
	})
	if err != nil {
		return nil, err
	}
	return srv.Handler(), nil
}

func (s *services) close() {
	// Mails the accounts service sends after answering (password resets,
	// sign-ups) need the store and the mailer: let them finish first.
	if s.accounts != nil {
		s.accounts.Wait()
	}
	for i := len(s.closers) - 1; i >= 0; i-- {
		if err := s.closers[i](); err != nil {
			s.log.Warn("close", slog.String("error", err.Error()))
		}
	}
}
