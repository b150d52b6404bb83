package cli

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/workers"
)

// checkHere runs the checks in this process, WorkerConcurrency at a time,
// through the handler the workers run. It serves the in-process Redis: no
// other worker can reach that queue, so sending every check through it and
// polling the database for the outcomes only costs time. Each outcome is
// reported as its check returns, named by labels read once up front.
func checkHere(ctx context.Context, svc *services, ids []int64, timeout time.Duration, report func(store.CheckResult)) ([]store.CheckResult, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	labels, err := svc.store.CheckLabels(ctx, ids)
	if err != nil {
		return nil, err
	}
	handler := &workers.CheckHandler{Recorder: svc.recorder, Log: svc.log}
	type done struct {
		id  int64
		out recorder.Outcome
		err error
	}
	todo := make(chan int64)
	finished := make(chan done)
	var wg sync.WaitGroup
	for range max(1, min(svc.cfg.WorkerConcurrency, len(ids))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range todo {
				out, err := handler.CheckNow(ctx, id)
				finished <- done{id, out, err}
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

	results := make([]store.CheckResult, 0, len(ids))
	for d := range finished {
		r := labels[d.id]
		r.DocumentID = d.id
		if d.err != nil {
			// The check recorded nothing (the database was unreachable,
			// say): the worker pool would have dropped its task.
			r.State, r.LastError = docstate.Error, d.err.Error()
		} else {
			r.State, r.LastError, r.VersionID, r.ChangeID = d.out.State, d.out.Error, d.out.VersionID, d.out.ChangeID
		}
		results = append(results, r)
		report(r)
	}
	if missing := len(ids) - len(results); missing > 0 {
		return results, fmt.Errorf("gave up after %s with %d documents still unchecked", timeout, missing)
	}
	return results, nil
}
