package stripebilling

import "errors"

// ErrNotConfigured means STRIPE_SECRET_KEY is not set: plans change only
// through the operator command `plan set`.
var ErrNotConfigured = errors.New("billing is not configured (no STRIPE_SECRET_KEY); an operator changes plans with `clausewatch plan set ORG PLAN`")

// ErrSignature means a webhook request is not a genuine, recent Stripe
// event: the signature is missing, forged or outside the tolerance.
var ErrSignature = errors.New("invalid Stripe signature")

// ErrNoSubscription means the organization has no Stripe customer yet, so
// there is nothing to manage in the Billing Portal.
var ErrNoSubscription = errors.New("the organization has no subscription yet")

// PlanError says that a plan cannot be bought: it is unknown, free, or has
// no Stripe price configured.
type PlanError struct {
	Plan   string
	Reason string
}

func (e *PlanError) Error() string { return e.Reason }

// UnknownPriceError says that Stripe reported a price that no plan is
// configured with. The event is refused (and retried by Stripe) rather
// than guessed at, so that a configuration mistake never downgrades
// paying customers.
type UnknownPriceError struct {
	Price string
}

func (e *UnknownPriceError) Error() string {
	return "Stripe price " + e.Price + " is neither STRIPE_PRICE_MONITOR nor STRIPE_PRICE_COMPLIANCE"
}
