// Package alerts tells people about changes: it writes the outbox rows of a
// change in the transaction that records it, relays them (same-day e-mail,
// signed webhooks, source-health notices, weekly digests) with retries and
// backoff, and keeps each organization's alert settings. The database is
// the source of truth: a delivery is a row before it is a task, so losing
// the queue loses nothing and a claim on the row keeps it single.
package alerts

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
)

// Queue enqueues the relay of one delivery attempt at a time. The worker
// side implements it with an Asynq task whose id is the delivery and
// attempt, so that duplicates collapse.
type Queue interface {
	EnqueueDelivery(ctx context.Context, d store.DueDelivery, at time.Time) error
}

// Deps are what the alerts service needs.
type Deps struct {
	Store     *store.Store
	Mail      mail.Sender
	Templates *templates.Templates
	// BaseURL makes the links in e-mails absolute.
	BaseURL string
	// Secret signs unsubscribe links (the session secret).
	Secret string
	// Queue relays deliveries; nil delivers them at once in the caller.
	Queue Queue
	// HTTP posts webhooks; nil builds an SSRF-guarded client.
	HTTP *http.Client
	// AllowPrivate lets webhooks reach private addresses (tests, demos).
	AllowPrivate bool
	Log          *slog.Logger
	// Now is the clock; nil is the wall clock in UTC.
	Now func() time.Time
	// Backoff is the wait after the n-th failed attempt; nil is
	// DefaultBackoff.
	Backoff func(attempt int) time.Duration
	// MaxAttempts is how many attempts a delivery gets before it is marked
	// failed; zero is DefaultMaxAttempts.
	MaxAttempts int
}

// DefaultMaxAttempts is how many times a delivery is tried.
const DefaultMaxAttempts = 8

// lease is how long a claimed delivery may stay in sending before the
// sweep hands it to another worker: longer than any send may take.
const lease = 2 * time.Minute

// DefaultBackoff waits 30 s after the first failure and four times longer
// after each next one, at most six hours.
func DefaultBackoff(attempt int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < attempt && d < 6*time.Hour; i++ {
		d *= 4
	}
	return min(d, 6*time.Hour)
}

// Service composes and delivers alerts.
type Service struct {
	d Deps
	// stances keeps each change's stance changes: reading them parses both
	// versions whole, and a change's e-mails go to many members.
	stances *lru.Cache[int64, []StanceChange]
}

// stanceCacheSize is how many changes' stance changes a process keeps.
const stanceCacheSize = 256

// New returns a Service, filling defaults.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = func() time.Time { return time.Now().UTC() }
	}
	if d.Backoff == nil {
		d.Backoff = DefaultBackoff
	}
	if d.MaxAttempts <= 0 {
		d.MaxAttempts = DefaultMaxAttempts
	}
	if d.HTTP == nil {
		d.HTTP = fetch.NewGuardedClient(d.AllowPrivate, 15*time.Second)
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	stances, err := lru.New[int64, []StanceChange](stanceCacheSize)
	if err != nil {
		panic(err) // only for a size below one
	}
	return &Service{d: d, stances: stances}
}

// outboxPlans are the plans whose organizations get same-day e-mail and
// webhooks, read from billing so that the plans stay the one source.
func outboxPlans() store.OutboxPlans {
	var p store.OutboxPlans
	for _, plan := range billing.Plans() {
		if plan.SameDayAlerts {
			p.SameDay = append(p.SameDay, plan.ID)
		}
		if plan.Webhooks {
			p.Webhooks = append(p.Webhooks, plan.ID)
		}
		if plan.ComplianceAnalysis {
			p.Rules = append(p.Rules, plan.ID)
		}
	}
	return p
}

// WriteOutbox queues a change for every organization watching its
// document. It is the recorder's Change hook: it runs inside the transaction
// that records the change, so both commit or neither does.
func (s *Service) WriteOutbox(ctx context.Context, tx *store.Store, c *store.Change) error {
	watched, err := tx.ActivelyWatched(ctx, c.DocumentID)
	if err != nil || !watched {
		return err
	}
	f, err := facets(c)
	if err != nil {
		return err
	}
	stances, err := s.stanceChanges(ctx, tx, c, len(f.Provisions) > 0)
	if err != nil {
		return err
	}
	for _, sc := range stances {
		f.StanceChanged = append(f.StanceChanged, sc.Category)
	}
	_, err = tx.WriteChangeOutbox(ctx, c, f, outboxPlans(), s.d.Now())
	return err
}

// ChangeRecorded relays the deliveries of a change right after it
// committed. Failing here loses nothing: the sweep relays them later.
func (s *Service) ChangeRecorded(ctx context.Context, changeID int64) {
	s.dispatch(ctx, store.DeliveryCause{ChangeID: changeID})
}

// dispatch enqueues (or, without a queue, sends) the pending deliveries of
// a cause.
func (s *Service) dispatch(ctx context.Context, cause store.DeliveryCause) {
	due, err := s.d.Store.PendingDeliveries(ctx, cause)
	if err != nil {
		s.d.Log.Warn("list deliveries to relay; the sweep will relay them", slog.String("error", err.Error()))
		return
	}
	now := s.d.Now()
	for _, d := range due {
		if s.d.Queue == nil {
			if err := s.Deliver(ctx, d.ID); err != nil {
				s.d.Log.Warn("deliver alert", slog.Int64("delivery_id", d.ID), slog.String("error", err.Error()))
			}
			continue
		}
		if err := s.d.Queue.EnqueueDelivery(ctx, d, now); err != nil {
			s.d.Log.Warn("enqueue alert; the sweep will relay it", slog.Int64("delivery_id", d.ID), slog.String("error", err.Error()))
			return
		}
	}
}
