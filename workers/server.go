package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

// Server runs task handlers for the queues.
type Server struct {
	srv *asynq.Server
	mux *asynq.ServeMux
}

// ServerOptions configure a worker server.
type ServerOptions struct {
	Concurrency int
	Log         *slog.Logger
	Metrics     *prometheus.Registry
	// PollInterval is how often an idle worker looks for new tasks; short in
	// the check command, where latency matters more than Redis load.
	PollInterval time.Duration
}

// NewServer builds a worker server with the given handlers by task type.
func NewServer(r *Redis, opts ServerOptions, handlers map[string]asynq.Handler) (*Server, error) {
	m, err := newJobMetrics(opts.Metrics)
	if err != nil {
		return nil, err
	}
	poll := opts.PollInterval
	if poll == 0 {
		poll = time.Second
	}
	opt, err := r.ConnOpt()
	if err != nil {
		return nil, err
	}
	// Asynq gets its own connection (not the shared client) so that it can
	// close it on shutdown.
	srv := asynq.NewServer(opt, asynq.Config{
		Concurrency:       opts.Concurrency,
		Queues:            map[string]int{QueueCritical: 6, QueueDefault: 3},
		Logger:            slogAdapter{opts.Log},
		LogLevel:          asynq.WarnLevel,
		TaskCheckInterval: poll,
		ShutdownTimeout:   20 * time.Second,
		RetryDelayFunc:    retryDelay,
		ErrorHandler: asynq.ErrorHandlerFunc(func(ctx context.Context, t *asynq.Task, err error) {
			opts.Log.Error("task failed", slog.String("type", t.Type()), slog.String("payload", string(t.Payload())), slog.String("error", err.Error()))
		}),
	})
	mux := asynq.NewServeMux()
	mux.Use(m.middleware, releaseExhausted)
	for typ, h := range handlers {
		mux.Handle(typ, h)
	}
	return &Server{srv: srv, mux: mux}, nil
}

// Start begins processing in the background.
func (s *Server) Start() error {
	if err := s.srv.Start(s.mux); err != nil {
		return fmt.Errorf("start worker: %w", err)
	}
	return nil
}

// Shutdown stops fetching new tasks and waits for running ones (up to the
// shutdown timeout; unfinished tasks go back to the queue).
func (s *Server) Shutdown() { s.srv.Shutdown() }

// NewScheduler registers the periodic jobs. Several schedulers may run:
// each periodic task is unique for its period, so only one is enqueued.
func NewScheduler(r *Redis, log *slog.Logger) (*asynq.Scheduler, error) {
	opt, err := r.ConnOpt()
	if err != nil {
		return nil, err
	}
	s := asynq.NewScheduler(opt, &asynq.SchedulerOpts{
		Logger:   slogAdapter{log},
		LogLevel: asynq.WarnLevel,
		Location: time.UTC,
	})
	if _, err := s.Register("@every 30s", NewSweepTask()); err != nil {
		return nil, fmt.Errorf("register sweep: %w", err)
	}
	if _, err := s.Register("15 4 * * *", NewBillingReconcileTask()); err != nil {
		return nil, fmt.Errorf("register billing reconcile: %w", err)
	}
	if _, err := s.Register("@every 1h", NewBillingRecheckTask()); err != nil {
		return nil, fmt.Errorf("register billing recheck: %w", err)
	}
	if _, err := s.Register("@every 30s", NewAlertSweepTask()); err != nil {
		return nil, fmt.Errorf("register alert sweep: %w", err)
	}
	if _, err := s.Register("*/15 * * * *", NewDigestsTask()); err != nil {
		return nil, fmt.Errorf("register digests: %w", err)
	}
	return s, nil
}

// slogAdapter lets Asynq log through slog.
type slogAdapter struct{ l *slog.Logger }

func (a slogAdapter) Debug(args ...any) {
	a.l.Debug(fmt.Sprint(args...), slog.String("component", "asynq"))
}
func (a slogAdapter) Info(args ...any) {
	a.l.Info(fmt.Sprint(args...), slog.String("component", "asynq"))
}
func (a slogAdapter) Warn(args ...any) {
	a.l.Warn(fmt.Sprint(args...), slog.String("component", "asynq"))
}
func (a slogAdapter) Error(args ...any) {
	a.l.Error(fmt.Sprint(args...), slog.String("component", "asynq"))
}
func (a slogAdapter) Fatal(args ...any) {
	a.l.Error(fmt.Sprint(args...), slog.String("component", "asynq"))
}
