package workers

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/store"
)

// SweepHandler enqueues a check for every due document. The database is the
// source of truth: if Redis lost the queue, the next sweep enqueues again.
type SweepHandler struct {
	Store  *store.Store
	Client *asynq.Client
	Log    *slog.Logger
}

const sweepBatch = 500

// ProcessTask enqueues due documents in batches.
func (h *SweepHandler) ProcessTask(ctx context.Context, _ *asynq.Task) error {
	n, err := h.Sweep(ctx, time.Now().UTC())
	if n > 0 {
		h.Log.Info("sweep enqueued checks", slog.Int("documents", n))
	}
	return err
}

// Sweep enqueues the documents due at now and returns how many it enqueued.
func (h *SweepHandler) Sweep(ctx context.Context, now time.Time) (int, error) {
	var after int64
	enqueued := 0
	for {
		due, err := h.Store.DueDocuments(ctx, now, after, sweepBatch)
		if err != nil {
			return enqueued, err
		}
		for _, d := range due {
			t, err := NewCheckDocumentTask(d.ID, d.NextCheckAt)
			if err != nil {
				return enqueued, err
			}
			_, err = h.Client.EnqueueContext(ctx, t)
			switch {
			case err == nil:
				enqueued++
			case errors.Is(err, asynq.ErrTaskIDConflict), errors.Is(err, asynq.ErrDuplicateTask):
				// Already queued or just done for this slot.
			default:
				return enqueued, err
			}
			after = d.ID
		}
		if len(due) < sweepBatch {
			return enqueued, nil
		}
	}
}
