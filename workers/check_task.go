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
	out, ran, err := h.check(ctx, p)
	if err != nil || !ran {
		return err
	}
	if w := t.ResultWriter(); w != nil {
		if b, err := json.Marshal(out); err == nil {
			_, _ = w.Write(b)
		}
	}
	return nil
}

// check runs one check task; ran is false when there was nothing to do
// (the slot was handled already) or the check was put off.
func (h *CheckHandler) check(ctx context.Context, p CheckDocumentPayload) (out recorder.Outcome, ran bool, err error) {
	if p.Slot != 0 {
		out, err = h.Recorder.CheckDue(ctx, p.DocumentID, p.Slot)
	} else {
		out, err = h.Recorder.Check(ctx, p.DocumentID)
	}
	if errors.Is(err, recorder.ErrSlotChecked) {
		return out, false, nil
	}
	if errors.Is(err, fetch.ErrHostBusy) {
		// Still due: the next sweep enqueues it again, by which time the
		// slow page ahead of it has been read or has timed out.
		h.Log.Info("check put off: its host is busy with another check", slog.Int64("document_id", p.DocumentID))
		return out, false, nil
	}
	if errors.Is(err, store.ErrNotFound) {
		return out, false, fmt.Errorf("document %d is gone: %w", p.DocumentID, asynq.SkipRetry)
	}
	return out, err == nil, err
}

// CheckNow runs a check asked for now in the calling goroutine, as a
// worker runs the task NewManualCheckTask builds, within the same time
// bound. The check command uses it when the queue is the in-process Redis,
// which no other worker can reach: the round trip through it only costs.
// It returns the check's outcome.
func (h *CheckHandler) CheckNow(ctx context.Context, documentID int64) (recorder.Outcome, error) {
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	out, ran, err := h.check(ctx, CheckDocumentPayload{DocumentID: documentID})
	if err == nil && !ran {
		err = fmt.Errorf("document %d: check put off", documentID)
	}
	return out, err
}
