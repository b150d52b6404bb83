package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
)

// CheckHandler runs document:check tasks.
type CheckHandler struct {
	Recorder *recorder.Service
	Store    *store.Store
	Log      *slog.Logger
}

// ProcessTask checks the document unless this slot was already handled
// (a duplicate delivery after the document moved on). A scheduled check
// does not queue long behind a busy host; a check asked for by a person
// waits its turn.
func (h *CheckHandler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	var p CheckDocumentPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.DocumentID <= 0 {
		return fmt.Errorf("bad payload %q: %w", t.Payload(), asynq.SkipRetry)
	}
	if p.Slot != 0 {
		doc, err := h.Store.Document(ctx, p.DocumentID)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("document %d is gone: %w", p.DocumentID, asynq.SkipRetry)
		}
		if err != nil {
			return err
		}
		if doc.NextCheckAt.UnixMilli() > p.Slot {
			return nil // already checked for this slot
		}
	}
	check := h.Recorder.Check
	if p.Slot != 0 {
		check = h.Recorder.CheckDue
	}
	out, err := check(ctx, p.DocumentID)
	if errors.Is(err, fetch.ErrHostBusy) {
		// Still due: the next sweep enqueues it again, by which time the
		// slow page ahead of it has been read or has timed out.
		h.Log.Info("check put off: its host is busy with another check", slog.Int64("document_id", p.DocumentID))
		return nil
	}
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("document %d is gone: %w", p.DocumentID, asynq.SkipRetry)
	}
	if err != nil {
		return err
	}
	if w := t.ResultWriter(); w != nil {
		if b, err := json.Marshal(out); err == nil {
			_, _ = w.Write(b)
		}
	}
	return nil
}

// CheckNow runs a check asked for now in the calling goroutine, as a
// worker runs the task NewManualCheckTask builds, within the same time
// bound. The check command uses it when the queue is the in-process Redis,
// which no other worker can reach: the round trip through it only costs.
func (h *CheckHandler) CheckNow(ctx context.Context, documentID int64) error {
	t, err := NewManualCheckTask(documentID, "now")
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	return h.ProcessTask(ctx, t)
}
