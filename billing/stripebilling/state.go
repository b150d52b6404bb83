package stripebilling

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v76"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// subState is what one Stripe object says about a subscription. Empty
// fields say nothing and leave the stored value alone.
type subState struct {
	ID                string
	Status            string
	PriceID           string
	PeriodEnd         int64
	CancelAtPeriodEnd *bool
	Customer          string
	// OrgRef is the organization id from the subscription's metadata.
	OrgRef string
	// keepStatusOf marks a paid invoice: it makes a past-due or
	// incomplete subscription active but leaves active or trialing alone.
	keepStatusOf bool
	// notice is the failed payment to tell the owners about.
	notice *notice
}

// stateOf reads a subscription object.
func stateOf(sub *stripe.Subscription) subState {
	st := subState{
		ID: sub.ID, Status: string(sub.Status), PeriodEnd: sub.CurrentPeriodEnd,
		CancelAtPeriodEnd: &sub.CancelAtPeriodEnd, OrgRef: sub.Metadata[metadataOrganization],
	}
	if sub.Customer != nil {
		st.Customer = sub.Customer.ID
	}
	if sub.Items != nil {
		for _, it := range sub.Items.Data {
			if it.Price != nil && it.Price.ID != "" {
				st.PriceID = it.Price.ID
				break
			}
		}
	}
	return st
}

// subscription applies st to the stored subscription when it is newer
// than what was applied before, then moves the organization to the plan
// its subscriptions entitle.
func (a *applier) subscription(ctx context.Context, st subState) (string, error) {
	row, err := a.tx.LockSubscription(ctx, st.ID)
	if err != nil {
		return "", err
	}
	linked, err := a.link(ctx, row, st)
	if err != nil {
		return "", err
	}
	before := *row
	if stale(row, st, a.at) {
		if linked {
			if err := a.tx.SaveSubscription(ctx, row); err != nil {
				return "", err
			}
			return OutcomeStale, a.applyPlan(ctx, *row.OrganizationID)
		}
		return OutcomeStale, nil
	}
	if err := a.s.setState(row, st, a.at); err != nil {
		return "", err
	}
	var sendNotice *notice
	if st.notice != nil && row.Status == billing.StatusPastDue && row.LastNotice != st.notice.key() {
		row.LastNotice = st.notice.key()
		sendNotice = st.notice
	}
	if err := a.tx.SaveSubscription(ctx, row); err != nil {
		return "", err
	}
	if row.OrganizationID == nil {
		return OutcomeUnlinked, nil
	}
	orgID := *row.OrganizationID
	if err := a.auditTransition(ctx, orgID, &before, row, sendNotice); err != nil {
		return "", err
	}
	if sendNotice != nil {
		sendNotice.GraceEnds = standing(row).GraceEnds()
		a.after = append(a.after, func(ctx context.Context) { a.s.sendPaymentNotice(ctx, orgID, row.Plan, *sendNotice) })
	}
	return OutcomeApplied, a.applyPlan(ctx, orgID)
}

// link ties the subscription to an organization when it has none yet,
// from the metadata or the customer; linked reports a new tie.
func (a *applier) link(ctx context.Context, row *store.BillingSubscription, st subState) (linked bool, err error) {
	if row.OrganizationID != nil {
		a.orgID = row.OrganizationID
		return false, nil
	}
	orgID, ok, err := a.organizationRef(ctx, st.OrgRef)
	if err != nil {
		return false, err
	}
	if !ok && st.Customer != "" {
		orgID, err = a.tx.OrganizationIDByCustomer(ctx, st.Customer)
		if errors.Is(err, store.ErrNotFound) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		ok = true
	}
	if !ok {
		return false, nil
	}
	row.OrganizationID = &orgID
	a.orgID = &orgID
	return true, nil
}

// setState copies st onto row as of the Unix time at.
func (s *Service) setState(row *store.BillingSubscription, st subState, at int64) error {
	status := st.Status
	if st.keepStatusOf && (row.Status == billing.StatusActive || row.Status == billing.StatusTrialing) {
		status = row.Status
	}
	if st.PriceID != "" {
		plan, ok := s.planOf(st.PriceID)
		if !ok && (status == billing.StatusActive || status == billing.StatusTrialing || status == billing.StatusPastDue) {
			return &UnknownPriceError{Price: st.PriceID}
		}
		row.PriceID, row.Plan = st.PriceID, plan
	}
	if status == billing.StatusPastDue {
		if row.Status != billing.StatusPastDue || row.PastDueSince == nil {
			since := time.Unix(at, 0).UTC()
			row.PastDueSince = &since
		}
	} else {
		row.PastDueSince = nil
	}
	row.Status = status
	if st.PeriodEnd > 0 {
		end := time.Unix(st.PeriodEnd, 0).UTC()
		row.CurrentPeriodEnd = &end
	}
	if st.CancelAtPeriodEnd != nil {
		row.CancelAtPeriodEnd = *st.CancelAtPeriodEnd
	}
	if row.StripeCustomerID == "" {
		row.StripeCustomerID = st.Customer
	}
	row.LastEventCreated = max(row.LastEventCreated, at)
	return nil
}

// auditTransition logs a change of status, plan or cancellation, and
// every newly failed payment attempt.
func (a *applier) auditTransition(ctx context.Context, orgID int64, before, after *store.BillingSubscription, n *notice) error {
	if n != nil {
		detail := fmt.Sprintf("%s: invoice %s payment attempt %d failed; status %s; paid features continue until %s",
			after.StripeSubscriptionID, n.Invoice, n.Attempt, after.Status, standing(after).GraceEnds().Format(time.DateOnly))
		return a.audit(ctx, orgID, store.AuditPaymentFailed, detail)
	}
	var changes []string
	if before.Status != after.Status {
		changes = append(changes, fmt.Sprintf("status %s → %s", orEmpty(before.Status), after.Status))
	}
	if before.Plan != after.Plan {
		changes = append(changes, fmt.Sprintf("price plan %s → %s", orEmpty(before.Plan), orEmpty(after.Plan)))
	}
	if before.CancelAtPeriodEnd != after.CancelAtPeriodEnd {
		if after.CancelAtPeriodEnd {
			changes = append(changes, "cancels at period end")
		} else {
			changes = append(changes, "cancellation withdrawn")
		}
	}
	if len(changes) == 0 {
		return nil
	}
	action := store.AuditSubscription
	if before.Status == billing.StatusPastDue && after.Status == billing.StatusActive {
		action = store.AuditPaymentOK
	}
	return a.audit(ctx, orgID, action, after.StripeSubscriptionID+": "+strings.Join(changes, "; "))
}

// applyPlan moves the organization to the plan its subscriptions entitle
// now, through the watchlist (which pauses or resumes watches and writes
// the plan change to the audit log), inside the event's transaction.
func (a *applier) applyPlan(ctx context.Context, orgID int64) error {
	want, err := entitledPlan(ctx, a.tx, orgID, a.s.now())
	if err != nil {
		return err
	}
	org, err := a.tx.Organization(ctx, orgID)
	if err != nil {
		return err
	}
	if org.Plan == want {
		return nil
	}
	_, err = a.s.planWatchlist(a.tx).ApplyPlan(ctx, orgID, want, watchlist.Actor{Source: "billing"})
	return err
}

// entitledPlan is the plan the organization's stored subscriptions
// entitle at now.
func entitledPlan(ctx context.Context, st *store.Store, orgID int64, now time.Time) (string, error) {
	subs, err := st.Subscriptions(ctx, orgID)
	if err != nil {
		return "", err
	}
	standings := make([]billing.Standing, len(subs))
	for i := range subs {
		standings[i] = standing(&subs[i])
	}
	return billing.EntitledPlan(standings, now), nil
}

// standing is the entitlement view of a stored subscription.
func standing(row *store.BillingSubscription) billing.Standing {
	s := billing.Standing{Status: row.Status, Plan: row.Plan}
	if row.PastDueSince != nil {
		s.PastDueSince = *row.PastDueSince
	}
	return s
}

// stale reports whether st must not be applied over row: it is older than
// what is applied, or it would revive a subscription Stripe has ended for
// good. Stripe stamps events in whole seconds, and a checkout's events
// often share one; between those, the status further along the
// subscription's life wins, so the delivery order does not matter.
func stale(row *store.BillingSubscription, st subState, at int64) bool {
	switch {
	case at < row.LastEventCreated, ended(row.Status) && !ended(st.Status):
		return true
	case at == row.LastEventCreated:
		return lifeStage(st.Status) < lifeStage(row.Status)
	}
	return false
}

// lifeStage orders statuses along a subscription's life.
func lifeStage(status string) int {
	switch status {
	case "":
		return 0
	case "incomplete":
		return 1
	case billing.StatusTrialing:
		return 2
	case billing.StatusActive:
		return 3
	case billing.StatusPastDue:
		return 4
	case billing.StatusUnpaid, "paused":
		return 5
	}
	return 6 // canceled, incomplete_expired
}

func ended(status string) bool { return billing.Standing{Status: status}.Ended() }

func orEmpty(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
