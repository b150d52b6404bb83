package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/workers"
)

// checkSummary is the --format json output of the check command.
type checkSummary struct {
	Documents int     `json:"documents"`
	Versions  int     `json:"versions"`
	Changes   int     `json:"changes"`
	Failed    int     `json:"failed"`
	Seconds   float64 `json:"seconds"`
}

func runCheck(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	platform := fs.String("platform", "", "check every document of this platform")
	all := fs.Bool("all", false, "check every document")
	format := fs.String("format", "text", "text or json")
	timeout := fs.Duration("timeout", 15*time.Minute, "give up waiting after this long")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	selectors := 0
	for _, set := range []bool{*platform != "", *all, len(rest) > 0} {
		if set {
			selectors++
		}
	}
	if selectors != 1 || len(rest) > 1 {
		return usagef("usage: check DOCUMENT_ID | --platform SLUG | --all [--format json]")
	}
	if *format != "text" && *format != "json" {
		return usagef("--format must be text or json")
	}
	start := time.Now()
	svc, err := openServices(ctx, "check", redisAny)
	if err != nil {
		return err
	}
	defer svc.close()

	ids, err := selectDocuments(ctx, svc.store, rest, *platform)
	if err != nil {
		return err
	}
	// This process joins the worker pool for the run: on the in-process
	// Redis no other worker could take the alert deliveries its changes
	// enqueue (the checks themselves run in checkHere), so it starts when
	// the first one is queued; next to other workers it takes its share of
	// the checks from the start.
	srv, err := svc.newWorker(workers.ServerOptions{PollInterval: 20 * time.Millisecond})
	if err != nil {
		return err
	}
	defer srv.Shutdown() // nothing to do if it never started
	if svc.redis.Embedded() && svc.deliveries != nil {
		svc.deliveries.start = srv.Start
	} else if err := srv.Start(); err != nil {
		return err
	}

	report := func(r store.CheckResult) {
		if *format == "text" {
			fmt.Fprintln(out, describeResult(r))
		}
	}
	var results []store.CheckResult
	if svc.redis.Embedded() {
		results, err = checkHere(ctx, svc, ids, *timeout, report)
	} else {
		results, err = checkThroughQueue(ctx, svc, ids, *timeout, report)
	}
	if err != nil {
		return err
	}
	sum := checkSummary{Documents: len(results), Seconds: roundSeconds(time.Since(start))}
	for _, r := range results {
		if r.VersionID != 0 {
			sum.Versions++
		}
		if r.ChangeID != 0 {
			sum.Changes++
		}
		if r.State != docstate.OK {
			sum.Failed++
		}
	}
	if *format == "json" {
		return json.NewEncoder(out).Encode(sum)
	}
	fmt.Fprintf(out, "checked %d documents in %.1fs: %d new versions, %d changes, %d failed\n",
		sum.Documents, sum.Seconds, sum.Versions, sum.Changes, sum.Failed)
	return nil
}

func selectDocuments(ctx context.Context, st *store.Store, rest []string, platform string) ([]int64, error) {
	switch {
	case len(rest) == 1:
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil || id <= 0 {
			return nil, usagef("document id must be a positive number, got %q", rest[0])
		}
		if _, err := st.Document(ctx, id); errors.Is(err, store.ErrNotFound) {
			return nil, usagef("no document %d", id)
		} else if err != nil {
			return nil, err
		}
		return []int64{id}, nil
	case platform != "":
		p, err := st.PlatformBySlug(ctx, platform)
		if errors.Is(err, store.ErrNotFound) {
			return nil, usagef("no platform %q in the catalogue", platform)
		} else if err != nil {
			return nil, err
		}
		return st.DocumentIDs(ctx, p.ID)
	default:
		return st.DocumentIDs(ctx, 0)
	}
}

// checkThroughQueue enqueues a check of every document and waits for the
// worker pool, this process included, to record them.
func checkThroughQueue(ctx context.Context, svc *services, ids []int64, timeout time.Duration, report func(store.CheckResult)) ([]store.CheckResult, error) {
	since := time.Now().UTC().Add(-time.Millisecond)
	runID := randomID()
	for _, id := range ids {
		t, err := workers.NewManualCheckTask(id, runID)
		if err != nil {
			return nil, err
		}
		if _, err := svc.queue.EnqueueContext(ctx, t); err != nil {
			return nil, fmt.Errorf("enqueue check of document %d: %w", id, err)
		}
	}
	return waitForChecks(ctx, svc, ids, runID, since, timeout, report)
}

// waitForChecks polls the database until every document was checked in
// this run, or its task failed for good, reporting each as it completes.
func waitForChecks(ctx context.Context, svc *services, ids []int64, runID string, since time.Time, timeout time.Duration, report func(store.CheckResult)) ([]store.CheckResult, error) {
	opt, err := svc.redis.ConnOpt()
	if err != nil {
		return nil, err
	}
	inspector := asynq.NewInspector(opt)
	defer inspector.Close()
	pending := map[int64]bool{}
	for _, id := range ids {
		pending[id] = true
	}
	var results []store.CheckResult
	deadline := time.After(timeout)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for ticks := 1; len(pending) > 0; ticks++ {
		select {
		case <-ctx.Done():
			return results, ctx.Err()
		case <-deadline:
			return results, fmt.Errorf("gave up after %s with %d documents still unchecked (are workers running?)", timeout, len(pending))
		case <-tick.C:
		}
		waiting := make([]int64, 0, len(pending))
		for id := range pending {
			waiting = append(waiting, id)
		}
		done, err := svc.store.CheckedSince(ctx, waiting, since)
		if err != nil {
			return results, err
		}
		for _, r := range done {
			delete(pending, r.DocumentID)
			results = append(results, r)
			report(r)
		}
		if ticks%20 != 0 {
			continue // failed tasks are rare; look for them once a second
		}
		for _, r := range archivedChecks(inspector, runID, pending) {
			delete(pending, r.DocumentID)
			results = append(results, r)
			report(r)
		}
	}
	return results, nil
}

// archivedChecks finds this run's tasks that failed without recording an
// outcome (the database was unreachable, say).
func archivedChecks(in *asynq.Inspector, runID string, pending map[int64]bool) []store.CheckResult {
	tasks, err := in.ListArchivedTasks(workers.QueueCritical, asynq.PageSize(1000))
	if err != nil {
		return nil
	}
	var out []store.CheckResult
	suffix := ":run-" + runID
	for _, t := range tasks {
		if !strings.HasSuffix(t.ID, suffix) {
			continue
		}
		var p workers.CheckDocumentPayload
		if json.Unmarshal(t.Payload, &p) != nil || !pending[p.DocumentID] {
			continue
		}
		out = append(out, store.CheckResult{DocumentID: p.DocumentID, State: docstate.Error, LastError: t.LastErr})
	}
	return out
}

func describeResult(r store.CheckResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\t%s\t%s\t%s", r.DocumentID, r.Platform, r.DocType, r.State)
	switch {
	case r.ChangeID != 0:
		fmt.Fprintf(&b, "\tnew version %d, change %d", r.VersionID, r.ChangeID)
	case r.VersionID != 0:
		fmt.Fprintf(&b, "\tnew version %d", r.VersionID)
	case r.State == docstate.OK:
		b.WriteString("\tunchanged")
	default:
		fmt.Fprintf(&b, "\t%s", r.LastError)
	}
	return b.String()
}

func randomID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func roundSeconds(d time.Duration) float64 {
	return float64(d.Round(10*time.Millisecond).Milliseconds()) / 1000
}

func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
