package app

import (
	"context"

	"github.com/clausewatch/clausewatch/accounts"
)

// usage is what the organization uses of its plan, for the dashboard and
// /api/v1/me.
func (s *Server) usage(ctx context.Context, orgID int64) (accounts.Usage, error) {
	u, err := s.accounts().MemberUsage(ctx, orgID)
	if err != nil {
		return u, err
	}
	if err := s.watchUsage(ctx, orgID, &u); err != nil {
		return u, err
	}
	return u, nil
}

// watchUsage fills in the watch counts (Platforms, CustomURLs), paused
// watches included: they keep their place in the plan.
func (s *Server) watchUsage(ctx context.Context, orgID int64, u *accounts.Usage) error {
	n, err := s.watchlist().Usage(ctx, orgID)
	if err != nil {
		return err
	}
	u.Platforms, u.CustomURLs = n.Platforms, n.CustomURLs
	return nil
}
