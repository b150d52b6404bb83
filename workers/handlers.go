package workers

import (
	"fmt"
	"log/slog"
	"sort"
	"strings"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
)

// Deps are what the task handlers need. Every field is required except
// Inspector and Billing.
type Deps struct {
	Store    *store.Store
	Recorder *recorder.Service
	Client   *asynq.Client
	// Inspector lets the sweep release archived checks; may be nil.
	Inspector *asynq.Inspector
	Log       *slog.Logger
	// Billing is nil when billing is not configured.
	Billing Billing
	// Alerts relays alert deliveries and digests.
	Alerts *alerts.Service
}

// Handlers maps every task type to its handler. A worker without one of
// them would leave its tasks to pile up, so a missing dependency is an
// error, not a smaller map.
func Handlers(d Deps) (map[string]asynq.Handler, error) {
	var missing []string
	for name, absent := range map[string]bool{
		"store": d.Store == nil, "recorder": d.Recorder == nil, "queue client": d.Client == nil,
		"logger": d.Log == nil, "alerts": d.Alerts == nil,
	} {
		if absent {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("worker handlers: missing %s", strings.Join(missing, ", "))
	}
	return map[string]asynq.Handler{
		TypeCheckDocument:    &CheckHandler{Recorder: d.Recorder, Log: d.Log},
		TypeSweep:            &SweepHandler{Store: d.Store, Client: d.Client, Log: d.Log, Inspector: d.Inspector},
		TypeBillingReconcile: &BillingHandler{Billing: d.Billing, Log: d.Log},
		TypeBillingRecheck:   &BillingHandler{Billing: d.Billing, Log: d.Log},
		TypeDeliverAlert:     &DeliverAlertHandler{Alerts: d.Alerts},
		TypeAlertSweep:       &AlertSweepHandler{Alerts: d.Alerts, Log: d.Log},
		TypeDigests:          &DigestsHandler{Alerts: d.Alerts},
	}, nil
}

// NewClient returns an Asynq client with its own connection to r.
func NewClient(r *Redis) (*asynq.Client, error) {
	opt, err := r.ConnOpt()
	if err != nil {
		return nil, err
	}
	return asynq.NewClient(opt), nil
}
