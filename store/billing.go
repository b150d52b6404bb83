package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// BillingCustomer is the organization's one Stripe customer.
type BillingCustomer struct {
	OrganizationID   int64 `gorm:"primaryKey;autoIncrement:false"`
	StripeCustomerID string
	CreatedAt        time.Time
}

// BillingSubscription is the last applied state of one Stripe
// subscription. OrganizationID is nil until the checkout that links it is
// seen.
type BillingSubscription struct {
	StripeSubscriptionID string `gorm:"primaryKey"`
	OrganizationID       *int64
	StripeCustomerID     string
	Status               string
	PriceID              string
	Plan                 string
	CurrentPeriodEnd     *time.Time
	CancelAtPeriodEnd    bool
	PastDueSince         *time.Time
	// LastEventCreated is the Unix time of the newest event applied.
	LastEventCreated int64
	// LastNotice names the last payment-failure notice sent (invoice and
	// attempt), so that one attempt is announced once.
	LastNotice string
	UpdatedAt  time.Time
}

// StripeEvent records a Stripe event that has been processed.
type StripeEvent struct {
	ID             string `gorm:"primaryKey"`
	Type           string
	Created        int64
	OrganizationID *int64
	Outcome        string
	ReceivedAt     time.Time
}

// InsertStripeEvent stores the event id; inserted is false when the id was
// already there. Concurrent inserts of one id wait for each other on the
// primary key, so exactly one caller gets true.
func (s *Store) InsertStripeEvent(ctx context.Context, e *StripeEvent) (inserted bool, err error) {
	if e.ReceivedAt.IsZero() {
		e.ReceivedAt = time.Now().UTC()
	}
	res := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(e)
	if res.Error != nil {
		return false, fmt.Errorf("record stripe event %s: %w", e.ID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// SetStripeEventOutcome notes what processing the event did.
func (s *Store) SetStripeEventOutcome(ctx context.Context, id string, orgID *int64, outcome string) error {
	err := s.conn(ctx).Model(&StripeEvent{}).Where("id = ?", id).
		Updates(map[string]any{"organization_id": orgID, "outcome": outcome}).Error
	if err != nil {
		return fmt.Errorf("set outcome of stripe event %s: %w", id, err)
	}
	return nil
}

// CountStripeEvents counts the processed events, for tests and operators.
func (s *Store) CountStripeEvents(ctx context.Context) (int64, error) {
	var n int64
	if err := s.conn(ctx).Model(&StripeEvent{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count stripe events: %w", err)
	}
	return n, nil
}

// BillingCustomer returns the organization's Stripe customer.
func (s *Store) BillingCustomer(ctx context.Context, orgID int64) (*BillingCustomer, error) {
	var c BillingCustomer
	if err := s.conn(ctx).Scopes(forOrg(orgID)).First(&c).Error; err != nil {
		return nil, notFound(err, "billing customer")
	}
	return &c, nil
}

// OrganizationIDByCustomer returns the organization a Stripe customer
// belongs to.
func (s *Store) OrganizationIDByCustomer(ctx context.Context, customerID string) (int64, error) {
	var c BillingCustomer
	if err := s.conn(ctx).Where("stripe_customer_id = ?", customerID).First(&c).Error; err != nil {
		return 0, notFound(err, "billing customer "+customerID)
	}
	return c.OrganizationID, nil
}

// SetBillingCustomer links the organization to a Stripe customer; a second
// customer for the same organization, or one customer for two
// organizations, is ErrConflict.
func (s *Store) SetBillingCustomer(ctx context.Context, orgID int64, customerID string) error {
	c := &BillingCustomer{OrganizationID: orgID, StripeCustomerID: customerID, CreatedAt: time.Now().UTC()}
	return notFound(s.conn(ctx).Create(c).Error, "set billing customer")
}

// LockSubscription returns the subscription's row, creating an empty one
// first, and holds a row lock on it until the transaction ends so that
// events of one subscription are applied one at a time.
func (s *Store) LockSubscription(ctx context.Context, subscriptionID string) (*BillingSubscription, error) {
	empty := &BillingSubscription{StripeSubscriptionID: subscriptionID, UpdatedAt: time.Now().UTC()}
	if err := s.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(empty).Error; err != nil {
		return nil, fmt.Errorf("create subscription %s: %w", subscriptionID, err)
	}
	q := s.conn(ctx)
	if s.dialect == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var sub BillingSubscription
	if err := q.Where("stripe_subscription_id = ?", subscriptionID).First(&sub).Error; err != nil {
		return nil, notFound(err, "subscription "+subscriptionID)
	}
	return &sub, nil
}

// SaveSubscription writes every field of the subscription's row.
func (s *Store) SaveSubscription(ctx context.Context, sub *BillingSubscription) error {
	sub.UpdatedAt = time.Now().UTC()
	if err := s.conn(ctx).Save(sub).Error; err != nil {
		return fmt.Errorf("save subscription %s: %w", sub.StripeSubscriptionID, err)
	}
	return nil
}

// Subscription returns one subscription's row.
func (s *Store) Subscription(ctx context.Context, subscriptionID string) (*BillingSubscription, error) {
	var sub BillingSubscription
	if err := s.conn(ctx).Where("stripe_subscription_id = ?", subscriptionID).First(&sub).Error; err != nil {
		return nil, notFound(err, "subscription "+subscriptionID)
	}
	return &sub, nil
}

// Subscriptions lists the organization's subscriptions, most recently
// changed first.
func (s *Store) Subscriptions(ctx context.Context, orgID int64) ([]BillingSubscription, error) {
	var subs []BillingSubscription
	err := s.conn(ctx).Scopes(forOrg(orgID)).Order("updated_at DESC, stripe_subscription_id").Find(&subs).Error
	if err != nil {
		return nil, fmt.Errorf("list subscriptions of organization %d: %w", orgID, err)
	}
	return subs, nil
}

// SubscriptionsNotIn lists the linked subscriptions whose status is not
// one of statuses: the ones Stripe may still bill, for reconciliation.
func (s *Store) SubscriptionsNotIn(ctx context.Context, statuses []string) ([]BillingSubscription, error) {
	var subs []BillingSubscription
	err := s.conn(ctx).Where("organization_id IS NOT NULL AND status NOT IN ?", statuses).
		Order("organization_id, stripe_subscription_id").Find(&subs).Error
	if err != nil {
		return nil, fmt.Errorf("list billed subscriptions: %w", err)
	}
	return subs, nil
}
