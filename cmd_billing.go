package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/workers"
)

// runBilling is `billing reconcile`: re-read from Stripe every
// subscription it may still bill, repair what webhooks missed, and print
// each repair.
func runBilling(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 1 || args[0] != "reconcile" {
		return usagef("usage: billing reconcile")
	}
	rt, err := openRuntime(ctx, false)
	if err != nil {
		return err
	}
	defer rt.close()
	if !rt.cfg.BillingEnabled() {
		return usagef("billing is not configured: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET)")
	}
	tmpl, err := templates.New()
	if err != nil {
		return err
	}
	sender, err := mail.New(rt.cfg, rt.log)
	if err != nil {
		return err
	}
	svc, err := rt.newBilling(sender, tmpl)
	if err != nil {
		return err
	}
	rep, err := svc.Reconcile(ctx)
	if rep != nil {
		for _, r := range rep.Repairs {
			sub := r.Subscription
			if sub == "" {
				sub = "-"
			}
			fmt.Fprintf(out, "organization %d subscription %s: %s\n", r.OrganizationID, sub, r.What)
		}
		fmt.Fprintf(out, "%d subscriptions checked, %d repaired, %d could not be read\n", rep.Checked, len(rep.Repairs), rep.Failed)
	}
	return err
}

// newBilling builds the Stripe billing service, or returns nil when
// billing is not configured.
func (rt *runtime) newBilling(sender mail.Sender, tmpl *templates.Templates) (*stripebilling.Service, error) {
	if !rt.cfg.BillingEnabled() {
		return nil, nil
	}
	return stripebilling.New(stripebilling.Deps{
		Config: rt.cfg, Store: rt.store, Mail: sender, Templates: tmpl, Log: rt.log, Metrics: rt.metrics,
		Now: func() time.Time { return time.Now().UTC() },
	})
}

// workerBilling is the billing service for the billing tasks, or nil when
// billing is not configured.
func (rt *runtime) workerBilling() (workers.Billing, error) {
	if !rt.cfg.BillingEnabled() {
		return nil, nil
	}
	tmpl, err := templates.New()
	if err != nil {
		return nil, err
	}
	sender, err := mail.New(rt.cfg, rt.log)
	if err != nil {
		return nil, err
	}
	return rt.newBilling(sender, tmpl)
}
