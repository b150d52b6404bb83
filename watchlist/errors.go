package watchlist

import (
	"errors"
	"fmt"

	"github.com/clausewatch/clausewatch/store"
)

// ErrUnknownPlan is returned by ApplyPlan for a plan id that does not
// exist.
var ErrUnknownPlan = errors.New("unknown plan")

// ConflictError says that the organization already watches what it tried
// to add. It is a store.ErrConflict with a sentence for the user.
type ConflictError struct {
	Message string
}

func (e *ConflictError) Error() string { return e.Message }

// UserMessage is what the error handler shows.
func (e *ConflictError) UserMessage() string { return e.Message }

// Is makes the error a store.ErrConflict for errors.Is.
func (e *ConflictError) Is(target error) bool { return target == store.ErrConflict }

// ReadOnlyError says that a member keeps read access only, because the
// organization has more members than its plan allows.
type ReadOnlyError struct {
	PlanName string
	Members  int
	Limit    int
}

func (e *ReadOnlyError) Error() string {
	return fmt.Sprintf("Your organization has %d members and the %s plan allows %d, so your access is read-only until an owner removes a member or upgrades the plan.",
		e.Members, e.PlanName, e.Limit)
}
