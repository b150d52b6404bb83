package workers

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hibiken/asynq"
)

// retryDelay is the wait before a failed task runs again. A task whose
// worker died (its lease expired) runs again at once: only the process
// failed, and the task's own guards (the slot, the delivery claim) keep the
// effect single. Other failures are mostly the database or Redis away for a
// moment (a restart, a failover): the wait doubles from 10 s to at most two
// minutes, so that three retries span more than a minute and carry a task
// across a half-minute outage, and a fifth of jitter keeps the tasks that
// failed together from all coming back at the same instant.
func retryDelay(n int, err error, _ *asynq.Task) time.Duration {
	if errors.Is(err, asynq.ErrLeaseExpired) {
		return time.Second
	}
	d := min(10*time.Second<<min(n, 4), 2*time.Minute)
	return d + time.Duration(rand.Int64N(int64(d/5)))
}

// releaseExhausted turns the last failure of a task into asynq.RevokeTask,
// so that Asynq deletes the task instead of archiving it. Every task here
// is derived from the database (a due document, a due delivery row, a
// periodic job); an archived task keeps its TaskID taken, so the sweep
// could not enqueue that document's slot or that delivery attempt again
// and the work would wait for the archive to expire. Deleted, it is
// enqueued again by the next sweep. SkipRetry (a bad payload, a document
// that is gone) still archives, for inspection.
func releaseExhausted(next asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		err := next.ProcessTask(ctx, t)
		if err == nil || errors.Is(err, asynq.SkipRetry) || errors.Is(err, asynq.RevokeTask) {
			return err
		}
		retried, _ := asynq.GetRetryCount(ctx)
		maxRetry, _ := asynq.GetMaxRetry(ctx)
		if retried < maxRetry {
			return err
		}
		return fmt.Errorf("%w; dropped after %d retries, the next sweep enqueues it again: %w", err, retried, asynq.RevokeTask)
	})
}
