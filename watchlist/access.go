package watchlist

import (
	"context"

	"github.com/clausewatch/clausewatch/billing"
)

// WriteAccess returns a *ReadOnlyError when the user is one of the members
// the organization's plan does not cover. After a downgrade the plan
// covers the owners and then the longest-standing members up to its
// limit; the others keep read access until an owner removes someone.
// Owners always keep write access, so that they can.
func (s *Service) WriteAccess(ctx context.Context, orgID, userID int64) error {
	plan, err := s.plan(ctx, orgID)
	if err != nil {
		return err
	}
	members, err := s.store.Members(ctx, orgID) // oldest first
	if err != nil {
		return err
	}
	if len(members) <= plan.Members {
		return nil
	}
	seats := plan.Members
	for _, m := range members {
		if m.Role.IsOwner() {
			seats--
		}
	}
	for _, m := range members {
		if m.Role.IsOwner() {
			if m.UserID == userID {
				return nil
			}
			continue
		}
		if m.UserID == userID && seats > 0 {
			return nil
		}
		seats--
	}
	return &ReadOnlyError{PlanName: plan.Name, Members: len(members), Limit: billing.LimitMembers.Of(plan)}
}
