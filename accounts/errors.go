package accounts

import (
	"errors"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// ErrInvalidCredentials is the one answer for an unknown e-mail address and
// a wrong password, so that logins do not reveal who has an account.
var ErrInvalidCredentials = errors.New("the e-mail address or password is not correct")

// ErrInvalidToken means a link or token is unknown, used or expired.
var ErrInvalidToken = errors.New("this link is invalid, expired or was already used")

// ErrEmailUnverified refuses what would let an account that has not
// proved its address act beyond itself: minting further API tokens,
// setting webhooks, inviting people. Whoever signed up with someone else's
// address cannot get a foothold that outlives the owner's password reset.
var ErrEmailUnverified = errors.New("confirm your e-mail address first: follow the link we sent you, or ask for a new one on your dashboard")

// ErrForbidden means the member's role does not allow the action.
var ErrForbidden = errors.New("your role in this organization does not allow this")

// ThrottledError refuses a login after too many failures.
type ThrottledError struct {
	Wait time.Duration
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("Too many failed logins. Try again in %s.", humanWait(e.Wait))
}

// RetryAfter is how long the caller should wait.
func (e *ThrottledError) RetryAfter() time.Duration { return e.Wait }

func humanWait(d time.Duration) string {
	if m := int(d.Round(time.Minute) / time.Minute); m > 1 {
		return fmt.Sprintf("%d minutes", m)
	}
	return "a minute"
}

// ConflictError is a taken value (e-mail address) with a sentence for the
// user; it matches store.ErrConflict.
type ConflictError struct {
	Field   string
	Message string
}

func (e *ConflictError) Error() string       { return e.Field + ": " + e.Message }
func (e *ConflictError) Unwrap() error       { return store.ErrConflict }
func (e *ConflictError) UserMessage() string { return e.Message }

// RuleError is a refused action on members (last owner, leaving) with a
// sentence for the user.
type RuleError struct{ Message string }

func (e *RuleError) Error() string       { return e.Message }
func (e *RuleError) Unwrap() error       { return store.ErrConflict }
func (e *RuleError) UserMessage() string { return e.Message }
