// Package cli holds the clausewatch commands: one file per command, and
// services.go, the one place where every service is built.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// command is one sub-command: it gets its arguments and the output streams.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, out, errOut io.Writer) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":     {"web app + worker + scheduler (default); --no-worker for web only", runServe},
		"worker":    {"background worker only (run many to scale out)", runWorker},
		"scheduler": {"periodic jobs only (safe to run more than one)", runScheduler},
		"migrate":   {"migrate up|down|status", runMigrate},
		"catalogue": {"catalogue import FILE|DIR", runCatalogue},
		"check":     {"check DOCUMENT_ID|--platform SLUG|--all [--format json]", runCheck},
		"extract":   {"extract FILE|URL [--select CSS]… [--remove CSS]…", runExtract},
		"analyze":   {"analyze OLD NEW [--select CSS]… [--remove CSS]… [--format text|json]", runAnalyze},
		"user":      {"user staff EMAIL", runUser},
		"demo":      {"start with demo platforms and a replayed history of changes", runDemo},
		"audit":     {"audit verify FILE", runAudit},
		"plan":      {"plan set ORG PLAN (operator override of an organization's plan)", runPlan},
		"digest":    {"digest send [--org ORG] (send the due weekly digests now)", runDigest},
		"billing":   {"billing reconcile (repair subscriptions from Stripe)", runBilling},
	}
}

// Run dispatches and turns errors into the exit codes of the contract:
// 0 ok, 1 runtime failure, 2 bad usage or bad input.
func Run(args []string, out, errOut io.Writer) int {
	name := "serve"
	if len(args) > 0 && !isFlag(args[0]) {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage(out)
		return 0
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(errOut, "clausewatch: unknown command %q (run `clausewatch help`)\n", name)
		return 2
	}
	if err := analysis.LoadRules(); err != nil {
		fmt.Fprintf(errOut, "clausewatch: provision rules: %s\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := cmd.run(ctx, args, out, errOut)
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(errOut, "clausewatch %s: %s\n", name, oneLine(err.Error()))
		return 2
	}
	fmt.Fprintf(errOut, "clausewatch %s: %s\n", name, err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: clausewatch [command] [arguments]")
	fmt.Fprintln(w)
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-10s %s\n", name, cmds[name].summary)
	}
}

func isFlag(s string) bool { return len(s) > 1 && s[0] == '-' }
