// Package recorder runs the engine against stored documents: it
// checks a document, records snapshots, versions and changes, keeps the
// document's health, and imports catalogue declarations.
package recorder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/store"
)

// FailureNoticeThreshold is the number of consecutive failures after which
// a document is reported as in trouble.
const FailureNoticeThreshold = 3

// Service checks and records documents.
type Service struct {
	store    *store.Store
	engine   *engine.Engine
	log      *slog.Logger
	interval time.Duration
	now      func() time.Time
	hooks    Hooks
}

// Hooks let other parts react to what a check recorded without the recorder
// knowing them (alerts, metrics). Every field may be nil.
type Hooks struct {
	// Failing is called once when a document reaches
	// FailureNoticeThreshold consecutive failures.
	Failing func(doc *store.Document, err error)
	// Checked is called after every check with its outcome.
	Checked func(o Outcome)
	// Change runs inside the transaction that records a change (see
	// store.NewVersion.OnChange); its error undoes the recording.
	Change func(ctx context.Context, tx *store.Store, c *store.Change) error
	// Recovered is called when a document that had reached
	// FailureNoticeThreshold consecutive failures is read again.
	Recovered func(doc *store.Document)
}

// New returns a Service; interval is how often a healthy document is
// fetched.
func New(s *store.Store, e *engine.Engine, log *slog.Logger, interval time.Duration, hooks Hooks) *Service {
	return &Service{store: s, engine: e, log: log, interval: interval, now: func() time.Time { return time.Now().UTC() }, hooks: hooks}
}

// nextCheck spreads checks over ±10 % of the interval so that documents
// added together do not stay in lockstep.
func (s *Service) nextCheck(now time.Time) time.Time {
	jitter := time.Duration((rand.Float64()*0.2 - 0.1) * float64(s.interval))
	return now.Add(s.interval + jitter)
}

// backoff is the wait after the n-th consecutive failure: 5 min, doubling,
// never longer than the normal interval, and never shorter than what the
// site asked for with Retry-After.
func (s *Service) backoff(failures int, retryAfter time.Duration) time.Duration {
	d := 5 * time.Minute
	for i := 1; i < failures && d < s.interval; i++ {
		d *= 2
	}
	d = min(d, s.interval)
	return max(d, retryAfter)
}

// chainHash is a version's hash: SHA-256 over the previous version's hash
// and this version's text, so that changing or removing any version breaks
// every hash after it.
func chainHash(prev, markdown string) string {
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte{'\n'})
	h.Write([]byte(markdown))
	return hex.EncodeToString(h.Sum(nil))
}

// ChainHash exposes the version hash rule for audit verification.
func ChainHash(prev, markdown string) string { return chainHash(prev, markdown) }
