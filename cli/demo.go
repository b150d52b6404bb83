package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/demo"
	"github.com/clausewatch/clausewatch/watchlist"
)

// Demo account; the demo database is thrown away at every start.
const (
	demoEmail    = "demo@clausewatch.test"
	demoPassword = "watch-the-clauses"
)

// runDemo starts the service on a throw-away database under
// data/demo/, with demo platforms whose history is replayed at start, and
// a demo organization on the Compliance plan watching them.
func runDemo(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	site, err := demo.Start()
	if err != nil {
		return err
	}
	defer site.Close()
	var dir string
	svc, err := openServices(ctx, "demo", redisAny, func(c *config.Config) {
		dir = filepath.Join(c.DataDir, "demo")
		_ = os.RemoveAll(dir)
		c.DataDir = dir
		c.DatabaseURL = "sqlite://" + filepath.Join(dir, "clausewatch.db")
		// The demo site listens on loopback.
		c.FetchAllowPrivate = true
	})
	if err != nil {
		return err
	}
	defer svc.close()
	if !svc.cfg.EmbeddedRedis() {
		return usagef("demo runs on the in-process Redis; unset REDIS_URL")
	}
	prepare := func(ctx context.Context) error {
		return prepareDemo(ctx, svc, site, out)
	}
	return serve(ctx, svc, serveOptions{start: start, prepare: prepare}, out)
}

func prepareDemo(ctx context.Context, svc *services, site *demo.Site, out io.Writer) error {
	if _, err := svc.recorder.Import(ctx, site.Catalogue()); err != nil {
		return err
	}
	user, org, err := svc.accounts.Signup(ctx, accounts.SignupInput{Email: demoEmail, Password: demoPassword, Organization: "Demo Corp"})
	if err != nil {
		return fmt.Errorf("demo account: %w", err)
	}
	if err := svc.store.MarkEmailVerified(ctx, user.ID, time.Now().UTC()); err != nil {
		return err
	}
	wl := svc.watchlist
	if _, err := wl.ApplyPlan(ctx, org.ID, billing.PlanCompliance, watchlist.Actor{UserID: user.ID, Source: "demo"}); err != nil {
		return err
	}
	for _, slug := range demo.Slugs() {
		if _, err := wl.AddPlatform(ctx, org.ID, user.ID, slug); err != nil {
			return fmt.Errorf("demo watch %s: %w", slug, err)
		}
	}
	// Replay the history: each step is one round of checks of the demo
	// documents, as the scheduler would run them over weeks.
	changes := 0
	for step := 0; step < demo.Steps; step++ {
		if err := site.SetStep(step); err != nil {
			return err
		}
		for _, slug := range demo.Slugs() {
			p, err := svc.store.PlatformBySlug(ctx, slug)
			if err != nil {
				return err
			}
			ids, err := svc.store.DocumentIDs(ctx, p.ID)
			if err != nil {
				return err
			}
			for _, id := range ids {
				o, err := svc.recorder.Check(ctx, id)
				if err != nil {
					return fmt.Errorf("demo check: %w", err)
				}
				if o.ChangeID != 0 {
					changes++
				}
			}
		}
	}
	fmt.Fprintf(out, "Demo ready: %d changes recorded on %v. Log in as %s with password %q.\n",
		changes, demo.Slugs(), demoEmail, demoPassword)
	return nil
}
