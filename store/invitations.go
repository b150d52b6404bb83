package store

import (
	"context"
	"fmt"
	"time"
)

// CreateInvitation stores an invitation (its token hash).
func (s *Store) CreateInvitation(ctx context.Context, inv *Invitation) error {
	return notFound(s.conn(ctx).Create(inv).Error, "create invitation")
}

// pending selects invitations that can still be accepted at now.
func pending(now time.Time) (string, []any) {
	return "accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?", []any{now.UTC()}
}

// PendingInvitationByHash returns the open invitation with that token
// hash, from whichever organization issued it.
func (s *Store) PendingInvitationByHash(ctx context.Context, hash string, now time.Time) (*Invitation, error) {
	cond, args := pending(now)
	var inv Invitation
	if err := s.conn(ctx).Where("token_hash = ?", hash).Where(cond, args...).First(&inv).Error; err != nil {
		return nil, notFound(err, "invitation")
	}
	return &inv, nil
}

// PendingInvitations lists the organization's open invitations, newest
// first.
func (s *Store) PendingInvitations(ctx context.Context, orgID int64, now time.Time) ([]Invitation, error) {
	cond, args := pending(now)
	var invs []Invitation
	err := s.conn(ctx).Scopes(forOrg(orgID)).Where(cond, args...).Order("created_at DESC, id DESC").Find(&invs).Error
	if err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	return invs, nil
}

// CountPendingInvitations counts the organization's open invitations.
func (s *Store) CountPendingInvitations(ctx context.Context, orgID int64, now time.Time) (int, error) {
	cond, args := pending(now)
	var n int64
	if err := s.conn(ctx).Model(&Invitation{}).Scopes(forOrg(orgID)).Where(cond, args...).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count invitations: %w", err)
	}
	return int(n), nil
}

// RevokeInvitationsFor withdraws the organization's open invitations to
// email, before a fresh one replaces them.
func (s *Store) RevokeInvitationsFor(ctx context.Context, orgID int64, email string, now time.Time) error {
	err := s.conn(ctx).Model(&Invitation{}).Scopes(forOrg(orgID)).
		Where("email = ? AND accepted_at IS NULL AND revoked_at IS NULL", email).
		Update("revoked_at", now.UTC()).Error
	if err != nil {
		return fmt.Errorf("revoke invitations: %w", err)
	}
	return nil
}

// RevokeInvitation withdraws one open invitation of the organization.
func (s *Store) RevokeInvitation(ctx context.Context, orgID, invitationID int64, now time.Time) error {
	res := s.conn(ctx).Model(&Invitation{}).Scopes(forOrg(orgID)).
		Where("id = ? AND accepted_at IS NULL AND revoked_at IS NULL", invitationID).
		Update("revoked_at", now.UTC())
	return oneRow(res, fmt.Sprintf("revoke invitation %d", invitationID))
}

// MarkInvitationAccepted closes the invitation; it fails with ErrNotFound
// when it was accepted or revoked meanwhile.
func (s *Store) MarkInvitationAccepted(ctx context.Context, orgID, invitationID int64, now time.Time) error {
	res := s.conn(ctx).Model(&Invitation{}).Scopes(forOrg(orgID)).
		Where("id = ? AND accepted_at IS NULL AND revoked_at IS NULL", invitationID).
		Update("accepted_at", now.UTC())
	return oneRow(res, fmt.Sprintf("accept invitation %d", invitationID))
}
