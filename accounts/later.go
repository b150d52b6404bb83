package accounts

import (
	"context"
	"log/slog"
	"time"
)

// laterTimeout bounds work done after the request that asked for it was
// answered.
const laterTimeout = time.Minute

// later runs fn in the background, detached from the request's
// cancellation but keeping its values; a failure is logged. Wait waits for
// every such run.
func (s *Service) later(ctx context.Context, what string, fn func(ctx context.Context) error) {
	s.pending.Add(1)
	go func() {
		defer s.pending.Done()
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), laterTimeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			s.log.ErrorContext(ctx, what, slog.Any("error", err))
		}
	}()
}

// Wait blocks until the work started in the background (mails sent after
// the answer) has finished: for a graceful stop, and for tests.
func (s *Service) Wait() { s.pending.Wait() }
