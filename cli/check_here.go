package cli

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/workers"
)

// checkHere runs the checks in this process, WorkerConcurrency at a time,
// through the handler the workers run. It serves the in-process Redis: no
// other worker can reach that queue, so sending every check through it and
// polling for the outcomes only costs time. Outcomes are read back from the
// database in batches, as they complete, and reported.
func checkHere(ctx context.Context, svc *services, ids []int64, since time.Time, timeout time.Duration, report func(store.CheckResult)) ([]store.CheckResult, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	handler := &workers.CheckHandler{Recorder: svc.recorder, Store: svc.store, Log: svc.log}
	type done struct {
		id  int64
		err error
	}
	todo := make(chan int64)
	finished := make(chan done, len(ids))
	var wg sync.WaitGroup
	for range max(1, min(svc.cfg.WorkerConcurrency, len(ids))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range todo {
				finished <- done{id, handler.CheckNow(ctx, id)}
			}
		}()
	}
	go func() {
		defer close(todo)
		for _, id := range ids {
			select {
			case todo <- id:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(finished) }()

	var (
		results []store.CheckResult
		checked []int64 // checked since the last report
	)
	flush := func() error {
		if len(checked) == 0 {
			return nil
		}
		rs, err := svc.store.CheckedSince(ctx, checked, since)
		if err != nil {
			return err
		}
		for _, r := range rs {
			results = append(results, r)
			report(r)
		}
		checked = checked[:0]
		return nil
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case d, ok := <-finished:
			if !ok {
				if err := flush(); err != nil {
					return results, err
				}
				if missing := len(ids) - len(results); ctx.Err() != nil && missing > 0 {
					return results, fmt.Errorf("gave up after %s with %d documents still unchecked", timeout, missing)
				} else if missing > 0 {
					return results, fmt.Errorf("%d documents were checked but no outcome was recorded", missing)
				}
				return results, nil
			}
			if d.err != nil {
				// The check recorded nothing (the database was
				// unreachable, say): the worker pool would have
				// dropped its task.
				r := store.CheckResult{DocumentID: d.id, State: docstate.Error, LastError: d.err.Error()}
				results = append(results, r)
				report(r)
				continue
			}
			checked = append(checked, d.id)
		case <-tick.C:
			if err := flush(); err != nil {
				return results, err
			}
		}
	}
}
