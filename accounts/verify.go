package accounts

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// newEmailToken stores the hash of a fresh token for purpose and returns
// the raw token for the link.
func (s *Service) newEmailToken(ctx context.Context, tx *store.Store, userID int64, purpose string, ttl time.Duration) (string, error) {
	raw, err := newSecret()
	if err != nil {
		return "", err
	}
	now := s.now()
	t := &store.EmailToken{UserID: userID, Purpose: purpose, TokenHash: HashSecret(raw), ExpiresAt: now.Add(ttl), CreatedAt: now}
	if err := tx.CreateEmailToken(ctx, t); err != nil {
		return "", err
	}
	return raw, nil
}

type verifyMail struct {
	Organization string
	URL          string
}

func (s *Service) sendVerification(ctx context.Context, u *store.User, orgName, token string) {
	s.sendMail(ctx, u.Email, "verify", verifyMail{Organization: orgName, URL: s.link("/verify/" + token)})
}

// Verify uses a verification token and marks its user's address confirmed.
// An unknown, used or expired token is ErrInvalidToken.
func (s *Service) Verify(ctx context.Context, token string) (*store.User, error) {
	var user *store.User
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		t, err := tx.UseEmailToken(ctx, store.PurposeVerify, HashSecret(token), s.now())
		if errors.Is(err, store.ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil {
			return err
		}
		if err := tx.MarkEmailVerified(ctx, t.UserID, s.now()); err != nil {
			return err
		}
		user, err = tx.UserByID(ctx, t.UserID)
		if err != nil {
			return err
		}
		return audit(ctx, tx, 0, user.ID, store.AuditVerify, user.Email)
	})
	if err != nil {
		return nil, fmt.Errorf("verify e-mail: %w", err)
	}
	return user, nil
}

// ResendVerification sends a new verification link to an unverified user
// (the organization name goes into the mail); a verified user gets nothing.
func (s *Service) ResendVerification(ctx context.Context, userID int64, orgName string) error {
	u, err := s.store.UserByID(ctx, userID)
	if err != nil {
		return fmt.Errorf("resend verification: %w", err)
	}
	if u.Verified() {
		return nil
	}
	token, err := s.newEmailToken(ctx, s.store, u.ID, store.PurposeVerify, VerifyLifetime)
	if err != nil {
		return fmt.Errorf("resend verification: %w", err)
	}
	s.sendVerification(ctx, u, orgName, token)
	return nil
}
