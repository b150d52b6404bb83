package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Login throttling counts failed logins in a sliding window under three
// keys, each with its own limit:
//   - one account from one client: the limit a guesser meets first, and the
//     only one the owner's own typos count against;
//   - one account from any client: a softer ceiling against guessing from
//     many addresses, high enough that one client cannot lock the owner out;
//   - one client against any account: against trying one password on many
//     accounts.
//
// A completed password reset clears all of an account's counters.
const (
	MaxLoginFailures        = 10
	MaxAccountLoginFailures = 100
	MaxClientLoginFailures  = 50
	FailureWindow           = 15 * time.Minute
)

// Client is where a login comes from.
type Client struct {
	IP        string
	UserAgent string
}

// throttleKey is one counter and its limit.
type throttleKey struct {
	key   string
	limit int
}

// ClientID names the client for throttling: its IP address, with IPv6
// cut to the /64 a single subscriber is usually given, so that rotating
// through one's own addresses is no way around the limit.
func ClientID(ip string) string {
	parsed := net.ParseIP(ip)
	if parsed == nil {
		return ip
	}
	if parsed.To4() == nil {
		return parsed.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return parsed.String()
}

// accountKeyPrefix starts every counter of one account, so a reset can
// clear them all.
func accountKeyPrefix(email string) string { return "account:" + email + "|" }

// throttleKeys are the counters a login attempt is charged to.
func throttleKeys(email string, c Client) []throttleKey {
	keys := []throttleKey{{accountKeyPrefix(email) + "*", MaxAccountLoginFailures}}
	if c.IP != "" {
		id := ClientID(c.IP)
		keys = append(keys,
			throttleKey{accountKeyPrefix(email) + id, MaxLoginFailures},
			throttleKey{"client:" + id, MaxClientLoginFailures})
	}
	return keys
}

// reserveAttempt records the attempt under every key and then counts: the
// attempt may go on only when no counter, its own row included, is over
// its limit. Recording before counting is what makes concurrent attempts
// unable to slip in together between a check and a record. A refused
// attempt is taken back, so that hammering a closed door does not keep it
// closed. It returns the reserved rows.
func (s *Service) reserveAttempt(ctx context.Context, keys []throttleKey) ([]int64, error) {
	now := s.now()
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.key
	}
	ids, err := s.store.ReserveLoginAttempt(ctx, now, names...)
	if err != nil {
		return nil, err
	}
	var wait time.Duration
	for _, k := range keys {
		n, oldest, err := s.store.LoginFailures(ctx, k.key, now.Add(-FailureWindow))
		if err != nil {
			return nil, errors.Join(err, s.store.ReleaseLoginAttempt(ctx, ids))
		}
		if n > k.limit {
			wait = max(wait, oldest.Add(FailureWindow).Sub(now), time.Second)
		}
	}
	if wait > 0 {
		if err := s.store.ReleaseLoginAttempt(ctx, ids); err != nil {
			return nil, err
		}
		return nil, &ThrottledError{Wait: wait}
	}
	return ids, nil
}

// Authenticate checks an e-mail address and password, with throttling. It
// answers ErrInvalidCredentials for an unknown address and a wrong password
// alike, after the same amount of work, *ThrottledError after too many
// failures and *BusyError when too many passwords are being checked at once.
func (s *Service) Authenticate(ctx context.Context, email, password string, c Client) (*store.User, error) {
	email = NormalizeEmail(email)
	keys := throttleKeys(email, c)
	reserved, err := s.reserveAttempt(ctx, keys)
	if err != nil {
		return nil, err
	}
	user, ok, err := s.checkCredentials(ctx, email, password)
	var busy *BusyError
	if ok || errors.As(err, &busy) {
		// Neither a success nor a check that never ran is a failure.
		if rerr := s.store.ReleaseLoginAttempt(ctx, reserved); rerr != nil {
			return nil, rerr
		}
	}
	if err != nil {
		return nil, err
	}
	if ok {
		if len(keys) > 1 {
			if err := s.store.ClearLoginFailures(ctx, keys[1].key); err != nil {
				return nil, err
			}
		}
		return user, nil
	}
	if err := s.store.DeleteLoginFailuresBefore(ctx, s.now().Add(-FailureWindow)); err != nil {
		return nil, err
	}
	return nil, ErrInvalidCredentials
}

// checkCredentials verifies password for email; an unknown address costs
// one password check too.
func (s *Service) checkCredentials(ctx context.Context, email, password string) (*store.User, bool, error) {
	user, err := s.store.UserByEmail(ctx, email)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil, false, s.dummyVerify(ctx, password)
	case err != nil:
		return nil, false, fmt.Errorf("login: %w", err)
	}
	ok, err := s.verifyPassword(ctx, user.PasswordHash, password)
	if err != nil {
		return nil, false, fmt.Errorf("login user %d: %w", user.ID, err)
	}
	return user, ok, nil
}

// clearLoginFailures forgets every failed login of the account, from every
// client: the owner proved control of the address.
func (s *Service) clearLoginFailures(ctx context.Context, email string) {
	if err := s.store.ClearLoginFailuresWithPrefix(ctx, accountKeyPrefix(email)); err != nil {
		s.log.ErrorContext(ctx, "clear login failures after reset", slog.Any("error", err))
	}
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
