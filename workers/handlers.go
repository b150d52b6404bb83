package workers

import (
	"log/slog"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
)

// Deps are what the task handlers need.
type Deps struct {
	Store    *store.Store
	Recorder *recorder.Service
	Client   *asynq.Client
	// Inspector lets the sweep release archived checks; may be nil.
	Inspector *asynq.Inspector
	Log       *slog.Logger
	// Billing is nil when billing is not configured.
	Billing Billing
	// Alerts relays alert deliveries and digests; nil leaves their tasks
	// out.
	Alerts *alerts.Service
}

// Handlers maps every task type to its handler.
func Handlers(d Deps) map[string]asynq.Handler {
	h := map[string]asynq.Handler{
		TypeCheckDocument:    &CheckHandler{Recorder: d.Recorder, Store: d.Store, Log: d.Log},
		TypeSweep:            &SweepHandler{Store: d.Store, Client: d.Client, Log: d.Log, Inspector: d.Inspector},
		TypeBillingReconcile: &BillingHandler{Billing: d.Billing, Log: d.Log},
		TypeBillingRecheck:   &BillingHandler{Billing: d.Billing, Log: d.Log},
	}
	if d.Alerts != nil {
		h[TypeDeliverAlert] = &DeliverAlertHandler{Alerts: d.Alerts}
		h[TypeAlertSweep] = &AlertSweepHandler{Alerts: d.Alerts, Log: d.Log}
		h[TypeDigests] = &DigestsHandler{Alerts: d.Alerts}
	}
	return h
}

// NewClient returns an Asynq client with its own connection to r.
func NewClient(r *Redis) (*asynq.Client, error) {
	opt, err := r.ConnOpt()
	if err != nil {
		return nil, err
	}
	return asynq.NewClient(opt), nil
}
