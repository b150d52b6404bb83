package stripebilling

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// applier applies one event (or one reconciliation) inside a transaction.
type applier struct {
	s  *Service
	tx *store.Store
	// at is the Unix time the state was observed: the event's created, or
	// the moment of a reconciliation read.
	at     int64
	source string
	// orgID is the organization the event concerned, once known.
	orgID *int64
	// after runs once the transaction has committed.
	after []func(context.Context)
}

// event dispatches on the event type; unknown types are ignored.
func (a *applier) event(ctx context.Context, ev *stripe.Event) (string, error) {
	switch ev.Type {
	case stripe.EventTypeCheckoutSessionCompleted:
		var cs stripe.CheckoutSession
		if err := decode(ev, &cs); err != nil {
			return "", err
		}
		return a.checkoutCompleted(ctx, &cs)
	case stripe.EventTypeCustomerSubscriptionCreated, stripe.EventTypeCustomerSubscriptionUpdated,
		stripe.EventTypeCustomerSubscriptionDeleted:
		var sub stripe.Subscription
		if err := decode(ev, &sub); err != nil {
			return "", err
		}
		return a.subscription(ctx, stateOf(&sub))
	case stripe.EventTypeInvoicePaid, stripe.EventTypeInvoicePaymentFailed:
		var inv stripe.Invoice
		if err := decode(ev, &inv); err != nil {
			return "", err
		}
		return a.invoice(ctx, &inv, ev.Type == stripe.EventTypeInvoicePaid)
	}
	return OutcomeIgnored, nil
}

// decode reads the event's object.
func decode(ev *stripe.Event, v any) error {
	if ev.Data == nil {
		return fmt.Errorf("event %s has no object", ev.ID)
	}
	if err := json.Unmarshal(ev.Data.Raw, v); err != nil {
		return fmt.Errorf("decode %s object of event %s: %w", ev.Type, ev.ID, err)
	}
	return nil
}

// checkoutCompleted links the customer and the subscription to the
// organization named by client_reference_id.
func (a *applier) checkoutCompleted(ctx context.Context, cs *stripe.CheckoutSession) (string, error) {
	if cs.Mode != stripe.CheckoutSessionModeSubscription || cs.Subscription == nil || cs.Subscription.ID == "" {
		return OutcomeIgnored, nil
	}
	ref := cs.ClientReferenceID
	if ref == "" {
		ref = cs.Metadata[metadataOrganization]
	}
	orgID, ok, err := a.organizationRef(ctx, ref)
	if err != nil || !ok {
		return OutcomeUnlinked, err
	}
	a.orgID = &orgID
	customer := ""
	if cs.Customer != nil {
		customer = cs.Customer.ID
	}
	if customer != "" {
		if err := a.linkCustomer(ctx, orgID, customer); err != nil {
			return "", err
		}
	}
	row, err := a.tx.LockSubscription(ctx, cs.Subscription.ID)
	if err != nil {
		return "", err
	}
	if row.OrganizationID != nil && *row.OrganizationID != orgID {
		a.s.log.ErrorContext(ctx, "checkout names another organization than the subscription's",
			slog.String("subscription", row.StripeSubscriptionID), slog.Int64("organization_id", orgID),
			slog.Int64("subscription_organization_id", *row.OrganizationID))
		return OutcomeIgnored, nil
	}
	row.OrganizationID = &orgID
	if row.StripeCustomerID == "" {
		row.StripeCustomerID = customer
	}
	if err := a.tx.SaveSubscription(ctx, row); err != nil {
		return "", err
	}
	detail := fmt.Sprintf("checkout %s completed: subscription %s, customer %s", cs.ID, row.StripeSubscriptionID, customer)
	if err := a.audit(ctx, orgID, store.AuditCheckout, detail); err != nil {
		return "", err
	}
	return OutcomeApplied, a.applyPlan(ctx, orgID)
}

// linkCustomer stores the organization's customer when it has none yet.
func (a *applier) linkCustomer(ctx context.Context, orgID int64, customer string) error {
	c, err := a.tx.BillingCustomer(ctx, orgID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return a.tx.SetBillingCustomer(ctx, orgID, customer)
	case err != nil:
		return err
	case c.StripeCustomerID != customer:
		a.s.log.WarnContext(ctx, "checkout with another customer than the organization's",
			slog.Int64("organization_id", orgID), slog.String("customer", customer), slog.String("stored", c.StripeCustomerID))
	}
	return nil
}

// invoice applies invoice.paid (the subscription is paid up: active) and
// invoice.payment_failed (past due, owners told once per attempt).
func (a *applier) invoice(ctx context.Context, inv *stripe.Invoice, paid bool) (string, error) {
	if inv.Subscription == nil || inv.Subscription.ID == "" {
		return OutcomeIgnored, nil
	}
	st := subState{ID: inv.Subscription.ID, Status: billing.StatusActive, keepStatusOf: paid}
	if !paid {
		st.Status = billing.StatusPastDue
	}
	if inv.Customer != nil {
		st.Customer = inv.Customer.ID
	}
	if inv.SubscriptionDetails != nil {
		st.OrgRef = inv.SubscriptionDetails.Metadata[metadataOrganization]
	}
	if inv.Lines != nil {
		for _, li := range inv.Lines.Data {
			if li.Price != nil && li.Price.ID != "" {
				st.PriceID = li.Price.ID
				if li.Period != nil {
					st.PeriodEnd = li.Period.End
				}
				break
			}
		}
	}
	if !paid {
		st.notice = &notice{Invoice: inv.ID, Attempt: inv.AttemptCount, AmountDue: inv.AmountDue, Currency: string(inv.Currency)}
	}
	return a.subscription(ctx, st)
}

// organizationRef resolves an organization id given by Stripe (metadata,
// client_reference_id); ok is false for an empty, malformed or unknown
// one, which is logged.
func (a *applier) organizationRef(ctx context.Context, ref string) (int64, bool, error) {
	if ref == "" {
		return 0, false, nil
	}
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil || id <= 0 {
		a.s.log.WarnContext(ctx, "stripe object names a malformed organization", slog.String("reference", ref))
		return 0, false, nil
	}
	if _, err := a.tx.Organization(ctx, id); errors.Is(err, store.ErrNotFound) {
		a.s.log.WarnContext(ctx, "stripe object names an unknown organization", slog.Int64("organization_id", id))
		return 0, false, nil
	} else if err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// audit appends a billing line to the organization's audit log; billing
// has no person behind it.
func (a *applier) audit(ctx context.Context, orgID int64, action, detail string) error {
	return a.tx.AppendAudit(ctx, &orgID, nil, action, detail+" ("+a.source+")")
}
