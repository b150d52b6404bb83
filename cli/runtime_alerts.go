package cli

import (
	"context"
	"log/slog"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/workers"
)

// alertService builds the process's alerts service once. With Redis it
// relays deliveries through the queue; without (operator commands) it
// sends them in the process. It returns nil, after logging why, when mail
// or templates cannot be set up; the recorder then records changes without
// alerts and the error says what to fix.
func (rt *runtime) alertService() *alerts.Service {
	if rt.alerts != nil {
		return rt.alerts
	}
	tmpl, sender, err := rt.mailKit()
	if err != nil {
		rt.log.Error("alerts disabled: mail", slog.String("error", err.Error()))
		return nil
	}
	if err := rt.cfg.EnsureSessionSecret(); err != nil {
		rt.log.Error("alerts disabled: unsubscribe links need the session secret", slog.String("error", err.Error()))
		return nil
	}
	d := alerts.Deps{
		Store: rt.store, Mail: sender, Templates: tmpl, BaseURL: rt.cfg.BaseURL, Secret: rt.cfg.SessionSecret,
		AllowPrivate: rt.cfg.FetchAllowPrivate, Log: rt.log,
	}
	if rt.redis != nil {
		client, err := workers.NewClient(rt.redis)
		if err != nil {
			rt.log.Error("alerts disabled: queue", slog.String("error", err.Error()))
			return nil
		}
		rt.closers = append(rt.closers, client.Close)
		d.Queue = workers.AlertQueue{Client: client}
	}
	rt.alerts = alerts.New(d)
	return rt.alerts
}

// withAlerts adds the alerts service to the recorder's hooks, keeping the
// hooks already set: the outbox is written in the change's transaction,
// its deliveries are relayed right after the commit, and failing and
// recovered documents send source-health notices.
func withAlerts(h recorder.Hooks, al *alerts.Service) recorder.Hooks {
	if al == nil {
		return h
	}
	failing, checked := h.Failing, h.Checked
	h.Failing = func(doc *store.Document, err error) {
		if failing != nil {
			failing(doc, err)
		}
		al.DocumentFailing(doc, err)
	}
	h.Checked = func(o recorder.Outcome) {
		if checked != nil {
			checked(o)
		}
		if o.ChangeID != 0 {
			al.ChangeRecorded(context.Background(), o.ChangeID)
		}
	}
	h.Change = al.WriteOutbox
	h.Recovered = al.DocumentRecovered
	return h
}
