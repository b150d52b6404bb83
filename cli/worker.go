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
	rt, err := openRuntime(ctx, false)
	if err != nil {
		return err
	}
	defer rt.close()
	if err := rt.requireSharedRedis("worker"); err != nil {
		return err
	}
	if rt.redis, err = workers.OpenRedis(ctx, rt.cfg.RedisURL); err != nil {
		return err
	}
	rt.closers = append(rt.closers, rt.redis.Close)
	client, err := workers.NewClient(rt.redis)
	if err != nil {
		return err
	}
	defer client.Close()
	srv, err := rt.newWorker(rt.newTracker(), client, workers.ServerOptions{Concurrency: *concurrency, Metrics: rt.metrics})
	if err != nil {
		return err
	}
	if err := srv.Start(); err != nil {
		return err
	}
	rt.log.Info("worker started")
	fmt.Fprintln(out, "Clausewatch worker is running; stop it with Ctrl-C or SIGTERM.")
	<-ctx.Done()
	rt.log.Info("worker stopping", slog.String("reason", "signal"))
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
