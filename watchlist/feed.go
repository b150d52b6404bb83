package watchlist

import (
	"context"
	"crypto/rand"
	"errors"

	"github.com/clausewatch/clausewatch/store"
)

// FeedToken returns the organization's private feed token, "" when it has
// none.
func (s *Service) FeedToken(ctx context.Context, orgID int64) (string, error) {
	t, err := s.store.FeedToken(ctx, orgID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return t, err
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
