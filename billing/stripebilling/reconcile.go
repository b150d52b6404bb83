package stripebilling

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// Repair is one difference reconciliation found and fixed.
type Repair struct {
	OrganizationID int64
	Subscription   string
	// What says what changed: "status past_due → canceled; plan monitor → free".
	What string
}

// Report is what a reconciliation did.
type Report struct {
	Checked int
	Repairs []Repair
	// Failed counts subscriptions Stripe could not be asked about; they
	// are tried again next time.
	Failed int
}

// Reconcile re-reads from Stripe every subscription Stripe may still bill
// and applies what differs, as a webhook event observed now would; then it
// rechecks every paying organization's plan (grace periods end this way).
// It repairs missed or lost webhooks and logs each repair.
func (s *Service) Reconcile(ctx context.Context) (*Report, error) {
	subs, err := s.store.SubscriptionsNotIn(ctx, []string{billing.StatusCanceled, billing.StatusIncompleteExpired})
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	for i := range subs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rep.Checked++
		params := &stripe.SubscriptionParams{}
		params.Context = ctx
		remote, err := s.api.Subscriptions.Get(subs[i].StripeSubscriptionID, params)
		if err != nil {
			rep.Failed++
			s.log.ErrorContext(ctx, "reconcile: read subscription from Stripe", slog.String("subscription", subs[i].StripeSubscriptionID), slog.Any("error", err))
			continue
		}
		st := stateOf(remote)
		st.ID = subs[i].StripeSubscriptionID
		r, err := s.repair(ctx, st)
		if err != nil {
			var up *UnknownPriceError
			if errors.As(err, &up) {
				rep.Failed++
				s.log.ErrorContext(ctx, "reconcile: unknown price", slog.String("subscription", st.ID), slog.Any("error", err))
				continue
			}
			return rep, err
		}
		if r != nil {
			rep.Repairs = append(rep.Repairs, *r)
		}
	}
	plans, err := s.RecheckPlans(ctx)
	rep.Repairs = append(rep.Repairs, plans...)
	return rep, err
}

// repair applies st, read from Stripe now, and says what changed.
func (s *Service) repair(ctx context.Context, st subState) (*Repair, error) {
	var r *Repair
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		before, err := tx.Subscription(ctx, st.ID)
		if err != nil {
			return err
		}
		planBefore, err := orgPlan(ctx, tx, before.OrganizationID)
		if err != nil {
			return err
		}
		a := &applier{s: s, tx: tx, at: s.now().Unix(), source: "reconciliation"}
		if _, err := a.subscription(ctx, st); err != nil {
			return err
		}
		after, err := tx.Subscription(ctx, st.ID)
		if err != nil {
			return err
		}
		planAfter, err := orgPlan(ctx, tx, after.OrganizationID)
		if err != nil {
			return err
		}
		var what []string
		if before.Status != after.Status {
			what = append(what, fmt.Sprintf("status %s → %s", orEmpty(before.Status), after.Status))
		}
		if before.PriceID != after.PriceID {
			what = append(what, fmt.Sprintf("price %s → %s", orEmpty(before.PriceID), after.PriceID))
		}
		if before.CancelAtPeriodEnd != after.CancelAtPeriodEnd {
			what = append(what, fmt.Sprintf("cancel at period end %t → %t", before.CancelAtPeriodEnd, after.CancelAtPeriodEnd))
		}
		if planBefore != planAfter {
			what = append(what, fmt.Sprintf("plan %s → %s", planBefore, planAfter))
		}
		if len(what) > 0 && after.OrganizationID != nil {
			r = &Repair{OrganizationID: *after.OrganizationID, Subscription: st.ID, What: strings.Join(what, "; ")}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reconcile subscription %s: %w", st.ID, err)
	}
	if r != nil {
		s.log.InfoContext(ctx, "billing repaired", slog.Int64("organization_id", r.OrganizationID),
			slog.String("subscription", r.Subscription), slog.String("change", r.What))
	}
	return r, nil
}

// RecheckPlans moves every organization with a billed subscription to the
// plan its stored subscriptions entitle now, without asking Stripe: this
// is how a grace period ends.
func (s *Service) RecheckPlans(ctx context.Context) ([]Repair, error) {
	subs, err := s.store.SubscriptionsNotIn(ctx, []string{billing.StatusCanceled, billing.StatusIncompleteExpired})
	if err != nil {
		return nil, err
	}
	var repairs []Repair
	seen := map[int64]bool{}
	for _, sub := range subs {
		orgID := *sub.OrganizationID
		if seen[orgID] {
			continue
		}
		seen[orgID] = true
		var r *Repair
		err := s.store.InTx(ctx, func(tx *store.Store) error {
			if err := tx.LockOrganization(ctx, orgID); err != nil {
				return err
			}
			before, err := orgPlan(ctx, tx, &orgID)
			if err != nil {
				return err
			}
			a := &applier{s: s, tx: tx, at: s.now().Unix(), source: "plan recheck"}
			if err := a.applyPlan(ctx, orgID); err != nil {
				return err
			}
			after, err := orgPlan(ctx, tx, &orgID)
			if before != after {
				r = &Repair{OrganizationID: orgID, What: fmt.Sprintf("plan %s → %s", before, after)}
			}
			return err
		})
		if err != nil {
			return repairs, fmt.Errorf("recheck plan of organization %d: %w", orgID, err)
		}
		if r != nil {
			s.log.InfoContext(ctx, "billing plan rechecked", slog.Int64("organization_id", orgID), slog.String("change", r.What))
			repairs = append(repairs, *r)
		}
	}
	return repairs, nil
}

// orgPlan is the organization's plan id, or "" for none.
func orgPlan(ctx context.Context, st *store.Store, orgID *int64) (string, error) {
	if orgID == nil {
		return "", nil
	}
	org, err := st.Organization(ctx, *orgID)
	if err != nil {
		return "", err
	}
	return org.Plan, nil
}
