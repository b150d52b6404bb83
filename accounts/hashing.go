package accounts

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// hashWait is how long a password check waits for a free hashing slot
// before the caller is told to come back: long enough to ride out a short
// burst of honest logins, short enough that a flood is refused quickly.
const hashWait = 3 * time.Second

// BusyError refuses a password check when every hashing slot stayed taken
// for hashWait; nothing was charged to the account.
type BusyError struct{ Wait time.Duration }

func (e *BusyError) Error() string {
	return "Too many logins are being checked right now. Try again in a few seconds."
}

// RetryAfter is how long the caller should wait.
func (e *BusyError) RetryAfter() time.Duration { return e.Wait }

// HashStats describe the password hashing gate: Capacity slots, InFlight
// taken now, Peak taken at once since the service started.
type HashStats struct {
	Capacity, InFlight, Peak int
}

// hashGate bounds concurrent Argon2id computations. Each holds 19 MiB and a
// core, so without a bound a burst of logins takes memory in proportion to
// its size and every answer slows down together.
type hashGate struct {
	slots chan struct{} // one element per computation in flight
	wait  time.Duration
	peak  atomic.Int64
}

func newHashGate(n int, wait time.Duration) *hashGate {
	return &hashGate{slots: make(chan struct{}, max(1, n)), wait: wait}
}

// newDefaultHashGate sizes the gate to the cores Go may use.
func newDefaultHashGate() *hashGate { return newHashGate(runtime.GOMAXPROCS(0), hashWait) }

// do runs fn in a slot, waiting at most the gate's wait for one.
func (g *hashGate) do(ctx context.Context, fn func()) error {
	timer := time.NewTimer(g.wait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
	case <-timer.C:
		return &BusyError{Wait: g.wait}
	case <-ctx.Done():
		return fmt.Errorf("wait for password hashing: %w", ctx.Err())
	}
	defer func() { <-g.slots }()
	n := int64(len(g.slots))
	for p := g.peak.Load(); n > p && !g.peak.CompareAndSwap(p, n); p = g.peak.Load() {
	}
	fn()
	return nil
}

func (g *hashGate) stats() HashStats {
	return HashStats{Capacity: cap(g.slots), InFlight: len(g.slots), Peak: int(g.peak.Load())}
}

// HashStats reports the password hashing gate, for metrics and tests.
func (s *Service) HashStats() HashStats { return s.hashing.stats() }

// hashPassword is HashPassword through the gate.
func (s *Service) hashPassword(ctx context.Context, password string) (hash string, err error) {
	if gerr := s.hashing.do(ctx, func() { hash, err = HashPassword(password) }); gerr != nil {
		return "", gerr
	}
	return hash, err
}

// verifyPassword is VerifyPassword through the gate.
func (s *Service) verifyPassword(ctx context.Context, encoded, password string) (ok bool, err error) {
	if gerr := s.hashing.do(ctx, func() { ok, err = VerifyPassword(encoded, password) }); gerr != nil {
		return false, gerr
	}
	return ok, err
}
