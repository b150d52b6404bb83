package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/hibiken/asynq"
	"github.com/hibiken/asynqmon"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/app"
	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/workers"
)

func runServe(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	noWorker := fs.Bool("no-worker", false, "serve the web app only; run workers and the scheduler separately")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	rt, err := openRuntime(ctx, true)
	if err != nil {
		return err
	}
	defer rt.close()
	return serve(ctx, rt, serveOptions{noWorker: *noWorker, start: start}, out)
}

// serveOptions shape one run of the service.
type serveOptions struct {
	noWorker bool
	start    time.Time
	// prepare runs after migrations and the catalogue, before the worker
	// and the web app start (the demo records its history here).
	prepare func(ctx context.Context, tr *recorder.Service) error
}

// serve runs the web app, and unless noWorker the worker and scheduler,
// until ctx ends.
func serve(ctx context.Context, rt *runtime, opts serveOptions, out io.Writer) error {
	noWorker := &opts.noWorker
	start := opts.start
	if *noWorker && rt.redis.Embedded() {
		return usagef("--no-worker needs a shared Redis (REDIS_URL): with the in-process Redis no other process could run the jobs")
	}
	if err := rt.cfg.EnsureSessionSecret(); err != nil {
		return err
	}
	tr := rt.newTracker()
	if err := importCatalogueOnFirstStart(ctx, rt, tr); err != nil {
		return err
	}
	if opts.prepare != nil {
		if err := opts.prepare(ctx, tr); err != nil {
			return err
		}
	}
	client, err := workers.NewClient(rt.redis)
	if err != nil {
		return err
	}
	defer client.Close()

	if !*noWorker {
		srv, err := rt.newWorker(tr, client, workers.ServerOptions{Metrics: rt.metrics})
		if err != nil {
			return err
		}
		if err := srv.Start(); err != nil {
			return err
		}
		defer srv.Shutdown()
		sched, err := workers.NewScheduler(rt.redis, rt.log)
		if err != nil {
			return err
		}
		if err := sched.Start(); err != nil {
			return fmt.Errorf("start scheduler: %w", err)
		}
		defer sched.Shutdown()
	}

	handler, err := rt.newWebApp(ctx, client, tr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", rt.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", rt.cfg.Addr, err)
	}
	httpSrv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	errCh := make(chan error, 1)
	go func() { errCh <- httpSrv.Serve(ln) }()
	rt.log.Info("serving", slog.String("url", rt.cfg.BaseURL), slog.Bool("worker", !*noWorker),
		slog.String("database", rt.store.Dialect()), slog.Bool("embedded_redis", rt.redis.Embedded()),
		slog.Int64("startup_ms", time.Since(start).Milliseconds()))
	fmt.Fprintf(out, "Clausewatch is running: open %s\n", rt.cfg.BaseURL)

	select {
	case err := <-errCh:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http server: %w", err)
		}
	case <-ctx.Done():
	}
	rt.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil {
		rt.log.Warn("http drain", slog.String("error", err.Error()))
	}
	return nil
}

// newWebApp builds the web application and its dependencies.
func (rt *runtime) newWebApp(ctx context.Context, client *asynq.Client, tr *recorder.Service) (http.Handler, error) {
	tmpl, sender, err := rt.mailKit()
	if err != nil {
		return nil, err
	}
	opt, err := rt.redis.ConnOpt()
	if err != nil {
		return nil, err
	}
	queueUI := asynqmon.New(asynqmon.Options{RootPath: "/admin/queues", RedisConnOpt: opt})
	acc := accounts.New(rt.store, sender, tmpl, rt.cfg.BaseURL, func() time.Time { return time.Now().UTC() }, rt.log)
	bill, err := rt.billingService()
	if err != nil {
		return nil, err
	}
	wl, err := rt.newWatchlist(tr)
	if err != nil {
		return nil, err
	}
	srv, err := app.New(app.Deps{
		Config: rt.cfg, Store: rt.store, Templates: tmpl, Log: rt.log,
		Redis: rt.redis, Metrics: rt.metrics, QueueUI: queueUI, Accounts: acc,
		Watchlist: wl, RateLimiter: ratelimit.New(rt.redis.Client, nil),
		Billing: bill, Alerts: rt.alertService(),
	})
	if err != nil {
		return nil, err
	}
	return srv.Handler(), nil
}

// importCatalogueOnFirstStart loads the embedded catalogue into an empty
// database, so a newcomer has platforms to watch at once.
func importCatalogueOnFirstStart(ctx context.Context, rt *runtime, tr *recorder.Service) error {
	n, err := rt.store.CountPlatforms(ctx)
	if err != nil || n > 0 {
		return err
	}
	platforms, err := catalogue.Embedded()
	if err != nil {
		return fmt.Errorf("embedded catalogue: %w", err)
	}
	rep, err := tr.Import(ctx, platforms)
	if err != nil {
		return err
	}
	rt.log.Info("catalogue loaded", slog.Int("platforms", rep.Platforms), slog.Int("documents", rep.DocumentsCreated))
	return nil
}
