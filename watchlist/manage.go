package watchlist

import (
	"context"
	"errors"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// Remove deletes one of the organization's watches; a custom document goes
// with its watch.
func (s *Service) Remove(ctx context.Context, orgID, actorID, watchID int64) error {
	w, err := s.store.DeleteWatch(ctx, orgID, watchID)
	if err != nil {
		return err
	}
	return audit(ctx, s.store, orgID, actorID, store.AuditWatchRemove, w.Label())
}

// Pause stops alerts and feeds for one watch until it is resumed; it keeps
// its place in the plan's limit.
func (s *Service) Pause(ctx context.Context, orgID, watchID int64) error {
	return s.store.PauseWatch(ctx, orgID, watchID, store.PausedByUser, s.now())
}

// Resume restarts a paused watch when the plan has room for it among the
// active watches; otherwise a *billing.LimitError.
func (s *Service) Resume(ctx context.Context, orgID, watchID int64) error {
	plan, err := s.plan(ctx, orgID)
	if err != nil {
		return err
	}
	err = s.store.ResumeWatch(ctx, orgID, watchID, limitsOf(plan))
	if !errors.Is(err, store.ErrLimitReached) {
		return err
	}
	w, werr := s.store.Watch(ctx, orgID, watchID)
	if werr != nil {
		return werr
	}
	limit := billing.LimitPlatforms
	if w.Custom() {
		limit = billing.LimitCustomURLs
	}
	return &billing.LimitError{Plan: plan, Limit: limit}
}

func limitsOf(p billing.Plan) store.WatchLimits {
	return store.WatchLimits{Platforms: p.Platforms, CustomURLs: p.CustomURLs}
}
