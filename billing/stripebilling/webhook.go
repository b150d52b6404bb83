package stripebilling

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/clausewatch/clausewatch/store"
)

// MaxWebhookBody is the largest webhook request accepted; Stripe's events
// are a few KiB.
const MaxWebhookBody = 64 << 10

// SignatureTolerance is how old a signed event may be; older ones are
// refused as possible replays.
const SignatureTolerance = 300 * time.Second

// Outcomes of one event, as recorded and counted.
const (
	OutcomeApplied   = "applied"
	OutcomeDuplicate = "duplicate"
	OutcomeStale     = "stale"
	OutcomeIgnored   = "ignored"
	OutcomeUnlinked  = "unlinked"
)

// HandleWebhook verifies a webhook request's signature and processes its
// event exactly once. A bad signature is ErrSignature (and nothing is
// written); any other error means the event was not recorded, so Stripe
// should retry it.
func (s *Service) HandleWebhook(ctx context.Context, payload []byte, signature string) (string, error) {
	ev, err := webhook.ConstructEventWithOptions(payload, signature, s.cfg.StripeWebhookSecret, webhook.ConstructEventOptions{
		Tolerance: SignatureTolerance,
		// Refusing another API version would bounce the event forever;
		// the fields read here are the same in every recent version.
		IgnoreAPIVersionMismatch: true,
	})
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrSignature, err)
	}
	if ev.APIVersion != stripe.APIVersion {
		s.metrics.versionMismatch.Inc()
		s.log.WarnContext(ctx, "stripe event with another API version", slog.String("event_id", ev.ID),
			slog.String("api_version", ev.APIVersion), slog.String("expected", stripe.APIVersion))
	}
	return s.Process(ctx, &ev)
}

// Process applies one verified event once. The event id is inserted
// first, in the transaction that applies the event: a concurrent delivery
// of the same id waits on that row and then finds it, and a failure rolls
// both back so that Stripe's retry starts afresh. Mail goes out only after
// the commit.
func (s *Service) Process(ctx context.Context, ev *stripe.Event) (string, error) {
	var (
		outcome string
		after   []func(context.Context)
	)
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		inserted, err := tx.InsertStripeEvent(ctx, &store.StripeEvent{ID: ev.ID, Type: string(ev.Type), Created: ev.Created})
		if err != nil {
			return err
		}
		if !inserted {
			outcome = OutcomeDuplicate
			return nil
		}
		a := &applier{s: s, tx: tx, at: ev.Created, source: "event " + ev.ID}
		if outcome, err = a.event(ctx, ev); err != nil {
			return err
		}
		after = a.after
		return tx.SetStripeEventOutcome(ctx, ev.ID, a.orgID, outcome)
	})
	if err != nil {
		return "", fmt.Errorf("process stripe event %s (%s): %w", ev.ID, ev.Type, err)
	}
	s.metrics.events.WithLabelValues(string(ev.Type), outcome).Inc()
	s.log.InfoContext(ctx, "stripe event", slog.String("event_id", ev.ID), slog.String("type", string(ev.Type)),
		slog.String("outcome", outcome))
	for _, f := range after {
		f(ctx)
	}
	return outcome, nil
}
