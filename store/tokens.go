package store

import (
	"context"
	"fmt"
	"time"
)

// CreateEmailToken stores a verification or reset token (its hash).
func (s *Store) CreateEmailToken(ctx context.Context, t *EmailToken) error {
	return notFound(s.conn(ctx).Create(t).Error, "create e-mail token")
}

// EmailToken returns the unused, unexpired token of purpose with hash,
// without using it up.
func (s *Store) EmailToken(ctx context.Context, purpose, hash string, now time.Time) (*EmailToken, error) {
	var t EmailToken
	err := s.conn(ctx).
		Where("token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?", hash, purpose, now.UTC()).
		First(&t).Error
	if err != nil {
		return nil, notFound(err, "e-mail token")
	}
	return &t, nil
}

// UseEmailToken marks the token used and returns it. The update is the
// check, so two concurrent uses cannot both succeed.
func (s *Store) UseEmailToken(ctx context.Context, purpose, hash string, now time.Time) (*EmailToken, error) {
	res := s.conn(ctx).Model(&EmailToken{}).
		Where("token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?", hash, purpose, now.UTC()).
		Update("used_at", now.UTC())
	if err := oneRow(res, "use e-mail token"); err != nil {
		return nil, err
	}
	var t EmailToken
	if err := s.conn(ctx).Where("token_hash = ?", hash).First(&t).Error; err != nil {
		return nil, notFound(err, "e-mail token")
	}
	return &t, nil
}

// UseAllEmailTokens marks every unused token of the user for purpose as
// used, so that older links stop working.
func (s *Store) UseAllEmailTokens(ctx context.Context, userID int64, purpose string, now time.Time) error {
	err := s.conn(ctx).Model(&EmailToken{}).
		Where("user_id = ? AND purpose = ? AND used_at IS NULL", userID, purpose).
		Update("used_at", now.UTC()).Error
	if err != nil {
		return fmt.Errorf("invalidate %s tokens of user %d: %w", purpose, userID, err)
	}
	return nil
}

// CreateAPIToken stores a new API token (its hash and prefix).
func (s *Store) CreateAPIToken(ctx context.Context, t *APIToken) error {
	return notFound(s.conn(ctx).Create(t).Error, "create API token")
}

// APITokenByHash returns the unrevoked token with that hash. It is the one
// lookup not scoped to an organization: the token is what names it.
func (s *Store) APITokenByHash(ctx context.Context, hash string) (*APIToken, error) {
	var t APIToken
	if err := s.conn(ctx).Where("token_hash = ? AND revoked_at IS NULL", hash).First(&t).Error; err != nil {
		return nil, notFound(err, "API token")
	}
	return &t, nil
}

// APITokens lists the user's unrevoked tokens in the organization, newest
// first.
func (s *Store) APITokens(ctx context.Context, orgID, userID int64) ([]APIToken, error) {
	var ts []APIToken
	err := s.conn(ctx).Scopes(forOrg(orgID)).Where("user_id = ? AND revoked_at IS NULL", userID).
		Order("created_at DESC, id DESC").Find(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("list API tokens: %w", err)
	}
	return ts, nil
}

// RevokeAPIToken revokes one of the user's tokens in the organization.
func (s *Store) RevokeAPIToken(ctx context.Context, orgID, userID, tokenID int64, at time.Time) error {
	res := s.conn(ctx).Model(&APIToken{}).Scopes(forOrg(orgID)).
		Where("id = ? AND user_id = ? AND revoked_at IS NULL", tokenID, userID).
		Update("revoked_at", at.UTC())
	return oneRow(res, fmt.Sprintf("revoke API token %d", tokenID))
}

// RevokeMemberAPITokens revokes every token the user holds for the
// organization, when they leave it or are removed.
func (s *Store) RevokeMemberAPITokens(ctx context.Context, orgID, userID int64, at time.Time) error {
	err := s.conn(ctx).Model(&APIToken{}).Scopes(forOrg(orgID)).
		Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("revoke API tokens of user %d: %w", userID, err)
	}
	return nil
}

// TouchAPIToken records when the token was last used.
func (s *Store) TouchAPIToken(ctx context.Context, tokenID int64, at time.Time) error {
	err := s.conn(ctx).Model(&APIToken{}).Where("id = ?", tokenID).Update("last_used_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch API token %d: %w", tokenID, err)
	}
	return nil
}

// RevokeUserAPITokens revokes every live token of the user in every
// organization, when their password is reset or changed, and returns how
// many each organization lost (organizations without live tokens are
// absent). It is scoped by user, not organization: the user's credentials
// are what changed.
func (s *Store) RevokeUserAPITokens(ctx context.Context, userID int64, at time.Time) (map[int64]int64, error) {
	var rows []struct {
		OrganizationID int64
		N              int64
	}
	err := s.conn(ctx).Model(&APIToken{}).Select("organization_id, COUNT(*) AS n").
		Where("user_id = ? AND revoked_at IS NULL", userID).Group("organization_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count API tokens of user %d: %w", userID, err)
	}
	err = s.conn(ctx).Model(&APIToken{}).Where("user_id = ? AND revoked_at IS NULL", userID).
		Update("revoked_at", at.UTC()).Error
	if err != nil {
		return nil, fmt.Errorf("revoke API tokens of user %d: %w", userID, err)
	}
	out := make(map[int64]int64, len(rows))
	for _, r := range rows {
		out[r.OrganizationID] = r.N
	}
	return out, nil
}
