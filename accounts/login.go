package accounts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Login throttling: this many failures within the window, counted per
// account and per IP address, refuse further attempts until the oldest
// failure leaves the window.
const (
	MaxLoginFailures = 10
	FailureWindow    = 15 * time.Minute
)

// Client is where a login comes from.
type Client struct {
	IP        string
	UserAgent string
}

// throttleKeys are the counters a login attempt is charged to.
func throttleKeys(email string, c Client) []string {
	keys := []string{"account:" + email}
	if c.IP != "" {
		keys = append(keys, "ip:"+c.IP)
	}
	return keys
}

// checkThrottle returns a *ThrottledError when any key is over the limit.
func (s *Service) checkThrottle(ctx context.Context, keys []string) error {
	now := s.now()
	var wait time.Duration
	for _, k := range keys {
		n, oldest, err := s.store.LoginFailures(ctx, k, now.Add(-FailureWindow))
		if err != nil {
			return err
		}
		if n >= MaxLoginFailures {
			wait = max(wait, oldest.Add(FailureWindow).Sub(now))
		}
	}
	if wait > 0 {
		return &ThrottledError{Wait: wait}
	}
	return nil
}

// Authenticate checks an e-mail address and password, with throttling. It
// answers ErrInvalidCredentials for an unknown address and a wrong password
// alike, after the same amount of work, and *ThrottledError after too many
// failures.
func (s *Service) Authenticate(ctx context.Context, email, password string, c Client) (*store.User, error) {
	email = NormalizeEmail(email)
	keys := throttleKeys(email, c)
	if err := s.checkThrottle(ctx, keys); err != nil {
		return nil, err
	}
	user, err := s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.dummyVerify(password)
	case err != nil:
		return nil, fmt.Errorf("login: %w", err)
	default:
		ok, verr := VerifyPassword(user.PasswordHash, password)
		if verr != nil {
			return nil, fmt.Errorf("login user %d: %w", user.ID, verr)
		}
		if ok {
			if err := s.store.ClearLoginFailures(ctx, keys[0]); err != nil {
				return nil, err
			}
			return user, nil
		}
	}
	now := s.now()
	if err := s.store.RecordLoginFailure(ctx, now, keys...); err != nil {
		return nil, err
	}
	if err := s.store.DeleteLoginFailuresBefore(ctx, now.Add(-FailureWindow)); err != nil {
		return nil, err
	}
	return nil, ErrInvalidCredentials
}

// Login authenticates and starts a new session; the raw session id goes into
// the cookie.
func (s *Service) Login(ctx context.Context, email, password string, c Client) (*NewSession, error) {
	user, err := s.Authenticate(ctx, email, password, c)
	if err != nil {
		return nil, err
	}
	return s.StartSession(ctx, user.ID, c)
}
