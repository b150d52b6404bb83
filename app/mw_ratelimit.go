package app

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
)

// RateLimiter counts requests per key in fixed windows shared by every
// replica (ratelimit.Limiter over Redis).
type RateLimiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (allowed bool, retryAfter time.Duration, err error)
}

// rateLimitedError is a 429 with Retry-After through the error handler.
type rateLimitedError struct {
	plan  billing.Plan
	retry time.Duration
}

func (e *rateLimitedError) Error() string {
	return fmt.Sprintf("Too many requests: a token on the %s plan may make %d requests a minute. Try again in %d seconds.",
		e.plan.Name, e.plan.APIRequestsPerMin, max(1, int(e.retry.Seconds()+0.5)))
}

// RetryAfter is how long to wait before the next window.
func (e *rateLimitedError) RetryAfter() time.Duration { return e.retry }

// limitAPIRate counts one request of the authenticated API token against
// its organization's plan. When the counter cannot be reached the request
// goes through: a Redis outage should not take the API down with it.
func (s *Server) limitAPIRate(c echo.Context, a *Auth) error {
	if a.TokenID == 0 {
		return nil
	}
	plan := billing.Entitlements(a.Organization.Plan)
	ctx := c.Request().Context()
	ok, retry, err := s.deps.RateLimiter.Allow(ctx, "token:"+strconv.FormatInt(a.TokenID, 10), plan.APIRequestsPerMin, time.Minute)
	if err != nil {
		s.log.WarnContext(ctx, "rate limit unavailable", slog.String("error", err.Error()))
		return nil
	}
	if !ok {
		return &rateLimitedError{plan: plan, retry: retry}
	}
	return nil
}
