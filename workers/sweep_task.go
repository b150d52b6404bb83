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
	// Inspector, when set, frees a slot whose task was archived (its worker
	// died during the last retry): an archived task keeps its TaskID, which
	// would block the document's slot for good.
	Inspector *asynq.Inspector
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
	var after store.DueDocument
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
			if errors.Is(err, asynq.ErrTaskIDConflict) && h.freeArchived(checkTaskID(d.ID, d.NextCheckAt)) {
				_, err = h.Client.EnqueueContext(ctx, t)
			}
			switch {
			case err == nil:
				enqueued++
			case errors.Is(err, asynq.ErrTaskIDConflict), errors.Is(err, asynq.ErrDuplicateTask):
				// Already queued or running for this slot.
			default:
				return enqueued, err
			}
			after = d
		}
		if len(due) < sweepBatch {
			return enqueued, nil
		}
	}
}

// freeArchived deletes the task with id if it sits in the archive, and
// reports whether it did.
func (h *SweepHandler) freeArchived(id string) bool {
	if h.Inspector == nil {
		return false
	}
	info, err := h.Inspector.GetTaskInfo(QueueDefault, id)
	if err != nil || info.State != asynq.TaskStateArchived {
		return false
	}
	if err := h.Inspector.DeleteTask(QueueDefault, id); err != nil {
		h.Log.Warn("free archived check", slog.String("task_id", id), slog.String("error", err.Error()))
		return false
	}
	h.Log.Info("archived check released for the sweep", slog.String("task_id", id))
	return true
}
