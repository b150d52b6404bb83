package cli

import (
	"context"
	"fmt"
	"io"
)

// runBilling is `billing reconcile`: re-read from Stripe every
// subscription it may still bill, repair what webhooks missed, and print
// each repair.
func runBilling(ctx context.Context, args []string, out, _ io.Writer) error {
	if len(args) != 1 || args[0] != "reconcile" {
		return usagef("usage: billing reconcile")
	}
	svc, err := openServices(ctx, "billing", redisNone)
	if err != nil {
		return err
	}
	defer svc.close()
	if svc.billing == nil {
		return usagef("billing is not configured: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET)")
	}
	rep, err := svc.billing.Reconcile(ctx)
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
