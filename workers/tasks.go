// Package workers holds the background jobs: Asynq task types, their
// payloads and handlers, the worker server and the periodic scheduler.
package workers

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
)

// Task types.
const (
	TypeCheckDocument = "document:check"
	TypeSweep         = "documents:sweep"
)

// Queues, by priority: checks asked for by a person go first.
const (
	QueueCritical = "critical"
	QueueDefault  = "default"
)

// CheckDocumentPayload names the document and the schedule slot the check
// belongs to: the document's next_check_at in Unix milliseconds. Slot 0
// means "now, on request".
type CheckDocumentPayload struct {
	DocumentID int64 `json:"document_id"`
	Slot       int64 `json:"slot"`
}

// checkTimeout bounds one check: the fetch's own 30 s total per source,
// plus extraction, diff and recording.
const checkTimeout = 2 * time.Minute

// NewCheckDocumentTask builds a scheduled check. Its TaskID is derived from
// the document and the slot, so several schedulers enqueueing the same slot
// produce one task.
func NewCheckDocumentTask(documentID int64, slot time.Time) (*asynq.Task, error) {
	p, err := json.Marshal(CheckDocumentPayload{DocumentID: documentID, Slot: slot.UnixMilli()})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeCheckDocument, p,
		asynq.TaskID(checkTaskID(documentID, slot)),
		asynq.Queue(QueueDefault),
		asynq.MaxRetry(3),
		asynq.Timeout(checkTimeout),
	), nil
}

func checkTaskID(documentID int64, slot time.Time) string {
	return fmt.Sprintf("check:%d:%d", documentID, slot.UnixMilli())
}

// NewManualCheckTask builds a check asked for now (the check command, a
// new custom document). runID keeps one request's tasks apart from
// another's; it runs once, its outcome is recorded on the document.
func NewManualCheckTask(documentID int64, runID string) (*asynq.Task, error) {
	p, err := json.Marshal(CheckDocumentPayload{DocumentID: documentID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeCheckDocument, p,
		asynq.TaskID(fmt.Sprintf("check:%d:run-%s", documentID, runID)),
		asynq.Queue(QueueCritical),
		asynq.MaxRetry(0),
		asynq.Timeout(checkTimeout),
	), nil
}

// NewSweepTask builds the periodic sweep; Unique keeps two schedulers from
// enqueuing it twice in the same period.
func NewSweepTask() *asynq.Task {
	return asynq.NewTask(TypeSweep, nil, asynq.Queue(QueueDefault), asynq.MaxRetry(1),
		asynq.Unique(25*time.Second), asynq.Timeout(5*time.Minute))
}
