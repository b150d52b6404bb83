// Package ratelimit limits requests per key with the generic cell rate
// algorithm (GCRA) kept in Redis (github.com/go-redis/redis_rate), so that
// every web replica sharing the Redis shares the budget. Unlike a fixed
// window, GCRA allows no double burst at a window's edge: a full budget is
// spent once, then requests come back at the steady rate.
package ratelimit

import (
	"context"
	"fmt"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// keyPrefix keeps the limiter's keys apart from the queue's.
const keyPrefix = "clausewatch:ratelimit:"

// Limiter is a GCRA limiter over Redis.
type Limiter struct {
	limiter *redis_rate.Limiter
}

// New returns a limiter on client.
func New(client redis.UniversalClient) *Limiter {
	return &Limiter{limiter: redis_rate.NewLimiter(client)}
}

// Allow spends one request of key's budget of limit requests per window
// (at most limit at once, refilled at limit per window) and reports whether
// it was within the budget; when it was not, retryAfter is when the next
// request will be.
func (l *Limiter) Allow(ctx context.Context, key string, limit int, window time.Duration) (allowed bool, retryAfter time.Duration, err error) {
	res, err := l.limiter.Allow(ctx, keyPrefix+key, redis_rate.Limit{Rate: limit, Burst: limit, Period: window})
	if err != nil {
		return false, 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if res.Allowed > 0 {
		return true, 0, nil
	}
	return false, res.RetryAfter, nil
}
