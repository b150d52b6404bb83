package watchlist

import (
	"context"
	"crypto/rand"

	"github.com/clausewatch/clausewatch/store"
)

// HasFeed reports whether the organization has a private feed. Its
// address is shown once, when it is made: only its hash is kept.
func (s *Service) HasFeed(ctx context.Context, orgID int64) (bool, error) {
	return s.store.HasFeedToken(ctx, orgID)
}

// RegenerateFeedToken gives the organization a new feed token; feed
// readers holding the old URL get 404 from now on.
func (s *Service) RegenerateFeedToken(ctx context.Context, orgID, actorID int64) (string, error) {
	token := "cwf_" + rand.Text()
	if err := s.store.SetFeedToken(ctx, orgID, token); err != nil {
		return "", err
	}
	return token, audit(ctx, s.store, orgID, actorID, store.AuditFeedToken, "regenerated")
}

// RevokeFeedToken turns the organization's private feed off.
func (s *Service) RevokeFeedToken(ctx context.Context, orgID, actorID int64) error {
	if err := s.store.DeleteFeedToken(ctx, orgID); err != nil {
		return err
	}
	return audit(ctx, s.store, orgID, actorID, store.AuditFeedToken, "revoked")
}

// FeedOrganization returns the organization whose feed token this is, or
// store.ErrNotFound.
func (s *Service) FeedOrganization(ctx context.Context, token string) (*store.Organization, error) {
	if token == "" {
		return nil, store.ErrNotFound
	}
	return s.store.FeedTokenOrganization(ctx, token)
}
