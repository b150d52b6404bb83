package stripebilling

import (
	"context"
	"errors"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// Overview is the organization's billing state, for the billing page.
type Overview struct {
	HasCustomer   bool
	Subscriptions []Subscription
}

// Subscription is one subscription as the billing page shows it.
type Subscription struct {
	ID                string
	Status            string
	Plan              billing.Plan
	CurrentPeriodEnd  *time.Time
	CancelAtPeriodEnd bool
	// GraceEnds is when paid features stop unless a retry succeeds; zero
	// unless past due.
	GraceEnds time.Time
}

// Overview reads the organization's customer and subscriptions.
func (s *Service) Overview(ctx context.Context, orgID int64) (*Overview, error) {
	o := &Overview{}
	if _, err := s.store.BillingCustomer(ctx, orgID); err == nil {
		o.HasCustomer = true
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	subs, err := s.store.Subscriptions(ctx, orgID)
	if err != nil {
		return nil, err
	}
	for i := range subs {
		row := &subs[i]
		o.Subscriptions = append(o.Subscriptions, Subscription{
			ID: row.StripeSubscriptionID, Status: row.Status, Plan: billing.Entitlements(row.Plan),
			CurrentPeriodEnd: row.CurrentPeriodEnd, CancelAtPeriodEnd: row.CancelAtPeriodEnd,
			GraceEnds: standing(row).GraceEnds(),
		})
	}
	return o, nil
}
