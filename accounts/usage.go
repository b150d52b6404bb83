package accounts

import (
	"context"
	"fmt"
)

// Usage is what an organization uses of its plan's counted allowances.
type Usage struct {
	Members    int `json:"members"`
	Platforms  int `json:"platforms"`
	CustomURLs int `json:"custom_urls"`
}

// MemberUsage fills in the member count; the watch counts come from the
// watchlist and are added by the caller.
func (s *Service) MemberUsage(ctx context.Context, orgID int64) (Usage, error) {
	n, err := s.store.CountMembers(ctx, orgID)
	if err != nil {
		return Usage{}, fmt.Errorf("usage: %w", err)
	}
	return Usage{Members: n}, nil
}
