package app

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
)

// RateLimiter spends requests of per-key budgets shared by every replica
// (ratelimit.Limiter: GCRA over Redis).
type RateLimiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (allowed bool, retryAfter time.Duration, err error)
}

// rateLimitedError is a 429 with Retry-After through the error handler.
type rateLimitedError struct {
	// who is what the budget belongs to: "an organization on the Free
	// plan", "a client without a token".
	who   string
	limit int
	retry time.Duration
}

func (e *rateLimitedError) Error() string {
	return fmt.Sprintf("Too many requests: %s may make %d API requests a minute. Try again in %d seconds.",
		e.who, e.limit, max(1, int(e.retry.Seconds()+0.5)))
}

// RetryAfter is how long to wait before the next window.
func (e *rateLimitedError) RetryAfter() time.Duration { return e.retry }

// limitAPIRate spends one request of the organization's budget: the plan's
// requests a minute are the organization's, however many tokens its
// members mint. When the limiter cannot be reached the request goes
// through: a Redis outage should not take the API down with it.
func (s *Server) limitAPIRate(c echo.Context, a *Auth) error {
	if a.TokenID == 0 {
		return nil
	}
	plan := billing.Entitlements(a.Organization.Plan)
	return s.spendRate(c, "org:"+strconv.FormatInt(a.Organization.ID, 10), plan.APIRequestsPerMin,
		"an organization on the "+plan.Name+" plan")
}

// limitAnonymousAPI spends one request of the client's budget for API
// calls without a token (the catalogue, sign-up, token exchange): the Free
// plan's rate per client address. Calls with a token are counted against
// their organization once the token is checked.
func (s *Server) limitAnonymousAPI(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Header.Get(echo.HeaderAuthorization) != "" {
			return next(c)
		}
		free := billing.Entitlements(billing.PlanFree)
		if err := s.spendRate(c, "client:"+c.RealIP(), free.APIRequestsPerMin, "a client without a token"); err != nil {
			return err
		}
		return next(c)
	}
}

func (s *Server) spendRate(c echo.Context, key string, perMinute int, who string) error {
	if ok, retry := s.allow(c, key, perMinute, time.Minute); !ok {
		return &rateLimitedError{who: who, limit: perMinute, retry: retry}
	}
	return nil
}
