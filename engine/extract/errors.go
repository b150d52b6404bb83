package extract

import "errors"

// Sentinel errors of an extraction. They are document states, not bugs:
// a worker records them as the document's health and creates no version.
var (
	// ErrSelectorMissing means a "select" selector matched nothing, so the
	// page no longer has the shape its declaration expects.
	ErrSelectorMissing = errors.New("selector matched nothing")
	// ErrEmpty means the selected content holds no text.
	ErrEmpty = errors.New("no text in selected content")
	// ErrBlocked means the page is a challenge, captcha, login wall or error
	// page served instead of the document.
	ErrBlocked = errors.New("page is a challenge, login or error page")
)

// Document states reported by State.
const (
	StateSelectorMissing = "selector_missing"
	StateEmpty           = "empty"
	StateBlocked         = "blocked"
)

// State maps an extraction error to a document state: "selector_missing",
// "blocked" or "empty". Any other non-nil error (an unreadable PDF, say)
// also means no content could be taken from the page, so it is "empty".
// A nil error has no state and yields "".
func State(err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, ErrSelectorMissing):
		return StateSelectorMissing
	case errors.Is(err, ErrBlocked):
		return StateBlocked
	default:
		return StateEmpty
	}
}
