package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// TokenPrefix starts every API token, so that leaked tokens are easy to
// recognise (and to scan for).
const TokenPrefix = "cw_"

// shownPrefixLen is how much of a token is kept in clear to tell tokens
// apart in lists: "cw_" and five characters.
const shownPrefixLen = len(TokenPrefix) + 5

// tokenTouchEvery limits last-used writes to one per interval per token.
const tokenTouchEvery = time.Minute

// CreateAPIToken makes a token for the user in the organization and returns
// the raw value, which is shown once and never stored. A user who has not
// confirmed their address gets ErrEmailUnverified.
func (s *Service) CreateAPIToken(ctx context.Context, orgID, userID int64, name string) (string, *store.APIToken, error) {
	return s.createAPIToken(ctx, orgID, userID, name, true)
}

// SignupAPIToken is the one token handed out with an API sign-up, before
// the address is confirmed: it reads and manages the watchlist, and a
// password reset revokes it.
func (s *Service) SignupAPIToken(ctx context.Context, orgID, userID int64) (string, error) {
	raw, _, err := s.createAPIToken(ctx, orgID, userID, "Created at sign-up", false)
	return raw, err
}

func (s *Service) createAPIToken(ctx context.Context, orgID, userID int64, name string, mustBeVerified bool) (string, *store.APIToken, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", nil, validation.Errors{"name": "Give the token a name, e.g. where it will be used."}
	case len(name) > 100:
		return "", nil, validation.Errors{"name": "Use at most 100 characters."}
	}
	secret, err := newSecret()
	if err != nil {
		return "", nil, err
	}
	raw := TokenPrefix + secret
	t := &store.APIToken{OrganizationID: orgID, UserID: userID, Name: name, TokenHash: HashSecret(raw),
		Prefix: raw[:shownPrefixLen], CreatedAt: s.now()}
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		if _, err := tx.MembershipOfUser(ctx, orgID, userID); err != nil {
			return err
		}
		if mustBeVerified {
			u, err := tx.UserByID(ctx, userID)
			if err != nil {
				return err
			}
			if !u.Verified() {
				return ErrEmailUnverified
			}
		}
		if err := tx.CreateAPIToken(ctx, t); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, userID, store.AuditTokenCreate, t.Prefix+" "+name)
	})
	if err != nil {
		return "", nil, fmt.Errorf("create API token: %w", err)
	}
	return raw, t, nil
}

// LoginToken exchanges an e-mail address and password for a new API token
// in the user's first organization, throttled like the login form.
func (s *Service) LoginToken(ctx context.Context, email, password string, c Client) (string, error) {
	user, err := s.Authenticate(ctx, email, password, c)
	if err != nil {
		return "", err
	}
	m, err := s.store.FirstMembership(ctx, user.ID)
	if err != nil {
		return "", fmt.Errorf("API token for user %d: %w", user.ID, err)
	}
	raw, _, err := s.CreateAPIToken(ctx, m.OrganizationID, user.ID, "API login "+s.now().Format("2006-01-02 15:04"))
	return raw, err
}

// APITokens lists the user's live tokens in the organization.
func (s *Service) APITokens(ctx context.Context, orgID, userID int64) ([]store.APIToken, error) {
	return s.store.APITokens(ctx, orgID, userID)
}

// RevokeAPIToken revokes one of the user's tokens; another organization's
// or another user's token is store.ErrNotFound.
func (s *Service) RevokeAPIToken(ctx context.Context, orgID, userID, tokenID int64) error {
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.RevokeAPIToken(ctx, orgID, userID, tokenID, s.now()); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, userID, store.AuditTokenRevoke, fmt.Sprint(tokenID))
	})
	if err != nil {
		return fmt.Errorf("revoke API token: %w", err)
	}
	return nil
}

// TokenIdentity resolves a bearer token. Unknown, revoked, or belonging to
// a membership that ended: ErrInvalidToken.
func (s *Service) TokenIdentity(ctx context.Context, raw string) (*Identity, error) {
	if !strings.HasPrefix(raw, TokenPrefix) {
		return nil, ErrInvalidToken
	}
	t, err := s.store.APITokenByHash(ctx, HashSecret(raw))
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrInvalidToken
	}
	if err != nil {
		return nil, fmt.Errorf("API token: %w", err)
	}
	id, err := s.identity(ctx, t.OrganizationID, t.UserID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrInvalidToken
	}
	if err != nil {
		return nil, fmt.Errorf("API token %d: %w", t.ID, err)
	}
	id.TokenID = t.ID
	now := s.now()
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > tokenTouchEvery {
		if err := s.store.TouchAPIToken(ctx, t.ID, now); err != nil {
			return nil, err
		}
	}
	return id, nil
}
