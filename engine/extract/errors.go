package extract

import (
	"errors"

	"github.com/clausewatch/clausewatch/docstate"
)

// Sentinel errors of an extraction. They are document states, not bugs:
// a worker records them as the document's health and creates no version.
var (
	// ErrSelectorMissing means the "select" selectors matched nothing, or a
	// range's markers are missing, so the page no longer has the shape its
	// declaration expects. The error is a *MissingError.
	ErrSelectorMissing = errors.New("selector matched nothing")
	// ErrScriptFilter means the rules hold a JavaScript filter, which must
	// run in a browser before extraction.
	ErrScriptFilter = errors.New("JavaScript filter not run before extraction")
	// ErrEmpty means the selected content holds no text.
	ErrEmpty = errors.New("no text in selected content")
	// ErrBlocked means the page is a challenge, captcha, login wall or error
	// page served instead of the document.
	ErrBlocked = errors.New("page is a challenge, login or error page")
)

// State maps an extraction error to a document state: SelectorMissing,
// Blocked or Empty. Any other non-nil error (an unreadable PDF, say) also
// means no content could be taken from the page, so it is Empty. A nil
// error has no state and yields "".
func State(err error) docstate.State {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrSelectorMissing):
		return docstate.SelectorMissing
	case errors.Is(err, ErrBlocked):
		return docstate.Blocked
	default:
		return docstate.Empty
	}
}
