package stripebilling

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestCheckoutAndPortalAgainstStripeMock(t *testing.T) {
	base := stripeMock(t)
	f := newFixture(t, storetest.SQLite(t), base)
	ctx := context.Background()

	if _, err := f.svc.Portal(ctx, f.org.ID); !errors.Is(err, ErrNoSubscription) {
		t.Fatalf("portal before any checkout: %v", err)
	}
	for _, plan := range []string{"free", "platinum"} {
		var pe *PlanError
		if _, err := f.svc.Checkout(ctx, f.org.ID, plan, "owner@example.com"); !errors.As(err, &pe) {
			t.Errorf("checkout %s: %v, want a PlanError", plan, err)
		}
	}
	url, err := f.svc.Checkout(ctx, f.org.ID, "monitor", "owner@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(url, "https://checkout.stripe.com/") {
		t.Errorf("checkout URL %q", url)
	}
	first, err := f.st.BillingCustomer(ctx, f.org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Checkout(ctx, f.org.ID, "compliance", "owner@example.com"); err != nil {
		t.Fatal(err)
	}
	again, err := f.st.BillingCustomer(ctx, f.org.ID)
	if err != nil || again.StripeCustomerID != first.StripeCustomerID {
		t.Errorf("customer not reused: %v → %v (%v)", first.StripeCustomerID, again, err)
	}
	portal, err := f.svc.Portal(ctx, f.org.ID)
	if err != nil || !strings.HasPrefix(portal, "https://") {
		t.Errorf("portal URL %q, %v", portal, err)
	}

	// With a billed subscription, a second checkout is refused.
	f.mustDeliver(event(t, "evt_1", "customer.subscription.created", time.Now().Unix(),
		f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
	if _, err := f.svc.Checkout(ctx, f.org.ID, "compliance", ""); !errors.Is(err, ErrAlreadySubscribed) {
		t.Errorf("second checkout: %v", err)
	}
}

func TestReconcileRepairsDrift(t *testing.T) {
	base := stripeMock(t)
	st := storetest.SQLite(t)
	// stripe-mock answers every subscription with the same fixture; sell
	// the Compliance plan at its price, so its state is a plan change.
	probe := newFixture(t, storetest.SQLite(t), base)
	remote, err := probe.svc.api.Subscriptions.Get("sub_probe", &stripe.SubscriptionParams{})
	if err != nil {
		t.Fatal(err)
	}
	if remote.Status != stripe.SubscriptionStatusActive || remote.Items == nil || len(remote.Items.Data) == 0 {
		t.Fatalf("unexpected stripe-mock fixture: %+v", remote)
	}
	f := newFixture(t, st, base, testPriceMonitor, remote.Items.Data[0].Price.ID)
	ctx := context.Background()
	now := time.Now().Unix()
	// The webhook said past due long ago, and the recovery was missed.
	f.mustDeliver(event(t, "evt_1", "customer.subscription.created", now-30*86400, f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
	f.mustDeliver(event(t, "evt_2", "customer.subscription.updated", now-20*86400, f.subscriptionObject("sub_1", "past_due", testPriceMonitor, false)))
	if _, err := f.svc.RecheckPlans(ctx); err != nil {
		t.Fatal(err)
	}
	if f.plan() != "free" {
		t.Fatalf("plan %s after the grace period", f.plan())
	}
	rep, err := f.svc.Reconcile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 1 || rep.Failed != 0 || len(rep.Repairs) != 1 {
		t.Fatalf("report %+v", rep)
	}
	if what := rep.Repairs[0].What; !strings.Contains(what, "status past_due → active") || !strings.Contains(what, "plan free → compliance") {
		t.Errorf("repair %q", what)
	}
	if f.plan() != "compliance" {
		t.Errorf("plan %s after reconciliation", f.plan())
	}
	// Nothing left to repair.
	rep, err = f.svc.Reconcile(ctx)
	if err != nil || len(rep.Repairs) != 0 {
		t.Errorf("second run: %+v, %v", rep, err)
	}
	// An event older than the reconciliation's read cannot undo it.
	out := f.mustDeliver(event(t, "evt_3", "customer.subscription.updated", now-60, f.subscriptionObject("sub_1", "past_due", testPriceMonitor, false)))
	if out != OutcomeStale || f.plan() != "compliance" {
		t.Errorf("late event after reconciliation: %s, plan %s", out, f.plan())
	}
}
