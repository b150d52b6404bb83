package stripebilling

import (
	"errors"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics count webhook events by type and outcome, and events whose API
// version differs from the library's (accepted, but worth knowing).
type metrics struct {
	events          *prometheus.CounterVec
	versionMismatch prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clausewatch_stripe_events_total",
			Help: "Stripe webhook events by type and outcome (applied, duplicate, stale, ignored, unlinked).",
		}, []string{"type", "outcome"}),
		versionMismatch: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "clausewatch_stripe_event_api_version_mismatch_total",
			Help: "Stripe webhook events whose api_version differs from the one stripe-go expects.",
		}),
	}
	if reg == nil {
		return m, nil
	}
	var err error
	m.events, err = register(reg, m.events)
	if err != nil {
		return nil, err
	}
	m.versionMismatch, err = register(reg, m.versionMismatch)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// register adds c to reg, or returns the collector already registered
// under its name: the web app and the worker of one process share a
// registry.
func register[C prometheus.Collector](reg prometheus.Registerer, c C) (C, error) {
	err := reg.Register(c)
	var are prometheus.AlreadyRegisteredError
	if errors.As(err, &are) {
		if existing, ok := are.ExistingCollector.(C); ok {
			return existing, nil
		}
	}
	if err != nil {
		return c, fmt.Errorf("register billing metrics: %w", err)
	}
	return c, nil
}
