package alerts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/cenkalti/backoff/v5"

	"github.com/clausewatch/clausewatch/store"
)

// errSkip marks a delivery that no longer applies (the member unsubscribed,
// the webhook was removed): it ends as skipped, not failed.
var errSkip = errors.New("no longer applies")

// permanentError is a failure that retrying cannot fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Deliver sends one delivery if it is due and nobody else holds it: the
// claim is one conditional UPDATE, so any number of concurrent calls send
// it once. A failure schedules the next attempt with backoff, and after
// the last attempt the delivery is marked failed and shown to the
// organization. It returns an error only when the bookkeeping failed.
func (s *Service) Deliver(ctx context.Context, id int64) error {
	now := s.d.Now()
	leaseEnd := time.Now().Add(lease)
	ok, err := s.d.Store.ClaimDelivery(ctx, id, now, lease)
	if err != nil || !ok {
		return err
	}
	d, err := s.d.Store.Delivery(ctx, id)
	if err != nil {
		return err
	}
	sendErr := s.send(ctx, d)
	// The bookkeeping must happen even when the task's context ends right
	// after the send, or the message would go out twice.
	bctx := context.WithoutCancel(ctx)
	done := s.d.Now()
	var perm permanentError
	switch {
	case sendErr == nil:
		return s.record(bctx, id, leaseEnd, func(ctx context.Context) error {
			return s.d.Store.FinishDelivery(ctx, id, store.DeliverySent, "", done)
		})
	case errors.Is(sendErr, errSkip):
		return s.record(bctx, id, leaseEnd, func(ctx context.Context) error {
			return s.d.Store.FinishDelivery(ctx, id, store.DeliverySkipped, sendErr.Error(), done)
		})
	case errors.As(sendErr, &perm) || d.Attempts >= s.d.MaxAttempts:
		s.d.Log.Warn("alert delivery failed", slog.Int64("delivery_id", id), slog.Int("attempts", d.Attempts), slog.String("error", sendErr.Error()))
		return s.record(bctx, id, leaseEnd, func(ctx context.Context) error {
			return s.d.Store.FinishDelivery(ctx, id, store.DeliveryFailed, sendErr.Error(), done)
		})
	}
	at := done.Add(s.d.Backoff(d.Attempts))
	if err := s.record(bctx, id, leaseEnd, func(ctx context.Context) error {
		return s.d.Store.RetryDelivery(ctx, id, sendErr.Error(), at, done)
	}); err != nil {
		return err
	}
	s.d.Log.Info("alert delivery will be retried", slog.Int64("delivery_id", id), slog.Int("attempts", d.Attempts),
		slog.Time("next_attempt_at", at), slog.String("error", sendErr.Error()))
	if s.d.Queue != nil {
		if err := s.d.Queue.EnqueueDelivery(bctx, store.DueDelivery{ID: id, Attempts: d.Attempts}, at); err != nil {
			s.d.Log.Warn("enqueue retry; the sweep will relay it", slog.Int64("delivery_id", id), slog.String("error", err.Error()))
		}
	}
	return nil
}

// recordGrace is how long before the end of its lease a delivery stops
// trying to record its outcome, so that the sweep never hands the row to
// another worker while this one may still write it.
const recordGrace = 10 * time.Second

// recordBackOff is the wait between tries of a bookkeeping write: 1 s,
// doubling, at most 10 s.
func recordBackOff() *backoff.ExponentialBackOff {
	return &backoff.ExponentialBackOff{InitialInterval: time.Second, Multiplier: 2, MaxInterval: 10 * time.Second}
}

// record runs the bookkeeping after an attempt. Once a message went out it
// must be recorded as sent, or the sweep sends it again when the lease
// ends; so while the lease holds, a failed write is tried again rather than
// given up on. Any error counts, not only the ones known to mean "database
// away": a restart or failover shows itself in more ways than one, and a
// write that keeps failing is given up when the next wait would end within
// recordGrace of the lease's end.
func (s *Service) record(ctx context.Context, id int64, leaseEnd time.Time, write func(context.Context) error) error {
	_, err := backoff.Retry(ctx, func() (struct{}, error) { return struct{}{}, write(ctx) },
		backoff.WithBackOff(recordBackOff()),
		// At least a nanosecond: zero would mean no limit.
		backoff.WithMaxElapsedTime(max(time.Until(leaseEnd.Add(-recordGrace)), time.Nanosecond)),
		backoff.WithNotify(func(err error, wait time.Duration) {
			s.d.Log.Warn("record alert delivery failed, trying again", slog.Int64("delivery_id", id),
				slog.Duration("wait", wait), slog.Bool("database_unavailable", store.Unavailable(err)), slog.String("error", err.Error()))
		}))
	if err != nil {
		s.d.Log.Error("record alert delivery: giving up at the end of the lease; the sweep will take it again",
			slog.Int64("delivery_id", id), slog.String("error", err.Error()))
		return fmt.Errorf("record delivery %d: %w", id, err)
	}
	return nil
}

// send delivers d through its channel.
func (s *Service) send(ctx context.Context, d *store.AlertDelivery) error {
	switch {
	case d.Channel == store.ChannelWebhook && d.ChangeID != nil:
		return s.sendWebhook(ctx, d)
	case d.Channel == store.ChannelEmail && d.ChangeID != nil:
		return s.sendChangeEmail(ctx, d)
	case d.Channel == store.ChannelEmail && d.NoticeID != nil:
		return s.sendNoticeEmail(ctx, d)
	case d.Channel == store.ChannelEmail && d.DigestID != nil:
		return s.sendDigestEmail(ctx, d)
	}
	return permanentError{fmt.Errorf("delivery %d: unknown channel %q for its cause", d.ID, d.Channel)}
}

// sweepBatch is how many due deliveries one query pages through.
const sweepBatch = 500

// Sweep relays every delivery whose time has come: pending ones at or
// after their next attempt, and ones a dead worker left in sending past
// their lease. It is the safety net under the enqueue after commit: a
// crash between commit and enqueue, or a flushed Redis, only delays
// alerts until the next sweep. It returns how many it relayed.
func (s *Service) Sweep(ctx context.Context) (int, error) {
	now := s.d.Now()
	var after int64
	n := 0
	for {
		due, err := s.d.Store.DueDeliveries(ctx, now, after, sweepBatch)
		if err != nil {
			return n, err
		}
		for _, d := range due {
			if s.d.Queue == nil {
				err = s.Deliver(ctx, d.ID)
			} else {
				err = s.d.Queue.EnqueueDelivery(ctx, d, now)
			}
			if err != nil {
				return n, fmt.Errorf("relay delivery %d: %w", d.ID, err)
			}
			n++
			after = d.ID
		}
		if len(due) < sweepBatch {
			return n, nil
		}
	}
}
