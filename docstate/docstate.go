// Package docstate defines the health states of a watched document. The
// engine reports them, the store keeps them in documents.state, and the
// web app and the commands show them; it imports nothing so that all of
// them can share the one definition.
package docstate

import "fmt"

// State is a document's health: Pending before its first check, OK after
// a check that found the document, otherwise the failure of the latest
// check. Its values are the strings stored and emitted in JSON.
type State string

// The states. Pending and OK are healthy; every other one is a failure.
const (
	Pending State = "pending" // never checked yet
	OK      State = "ok"      // the latest check found the document

	// Fetch failures.
	Unreachable  State = "unreachable"   // DNS, connection, TLS or timeout failure
	HTTPError    State = "http_error"    // a non-2xx answer or a redirect problem
	Blocked      State = "blocked"       // a denied address, an anti-bot challenge, a login or error page
	TooLarge     State = "too_large"     // the body exceeds the size limit
	NeedsBrowser State = "needs_browser" // client scripts must run but no browser is available

	// Extraction failures.
	SelectorMissing State = "selector_missing" // a "select" selector matched nothing
	Empty           State = "empty"            // no text could be taken from the page

	// Error is a check task that failed before it recorded any outcome
	// (the database was unreachable, say). The check command reports it;
	// it is never stored on a document.
	Error State = "error"
)

// all lists every state, healthy ones first.
var all = [...]State{Pending, OK, Unreachable, HTTPError, Blocked, TooLarge, NeedsBrowser, SelectorMissing, Empty, Error}

// All returns every state, healthy ones first.
func All() []State { return all[:] }

// Parse returns the state named by s or an error for an unknown name.
func Parse(s string) (State, error) {
	if st := State(s); st.Valid() {
		return st, nil
	}
	return "", fmt.Errorf("unknown document state %q", s)
}

// Valid reports whether s is one of the defined states.
func (s State) Valid() bool {
	for _, st := range all {
		if s == st {
			return true
		}
	}
	return false
}

// IsOK reports whether the latest check found the document.
func (s State) IsOK() bool { return s == OK }

// Healthy reports whether the document is as expected: found by its latest
// check, or not checked yet.
func (s State) Healthy() bool { return s == OK || s == Pending }

// Failed reports whether s records a failed check: any state but the
// healthy ones, unknown ones included. The empty state is not a failure:
// it is what a successful fetch or extraction reports.
func (s State) Failed() bool { return s != "" && !s.Healthy() }

// String returns the stored form.
func (s State) String() string { return string(s) }

// MarshalText writes the stored form, so JSON carries the same strings.
func (s State) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText accepts the stored forms and the empty string (a field
// left out); anything else is an error.
func (s *State) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = ""
		return nil
	}
	st, err := Parse(string(b))
	if err != nil {
		return err
	}
	*s = st
	return nil
}
