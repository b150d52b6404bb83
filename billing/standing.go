package billing

import "time"

// GracePeriod is how long a subscription whose payment failed keeps its
// paid plan while Stripe retries the payment.
const GracePeriod = 7 * 24 * time.Hour

// Stripe subscription statuses that matter here.
const (
	StatusActive   = "active"
	StatusTrialing = "trialing"
	StatusPastDue  = "past_due"
	StatusCanceled = "canceled"
	StatusUnpaid   = "unpaid"
	// StatusIncompleteExpired is a first payment that never succeeded.
	StatusIncompleteExpired = "incomplete_expired"
)

// Standing is a subscription's state as far as entitlements go.
type Standing struct {
	Status string
	// Plan is the plan id of the subscribed price.
	Plan string
	// PastDueSince is when the payment first failed; zero unless past due.
	PastDueSince time.Time
}

// GraceEnds is when a past-due subscription stops entitling its plan.
func (s Standing) GraceEnds() time.Time {
	if s.Status != StatusPastDue || s.PastDueSince.IsZero() {
		return time.Time{}
	}
	return s.PastDueSince.Add(GracePeriod)
}

// Entitles reports whether the subscription grants its plan at now:
// active and trialing do; past due does during the grace period; every
// other status (canceled, unpaid, incomplete, ended) does not.
func (s Standing) Entitles(now time.Time) bool {
	switch s.Status {
	case StatusActive, StatusTrialing:
		return true
	case StatusPastDue:
		return s.PastDueSince.IsZero() || now.Before(s.GraceEnds())
	}
	return false
}

// Ended reports whether Stripe will never bill the subscription again.
func (s Standing) Ended() bool {
	return s.Status == StatusCanceled || s.Status == StatusIncompleteExpired
}

// EntitledPlan is the plan id an organization with these subscriptions is
// entitled to at now: the richest plan among the subscriptions that
// entitle, or Free. It is the one rule that turns billing state into a
// plan; the webhook, reconciliation and the grace check all go through it,
// and Entitlements then reads the plan it chose.
func EntitledPlan(subs []Standing, now time.Time) string {
	best := PlanFree
	rank := planRank(best)
	for _, s := range subs {
		if !s.Entitles(now) {
			continue
		}
		if r := planRank(s.Plan); r > rank {
			best, rank = s.Plan, r
		}
	}
	return best
}

// planRank is the plan's position in Plans; unknown ids rank lowest.
func planRank(id string) int {
	for i, p := range Plans() {
		if p.ID == id {
			return i
		}
	}
	return -1
}
