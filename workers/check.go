package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/tracker"
)

// CheckHandler runs document:check tasks.
type CheckHandler struct {
	Tracker *tracker.Service
	Store   *store.Store
}

// ProcessTask checks the document unless this slot was already handled
// (a duplicate delivery after the document moved on).
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
	out, err := h.Tracker.Check(ctx, p.DocumentID)
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
