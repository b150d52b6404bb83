package cli

import (
	"time"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/watchlist"
)

// mailKit returns the process's templates and mail sender, built once:
// the web app, the alerts, billing and watchlist services share them.
func (rt *runtime) mailKit() (*templates.Templates, mail.Sender, error) {
	if rt.tmpl != nil {
		return rt.tmpl, rt.sender, nil
	}
	tmpl, err := templates.New()
	if err != nil {
		return nil, nil, err
	}
	sender, err := mail.New(rt.cfg, rt.log)
	if err != nil {
		return nil, nil, err
	}
	rt.tmpl, rt.sender = tmpl, sender
	return tmpl, sender, nil
}

// billingService returns the process's Stripe billing service, built
// once, or nil when billing is not configured.
func (rt *runtime) billingService() (*stripebilling.Service, error) {
	if rt.billing != nil || !rt.cfg.BillingEnabled() {
		return rt.billing, nil
	}
	tmpl, sender, err := rt.mailKit()
	if err != nil {
		return nil, err
	}
	svc, err := stripebilling.New(stripebilling.Deps{
		Config: rt.cfg, Store: rt.store, Mail: sender, Templates: tmpl, Log: rt.log, Metrics: rt.metrics,
		Now: func() time.Time { return time.Now().UTC() },
	})
	if err != nil {
		return nil, err
	}
	rt.billing = svc
	return svc, nil
}

// newWatchlist builds the watchlist service; tr may be nil where no custom
// URL is added (then nothing is checked at once).
func (rt *runtime) newWatchlist(tr *recorder.Service) (*watchlist.Service, error) {
	tmpl, sender, err := rt.mailKit()
	if err != nil {
		return nil, err
	}
	d := watchlist.Deps{
		Store: rt.store, Mail: sender, Templates: tmpl, BaseURL: rt.cfg.BaseURL,
		AllowPrivate: rt.cfg.FetchAllowPrivate, Log: rt.log, Now: func() time.Time { return time.Now().UTC() },
	}
	if tr != nil {
		d.Checker = tr
	}
	return watchlist.New(d), nil
}
