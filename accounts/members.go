package accounts

import (
	"context"
	"fmt"

	"github.com/clausewatch/clausewatch/store"
)

// Members lists the organization's members with their users.
func (s *Service) Members(ctx context.Context, orgID int64) ([]store.Membership, error) {
	return s.store.Members(ctx, orgID)
}

// RemoveMember takes someone out of the organization: owners and admins
// may, admins not an owner, and never the last owner. Their sessions and
// API tokens for the organization stop working.
func (s *Service) RemoveMember(ctx context.Context, actor *Identity, membershipID int64) error {
	if !actor.Role.CanManage() {
		return ErrForbidden
	}
	orgID := actor.Organization.ID
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		m, err := tx.Membership(ctx, orgID, membershipID)
		if err != nil {
			return err
		}
		if m.UserID == actor.User.ID {
			return &RuleError{Message: "To leave the organization yourself, use Leave."}
		}
		if m.Role.IsOwner() && !actor.Role.IsOwner() {
			return ErrForbidden
		}
		if err := s.dropMember(ctx, tx, m); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, actor.User.ID, store.AuditRemove, m.User.Email)
	})
	if err != nil {
		return fmt.Errorf("remove member %d: %w", membershipID, err)
	}
	return nil
}

// Leave takes the acting user out of the organization. The last owner must
// transfer ownership first.
func (s *Service) Leave(ctx context.Context, actor *Identity) error {
	orgID := actor.Organization.ID
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		m, err := tx.MembershipOfUser(ctx, orgID, actor.User.ID)
		if err != nil {
			return err
		}
		if err := s.dropMember(ctx, tx, m); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, actor.User.ID, store.AuditLeave, m.User.Email)
	})
	if err != nil {
		return fmt.Errorf("leave organization %d: %w", orgID, err)
	}
	return nil
}

// dropMember deletes a membership with its sessions and tokens, refusing to
// leave the organization without an owner.
func (s *Service) dropMember(ctx context.Context, tx *store.Store, m *store.Membership) error {
	if m.Role.IsOwner() {
		owners, err := tx.CountMembers(ctx, m.OrganizationID, store.RoleOwner)
		if err != nil {
			return err
		}
		if owners <= 1 {
			return &RuleError{Message: "The organization needs an owner: transfer ownership to another member first."}
		}
	}
	if err := tx.DeleteMembership(ctx, m.OrganizationID, m.ID); err != nil {
		return err
	}
	if err := tx.DeleteMemberSessions(ctx, m.OrganizationID, m.UserID); err != nil {
		return err
	}
	return tx.RevokeMemberAPITokens(ctx, m.OrganizationID, m.UserID, s.now())
}

// TransferOwnership makes another member the owner; the acting owner
// becomes an admin.
func (s *Service) TransferOwnership(ctx context.Context, actor *Identity, membershipID int64) error {
	if !actor.Role.IsOwner() {
		return ErrForbidden
	}
	orgID := actor.Organization.ID
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		target, err := tx.Membership(ctx, orgID, membershipID)
		if err != nil {
			return err
		}
		if target.UserID == actor.User.ID {
			return &RuleError{Message: "You already own this organization."}
		}
		self, err := tx.MembershipOfUser(ctx, orgID, actor.User.ID)
		if err != nil {
			return err
		}
		if err := tx.SetMemberRole(ctx, orgID, target.ID, store.RoleOwner); err != nil {
			return err
		}
		if err := tx.SetMemberRole(ctx, orgID, self.ID, store.RoleAdmin); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, actor.User.ID, store.AuditTransfer, target.User.Email)
	})
	if err != nil {
		return fmt.Errorf("transfer ownership of organization %d: %w", orgID, err)
	}
	return nil
}
