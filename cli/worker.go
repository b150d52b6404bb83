package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"github.com/clausewatch/clausewatch/workers"
)

func runWorker(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	concurrency := fs.Int("concurrency", 0, "tasks run at once (default CLAUSEWATCH_WORKER_CONCURRENCY)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	svc, err := openServices(ctx, "worker", redisShared)
	if err != nil {
		return err
	}
	defer svc.close()
	srv, err := svc.newWorker(workers.ServerOptions{Concurrency: *concurrency, Metrics: svc.metrics})
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	svc.log.Info("worker started")
	fmt.Fprintln(out, "Clausewatch worker is running; stop it with Ctrl-C or SIGTERM.")
	<-ctx.Done()
	svc.log.Info("worker stopping", slog.String("reason", "signal"))
	srv.Shutdown()
	return nil
}

func runScheduler(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("scheduler", flag.ContinueOnError)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, log, err := loadConfig()
	if err != nil {
		return err
	}
	if cfg.EmbeddedRedis() {
		return usagef("scheduler needs a shared Redis: set REDIS_URL (the in-process Redis lives inside `serve` and no other process can reach it)")
	}
	r, err := workers.OpenRedis(ctx, cfg.RedisURL)
	if err != nil {
		return err
	}
	defer r.Close()
	sched, err := workers.NewScheduler(r, log)
	if err != nil {
		return err
	}
	if err := sched.Start(); err != nil {
		return fmt.Errorf("start scheduler: %w", err)
	}
	fmt.Fprintln(out, "Clausewatch scheduler is running; stop it with Ctrl-C or SIGTERM.")
	<-ctx.Done()
	sched.Shutdown()
	return nil
}
