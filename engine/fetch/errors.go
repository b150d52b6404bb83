package fetch

import (
	"errors"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
)

// Sentinel causes, wrapped in Error.Err.
var (
	// ErrDeniedAddress means the URL or a redirect points at an address
	// that the SSRF policy forbids (loopback, private, link-local, ...) or
	// uses a scheme, port or form that is not allowed.
	ErrDeniedAddress = errors.New("address not allowed")
	// ErrTooManyRedirects means the redirect chain exceeded MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrNoBrowser means a page needs client-side scripts and no browser
	// is configured or installed.
	ErrNoBrowser = errors.New("no browser available to execute client scripts")
	// ErrHostBusy means the host stayed busy with other requests for the
	// whole of Request.HostWait. It is not a failure of the document, and
	// Fetch returns it unwrapped by Error so that it is not recorded as one.
	ErrHostBusy = errors.New("host busy with other requests")
)

// Error is the error Fetch returns. State says what kind of failure it was
// (Unreachable, HTTPError, Blocked, TooLarge or NeedsBrowser)
// so the caller can record the document's health; RetryAfter is what the
// server asked for on 429/503; Permanent says retrying soon is pointless.
type Error struct {
	State      docstate.State
	Err        error
	RetryAfter time.Duration
	Permanent  bool
}

func (e *Error) Error() string { return e.State.String() + ": " + e.Err.Error() }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }
