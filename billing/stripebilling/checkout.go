package stripebilling

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// metadataOrganization is the metadata key naming the organization on
// Stripe customers, sessions and subscriptions.
const metadataOrganization = "organization_id"

// ErrAlreadySubscribed means the organization already has a subscription
// Stripe bills; plan changes and cancellation go through the Billing
// Portal, not a second Checkout.
var ErrAlreadySubscribed = fmt.Errorf("the organization already has a subscription; change it in the billing portal: %w", store.ErrConflict)

// Checkout starts a Stripe Checkout Session that subscribes the
// organization to planID, and returns the URL to send the person to.
func (s *Service) Checkout(ctx context.Context, orgID int64, planID, email string) (string, error) {
	plan, ok := billing.PlanByID(planID)
	if !ok {
		return "", &PlanError{Plan: planID, Reason: fmt.Sprintf("There is no plan %q; choose monitor or compliance.", planID)}
	}
	price, ok := s.priceOf(plan.ID)
	if !ok {
		return "", &PlanError{Plan: plan.ID, Reason: fmt.Sprintf("The %s plan cannot be bought here; choose monitor or compliance.", plan.Name)}
	}
	if billed, err := s.hasBilledSubscription(ctx, orgID); err != nil {
		return "", err
	} else if billed {
		return "", ErrAlreadySubscribed
	}
	customer, err := s.ensureCustomer(ctx, orgID, email)
	if err != nil {
		return "", err
	}
	org := strconv.FormatInt(orgID, 10)
	params := &stripe.CheckoutSessionParams{
		Mode:              stripe.String(string(stripe.CheckoutSessionModeSubscription)),
		Customer:          stripe.String(customer),
		ClientReferenceID: stripe.String(org),
		LineItems:         []*stripe.CheckoutSessionLineItemParams{{Price: stripe.String(price), Quantity: stripe.Int64(1)}},
		SubscriptionData: &stripe.CheckoutSessionSubscriptionDataParams{
			Metadata: map[string]string{metadataOrganization: org},
		},
		SuccessURL: stripe.String(s.baseURL + "/app/billing?checkout=success"),
		CancelURL:  stripe.String(s.baseURL + "/app/billing?checkout=canceled"),
	}
	params.Context = ctx
	params.AddMetadata(metadataOrganization, org)
	sess, err := s.api.CheckoutSessions.New(params)
	if err != nil {
		return "", fmt.Errorf("create checkout session for organization %d: %w", orgID, err)
	}
	if sess.URL == "" {
		return "", fmt.Errorf("create checkout session for organization %d: Stripe returned no URL", orgID)
	}
	return sess.URL, nil
}

// Portal opens a Billing Portal session for the organization's customer
// and returns its URL.
func (s *Service) Portal(ctx context.Context, orgID int64) (string, error) {
	c, err := s.store.BillingCustomer(ctx, orgID)
	if errors.Is(err, store.ErrNotFound) {
		return "", ErrNoSubscription
	}
	if err != nil {
		return "", err
	}
	params := &stripe.BillingPortalSessionParams{
		Customer:  stripe.String(c.StripeCustomerID),
		ReturnURL: stripe.String(s.baseURL + "/app/billing"),
	}
	params.Context = ctx
	sess, err := s.api.BillingPortalSessions.New(params)
	if err != nil {
		return "", fmt.Errorf("create billing portal session for organization %d: %w", orgID, err)
	}
	return sess.URL, nil
}

// ensureCustomer returns the organization's Stripe customer, creating it
// on first use. The idempotency key makes Stripe return the same customer
// to two simultaneous first checkouts; the unique row keeps one of them.
func (s *Service) ensureCustomer(ctx context.Context, orgID int64, email string) (string, error) {
	c, err := s.store.BillingCustomer(ctx, orgID)
	if err == nil {
		return c.StripeCustomerID, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return "", err
	}
	org, err := s.store.Organization(ctx, orgID)
	if err != nil {
		return "", err
	}
	id := strconv.FormatInt(orgID, 10)
	params := &stripe.CustomerParams{Name: stripe.String(org.Name)}
	if email != "" {
		params.Email = stripe.String(email)
	}
	params.Context = ctx
	params.AddMetadata(metadataOrganization, id)
	params.SetIdempotencyKey("clausewatch-customer-" + id)
	cus, err := s.api.Customers.New(params)
	if err != nil {
		return "", fmt.Errorf("create stripe customer for organization %d: %w", orgID, err)
	}
	err = s.store.SetBillingCustomer(ctx, orgID, cus.ID)
	if errors.Is(err, store.ErrConflict) {
		// Another request stored the customer first; use that one.
		c, err := s.store.BillingCustomer(ctx, orgID)
		if err != nil {
			return "", err
		}
		return c.StripeCustomerID, nil
	}
	if err != nil {
		return "", err
	}
	return cus.ID, nil
}

// hasBilledSubscription reports whether one of the organization's
// subscriptions is still billed by Stripe (not ended, not abandoned
// before the first payment).
func (s *Service) hasBilledSubscription(ctx context.Context, orgID int64) (bool, error) {
	subs, err := s.store.Subscriptions(ctx, orgID)
	if err != nil {
		return false, err
	}
	for _, sub := range subs {
		switch sub.Status {
		case billing.StatusActive, billing.StatusTrialing, billing.StatusPastDue, billing.StatusUnpaid:
			return true, nil
		}
	}
	return false, nil
}
