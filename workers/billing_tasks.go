package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
)

// Billing task types.
const (
	TypeBillingReconcile = "billing:reconcile"
	TypeBillingRecheck   = "billing:recheck"
)

// Billing repairs subscriptions; the Stripe billing service implements
// it. Nil when billing is not configured.
type Billing interface {
	Reconcile(ctx context.Context) (*stripebilling.Report, error)
	RecheckPlans(ctx context.Context) ([]stripebilling.Repair, error)
}

// NewBillingReconcileTask builds the daily re-read of subscriptions from
// Stripe; Unique keeps several schedulers from enqueuing it twice.
func NewBillingReconcileTask() *asynq.Task {
	return asynq.NewTask(TypeBillingReconcile, nil, asynq.Queue(QueueDefault), asynq.MaxRetry(3),
		asynq.Unique(23*time.Hour), asynq.Timeout(30*time.Minute))
}

// NewBillingRecheckTask builds the hourly recheck of plans against the
// stored subscriptions, which ends grace periods on time.
func NewBillingRecheckTask() *asynq.Task {
	return asynq.NewTask(TypeBillingRecheck, nil, asynq.Queue(QueueDefault), asynq.MaxRetry(1),
		asynq.Unique(55*time.Minute), asynq.Timeout(10*time.Minute))
}

// BillingHandler runs both billing tasks.
type BillingHandler struct {
	Billing Billing
	Log     *slog.Logger
}

// ProcessTask reconciles or rechecks; without billing it does nothing.
func (h *BillingHandler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	if h.Billing == nil {
		return nil
	}
	switch t.Type() {
	case TypeBillingReconcile:
		rep, err := h.Billing.Reconcile(ctx)
		if rep != nil {
			h.Log.InfoContext(ctx, "billing reconciled", slog.Int("checked", rep.Checked),
				slog.Int("repaired", len(rep.Repairs)), slog.Int("failed", rep.Failed))
		}
		if err != nil {
			return fmt.Errorf("reconcile billing: %w", err)
		}
	case TypeBillingRecheck:
		if _, err := h.Billing.RecheckPlans(ctx); err != nil {
			return fmt.Errorf("recheck billing plans: %w", err)
		}
	default:
		return fmt.Errorf("billing handler got task %s: %w", t.Type(), asynq.SkipRetry)
	}
	return nil
}
