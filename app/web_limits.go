package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// Limits on what a client can make the service do for it without proving
// much: mail to an address of its choosing, and new accounts. Counted in
// the shared rate limiter, so they hold across web replicas.
const (
	// mailPerAddress mails of one kind (reset, verification, invitation)
	// go to one address an hour: enough for a lost mail or two.
	mailPerAddress = 3
	// mailPerClient mails of any kind one client may cause an hour.
	mailPerClient = 20
	// signupsPerClient accounts one client may create an hour.
	signupsPerClient = 10
	limitWindow      = time.Hour
)

// tooManyError is a 429 with Retry-After for the form or the API.
type tooManyError struct {
	message string
	retry   time.Duration
}

func (e *tooManyError) Error() string {
	return fmt.Sprintf("%s Try again in %s.", e.message, humanDuration(e.retry))
}

// RetryAfter is how long the client should wait.
func (e *tooManyError) RetryAfter() time.Duration { return e.retry }

func humanDuration(d time.Duration) string {
	if m := int(d.Round(time.Minute) / time.Minute); m > 1 {
		return fmt.Sprintf("%d minutes", m)
	}
	return "a minute"
}

// allow counts one use of key against limit uses per window. When the
// limiter cannot be reached the use is allowed and a warning logged: a
// Redis outage should not stop people from logging in, resetting
// passwords or using the API.
func (s *Server) allow(c echo.Context, key string, limit int, window time.Duration) (bool, time.Duration) {
	ctx := c.Request().Context()
	ok, retry, err := s.deps.RateLimiter.Allow(ctx, key, limit, window)
	if err != nil {
		s.log.WarnContext(ctx, "rate limit unavailable", slog.String("error", err.Error()))
		return true, 0
	}
	return ok, retry
}

// clientKey names the request's client in limiter keys.
func clientKey(c echo.Context) string { return accounts.ClientID(c.RealIP()) }

// limitClientMail counts one mail caused by the request's client and
// refuses when it has caused too many.
func (s *Server) limitClientMail(c echo.Context) error {
	if ok, retry := s.allow(c, "mail:client:"+clientKey(c), mailPerClient, limitWindow); !ok {
		return &tooManyError{message: "Too many e-mails were requested from your network.", retry: retry}
	}
	return nil
}

// allowMailTo counts one mail of kind to address and reports whether it may
// go. The address is hashed: the limiter need not hold who is written to.
func (s *Server) allowMailTo(c echo.Context, kind, address string) (bool, time.Duration) {
	sum := sha256.Sum256([]byte(accounts.NormalizeEmail(address)))
	return s.allow(c, "mail:"+kind+":"+hex.EncodeToString(sum[:16]), mailPerAddress, limitWindow)
}

// limitSignup counts one sign-up by the request's client.
func (s *Server) limitSignup(c echo.Context) error {
	if ok, retry := s.allow(c, "signup:client:"+clientKey(c), signupsPerClient, limitWindow); !ok {
		return &tooManyError{message: "Too many accounts were created from your network.", retry: retry}
	}
	return nil
}
