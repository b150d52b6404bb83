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

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/workers"
)

func runServe(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	noWorker := fs.Bool("no-worker", false, "serve the web app only; run workers and the scheduler separately")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	use := redisAny
	if *noWorker {
		// With the in-process Redis no other process could run the jobs.
		use = redisShared
	}
	svc, err := openServices(ctx, "serve --no-worker", use)
	if err != nil {
		return err
	}
	defer svc.close()
	return serve(ctx, svc, serveOptions{noWorker: *noWorker, start: start}, out)
}

// serveOptions shape one run of the service.
type serveOptions struct {
	noWorker bool
	start    time.Time
	// prepare runs after migrations and the catalogue, before the worker
	// and the web app start (the demo records its history here).
	prepare func(ctx context.Context) error
}

// serve runs the web app, and unless noWorker the worker and scheduler,
// until ctx ends.
func serve(ctx context.Context, svc *services, opts serveOptions, out io.Writer) error {
	if err := importCatalogueOnFirstStart(ctx, svc); err != nil {
		return err
	}
	if opts.prepare != nil {
		if err := opts.prepare(ctx); err != nil {
			return err
		}
	}
	if !opts.noWorker {
		srv, err := svc.newWorker(workers.ServerOptions{Metrics: svc.metrics})
		if err != nil {
			return err
		}
		if err := srv.Start(); err != nil {
			return err
		}
		defer srv.Shutdown()
		sched, err := workers.NewScheduler(svc.redis, svc.log)
		if err != nil {
			return err
		}
		if err := sched.Start(); err != nil {
			return fmt.Errorf("start scheduler: %w", err)
		}
		defer sched.Shutdown()
	}

	handler, err := svc.newWebApp()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", svc.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", svc.cfg.Addr, err)
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
	svc.log.Info("serving", slog.String("url", svc.cfg.BaseURL), slog.Bool("worker", !opts.noWorker),
		slog.String("database", svc.store.Dialect()), slog.Bool("embedded_redis", svc.redis.Embedded()),
		slog.Int64("startup_ms", time.Since(opts.start).Milliseconds()))
	fmt.Fprintf(out, "Clausewatch is running: open %s\n", svc.cfg.BaseURL)

	select {
	case err := <-errCh:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http server: %w", err)
		}
	case <-ctx.Done():
	}
	svc.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil {
		svc.log.Warn("http drain", slog.String("error", err.Error()))
	}
	return nil
}

// importCatalogueOnFirstStart loads the embedded catalogue into an empty
// database, so a newcomer has platforms to watch at once.
func importCatalogueOnFirstStart(ctx context.Context, svc *services) error {
	n, err := svc.store.CountPlatforms(ctx)
	if err != nil || n > 0 {
		return err
	}
	platforms, err := catalogue.Embedded()
	if err != nil {
		return fmt.Errorf("embedded catalogue: %w", err)
	}
	rep, err := svc.recorder.ImportBuiltin(ctx, platforms)
	if err != nil {
		return err
	}
	svc.log.Info("catalogue loaded", slog.Int("platforms", rep.Platforms), slog.Int("documents", rep.DocumentsCreated))
	return nil
}
