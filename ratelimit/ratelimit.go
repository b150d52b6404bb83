// Package ratelimit counts requests per key in fixed time windows kept in
// Redis, so that every web replica sharing the Redis shares the count.
package ratelimit

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter is a fixed-window counter in Redis.
type Limiter struct {
	client redis.UniversalClient
	prefix string
	now    func() time.Time
}

// New returns a limiter on client; now is the clock (nil for time.Now).
func New(client redis.UniversalClient, now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{client: client, prefix: "clausewatch:ratelimit:", now: now}
}

// Allow counts one request for key in the current window of the given
// length and reports whether it is within limit; when it is not,
// retryAfter is the time until the window ends.
func (l *Limiter) Allow(ctx context.Context, key string, limit int, window time.Duration) (allowed bool, retryAfter time.Duration, err error) {
	now := l.now()
	start := now.Truncate(window)
	k := l.prefix + key + ":" + strconv.FormatInt(start.Unix(), 10)
	var incr *redis.IntCmd
	_, err = l.client.TxPipelined(ctx, func(p redis.Pipeliner) error {
		incr = p.Incr(ctx, k)
		// The key names its window, so a TTL of one window (plus a margin
		// for clock skew between replicas) only cleans up.
		p.Expire(ctx, k, window+time.Minute)
		return nil
	})
	if err != nil {
		return false, 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if incr.Val() <= int64(limit) {
		return true, 0, nil
	}
	return false, start.Add(window).Sub(now), nil
}
