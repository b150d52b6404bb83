package accounts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Identity is who a session or API token acts as.
type Identity struct {
	User         *store.User
	Organization *store.Organization
	Role         store.Role
	// TokenID is the API token used; zero for sessions.
	TokenID int64
}

// NewSession is a freshly started session: ID is the raw cookie value,
// shown nowhere else and stored only as a hash.
type NewSession struct {
	ID        string
	ExpiresAt time.Time
	UserID    int64
	OrgID     int64
}

// touchEvery limits last-seen writes to one per interval per session.
const touchEvery = 5 * time.Minute

// StartSession opens a session for the user in their first organization.
// A user who left every organization gets a new one of their own, so that a
// login always lands somewhere.
func (s *Service) StartSession(ctx context.Context, userID int64, c Client) (*NewSession, error) {
	raw, err := newSecret()
	if err != nil {
		return nil, err
	}
	now := s.now()
	sess := &store.Session{IDHash: HashSecret(raw), UserID: userID, IP: c.IP, UserAgent: truncate(c.UserAgent, 255),
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionLifetime)}
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		orgID, err := s.homeOrganization(ctx, tx, userID)
		if err != nil {
			return err
		}
		sess.OrganizationID = orgID
		return tx.CreateSession(ctx, sess)
	})
	if err != nil {
		return nil, fmt.Errorf("start session: %w", err)
	}
	return &NewSession{ID: raw, ExpiresAt: sess.ExpiresAt, UserID: userID, OrgID: sess.OrganizationID}, nil
}

func (s *Service) homeOrganization(ctx context.Context, tx *store.Store, userID int64) (int64, error) {
	m, err := tx.FirstMembership(ctx, userID)
	if err == nil {
		return m.OrganizationID, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	u, err := tx.UserByID(ctx, userID)
	if err != nil {
		return 0, err
	}
	org, err := s.createOrganization(ctx, tx, u.Email, userID)
	if err != nil {
		return 0, err
	}
	return org.ID, nil
}

// Session resolves a raw session id. An unknown or expired session, or one
// whose membership is gone, is store.ErrNotFound.
func (s *Service) Session(ctx context.Context, raw string) (*Identity, error) {
	if raw == "" {
		return nil, fmt.Errorf("session: %w", store.ErrNotFound)
	}
	now := s.now()
	hash := HashSecret(raw)
	sess, err := s.store.SessionByHash(ctx, hash, now)
	if err != nil {
		return nil, err
	}
	id, err := s.identity(ctx, sess.OrganizationID, sess.UserID)
	if err != nil {
		return nil, err
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		if err := s.store.TouchSession(ctx, hash, now); err != nil {
			return nil, err
		}
	}
	return id, nil
}

// identity loads the user, organization and role of a membership.
func (s *Service) identity(ctx context.Context, orgID, userID int64) (*Identity, error) {
	m, err := s.store.MembershipOfUser(ctx, orgID, userID)
	if err != nil {
		return nil, err
	}
	org, err := s.store.Organization(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return &Identity{User: m.User, Organization: org, Role: m.Role}, nil
}

// Logout ends the session; an unknown one is not an error.
func (s *Service) Logout(ctx context.Context, raw string) error {
	if raw == "" {
		return nil
	}
	if err := s.store.DeleteSession(ctx, HashSecret(raw)); err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}

// Organizations lists the organizations the user belongs to, with the
// user's role in each, oldest membership first.
func (s *Service) Organizations(ctx context.Context, userID int64) ([]store.Membership, error) {
	return s.store.MembershipsOfUser(ctx, userID)
}

// SwitchOrganization moves a session to another organization of the user.
func (s *Service) SwitchOrganization(ctx context.Context, raw string, userID, orgID int64) error {
	if _, err := s.store.MembershipOfUser(ctx, orgID, userID); err != nil {
		return fmt.Errorf("switch organization: %w", err)
	}
	if err := s.store.SetSessionOrganization(ctx, HashSecret(raw), orgID); err != nil {
		return fmt.Errorf("switch organization: %w", err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
