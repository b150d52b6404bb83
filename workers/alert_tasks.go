package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/store"
)

// Alert task types.
const (
	TypeDeliverAlert = "alert:deliver"
	TypeAlertSweep   = "alerts:sweep"
	TypeDigests      = "alerts:digest"
)

// DeliverAlertPayload names the delivery row to send.
type DeliverAlertPayload struct {
	DeliveryID int64 `json:"delivery_id"`
}

// alertTimeout bounds one delivery: an SMTP exchange or a webhook POST.
const alertTimeout = time.Minute

// NewDeliverAlertTask builds the relay of one delivery attempt. Its TaskID
// is the delivery id and attempt number, so the enqueue after commit and
// the sweep produce one task; the row's claim keeps the send single
// whatever reaches the worker.
func NewDeliverAlertTask(d store.DueDelivery, at time.Time) (*asynq.Task, error) {
	p, err := json.Marshal(DeliverAlertPayload{DeliveryID: d.ID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeDeliverAlert, p,
		asynq.TaskID(fmt.Sprintf("alert:%d:%d", d.ID, d.Attempts)),
		asynq.Queue(QueueCritical),
		// Failed sends are the row's business (backoff, attempts, failed
		// state). The task is retried only when the bookkeeping failed (the
		// database away for a moment) or its worker died, and with retries
		// left Asynq runs it again instead of archiving it; the claim keeps
		// the send single whoever runs it.
		asynq.MaxRetry(3),
		asynq.Timeout(alertTimeout),
		asynq.ProcessAt(at),
	), nil
}

// NewAlertSweepTask builds the periodic relay of due deliveries.
func NewAlertSweepTask() *asynq.Task {
	return asynq.NewTask(TypeAlertSweep, nil, asynq.Queue(QueueDefault), asynq.MaxRetry(1),
		asynq.Unique(25*time.Second), asynq.Timeout(2*time.Minute))
}

// NewDigestsTask builds the periodic run of the weekly digests that are due.
func NewDigestsTask() *asynq.Task {
	return asynq.NewTask(TypeDigests, nil, asynq.Queue(QueueDefault), asynq.MaxRetry(1),
		asynq.Unique(10*time.Minute), asynq.Timeout(10*time.Minute))
}

// AlertQueue enqueues deliveries as Asynq tasks; it is the alerts
// service's Queue.
type AlertQueue struct {
	Client *asynq.Client
}

// EnqueueDelivery enqueues one attempt; an attempt already queued is not
// an error.
func (q AlertQueue) EnqueueDelivery(ctx context.Context, d store.DueDelivery, at time.Time) error {
	t, err := NewDeliverAlertTask(d, at)
	if err != nil {
		return err
	}
	_, err = q.Client.EnqueueContext(ctx, t)
	if err == nil || errors.Is(err, asynq.ErrTaskIDConflict) || errors.Is(err, asynq.ErrDuplicateTask) {
		return nil
	}
	return fmt.Errorf("enqueue delivery %d: %w", d.ID, err)
}

// DeliverAlertHandler runs alert:deliver tasks.
type DeliverAlertHandler struct {
	Alerts *alerts.Service
}

// ProcessTask sends the delivery if it is still due.
func (h *DeliverAlertHandler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	var p DeliverAlertPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.DeliveryID <= 0 {
		return fmt.Errorf("bad payload %q: %w", t.Payload(), asynq.SkipRetry)
	}
	return h.Alerts.Deliver(ctx, p.DeliveryID)
}

// AlertSweepHandler relays deliveries whose time has come.
type AlertSweepHandler struct {
	Alerts *alerts.Service
	Log    *slog.Logger
}

// ProcessTask runs the sweep.
func (h *AlertSweepHandler) ProcessTask(ctx context.Context, _ *asynq.Task) error {
	n, err := h.Alerts.Sweep(ctx)
	if n > 0 {
		h.Log.Info("alert sweep relayed deliveries", slog.Int("deliveries", n))
	}
	return err
}

// DigestsHandler makes the weekly digests that are due.
type DigestsHandler struct {
	Alerts *alerts.Service
}

// ProcessTask sends the due digests.
func (h *DigestsHandler) ProcessTask(ctx context.Context, _ *asynq.Task) error {
	_, err := h.Alerts.SendDigests(ctx, 0, false)
	return err
}
