package accounts

import (
	"context"
	"errors"
	"fmt"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// InvitationView is an open invitation as its recipient sees it.
type InvitationView struct {
	Invitation   *store.Invitation
	Organization *store.Organization
	// AccountExists tells whether the invited address already has an
	// account, which then logs in to accept instead of signing up.
	AccountExists bool
}

type inviteMail struct {
	Organization string
	Inviter      string
	Role         store.Role
	URL          string
	Days         int
}

// PendingInvitations lists the organization's open invitations.
func (s *Service) PendingInvitations(ctx context.Context, orgID int64) ([]store.Invitation, error) {
	return s.store.PendingInvitations(ctx, orgID, s.now())
}

// Invite asks email to join the actor's organization as role (admin or
// member). Owners and admins may invite. Members plus open invitations may
// not exceed the plan's member limit (*billing.LimitError). A repeated
// invitation to the same address replaces the earlier one.
func (s *Service) Invite(ctx context.Context, actor *Identity, email string, role store.Role) (*store.Invitation, error) {
	if !actor.Role.CanManage() {
		return nil, ErrForbidden
	}
	if !actor.User.Verified() {
		return nil, ErrEmailUnverified
	}
	email = NormalizeEmail(email)
	errs := validation.Errors{}
	if msg := checkEmail(email); msg != "" {
		errs.Add("email", msg)
	}
	if role != store.RoleAdmin && role != store.RoleMember {
		errs.Add("role", "Choose admin or member.")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	org := actor.Organization
	raw, err := newSecret()
	if err != nil {
		return nil, err
	}
	now := s.now()
	inv := &store.Invitation{OrganizationID: org.ID, Email: email, Role: role, TokenHash: HashSecret(raw),
		InvitedBy: &actor.User.ID, ExpiresAt: now.Add(InvitationLifetime), CreatedAt: now}
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockOrganization(ctx, org.ID); err != nil {
			return err
		}
		if u, err := tx.UserByEmail(ctx, email); err == nil {
			if _, err := tx.MembershipOfUser(ctx, org.ID, u.ID); err == nil {
				return validation.Errors{"email": "This person is already a member."}
			} else if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if err := tx.RevokeInvitationsFor(ctx, org.ID, email, now); err != nil {
			return err
		}
		if err := s.checkMemberLimit(ctx, tx, org, 1); err != nil {
			return err
		}
		if err := tx.CreateInvitation(ctx, inv); err != nil {
			return err
		}
		return audit(ctx, tx, org.ID, actor.User.ID, store.AuditInvite, email+" as "+role.String())
	})
	if err != nil {
		return nil, fmt.Errorf("invite %s: %w", email, err)
	}
	s.sendMail(ctx, email, "invite", inviteMail{Organization: org.Name, Inviter: actor.User.Email, Role: role,
		URL: s.link("/invitations/" + raw), Days: int(InvitationLifetime.Hours() / 24)})
	return inv, nil
}

// checkMemberLimit refuses when members, open invitations and adding more
// would exceed the plan.
func (s *Service) checkMemberLimit(ctx context.Context, tx *store.Store, org *store.Organization, adding int) error {
	members, err := tx.CountMembers(ctx, org.ID)
	if err != nil {
		return err
	}
	invited, err := tx.CountPendingInvitations(ctx, org.ID, s.now())
	if err != nil {
		return err
	}
	plan := billing.Entitlements(org.Plan)
	if members+invited+adding > plan.Members {
		return &billing.LimitError{Plan: plan, Limit: billing.LimitMembers}
	}
	return nil
}

// RevokeInvitation withdraws an open invitation (owners and admins).
func (s *Service) RevokeInvitation(ctx context.Context, actor *Identity, invitationID int64) error {
	if !actor.Role.CanManage() {
		return ErrForbidden
	}
	if err := s.store.RevokeInvitation(ctx, actor.Organization.ID, invitationID, s.now()); err != nil {
		return err
	}
	return s.store.AppendAudit(ctx, &actor.Organization.ID, &actor.User.ID, store.AuditInviteRevoke, fmt.Sprint(invitationID))
}

// Invitation looks up an open invitation by its raw token.
func (s *Service) Invitation(ctx context.Context, token string) (*InvitationView, error) {
	inv, err := s.store.PendingInvitationByHash(ctx, HashSecret(token), s.now())
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrInvalidToken
	}
	if err != nil {
		return nil, err
	}
	org, err := s.store.Organization(ctx, inv.OrganizationID)
	if err != nil {
		return nil, err
	}
	v := &InvitationView{Invitation: inv, Organization: org}
	if _, err := s.store.UserByEmail(ctx, inv.Email); err == nil {
		v.AccountExists = true
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	return v, nil
}

// AcceptInvitation adds the logged-in user to the inviting organization;
// the invitation must be for their address.
func (s *Service) AcceptInvitation(ctx context.Context, token string, user *store.User) (*store.Organization, error) {
	v, err := s.Invitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if v.Invitation.Email != user.Email {
		return nil, &RuleError{Message: fmt.Sprintf("This invitation is for %s. Log out and accept it with that address.", v.Invitation.Email)}
	}
	if err := s.join(ctx, v, user.ID); err != nil {
		return nil, err
	}
	return v.Organization, nil
}

// AcceptInvitationNewAccount creates an account for the invited address
// with password and adds it to the organization. Following the e-mailed
// link proves the address, so the account starts verified.
func (s *Service) AcceptInvitationNewAccount(ctx context.Context, token, password string) (*store.User, error) {
	v, err := s.Invitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if v.AccountExists {
		return nil, &RuleError{Message: "An account with this address exists already: log in to accept the invitation."}
	}
	if msg := s.checkPassword(password, v.Invitation.Email); msg != "" {
		return nil, validation.Errors{"password": msg}
	}
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return nil, err
	}
	now := s.now()
	user := &store.User{Email: v.Invitation.Email, PasswordHash: hash, EmailVerifiedAt: &now}
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.CreateUser(ctx, user); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return emailTaken()
			}
			return err
		}
		return s.joinTx(ctx, tx, v, user.ID)
	})
	if err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	return user, nil
}

func (s *Service) join(ctx context.Context, v *InvitationView, userID int64) error {
	err := s.store.InTx(ctx, func(tx *store.Store) error { return s.joinTx(ctx, tx, v, userID) })
	if err != nil {
		return fmt.Errorf("accept invitation: %w", err)
	}
	return nil
}

// joinTx closes the invitation and adds the membership. The invitation was
// counted against the limit when it was made; the check here catches a
// downgrade since.
func (s *Service) joinTx(ctx context.Context, tx *store.Store, v *InvitationView, userID int64) error {
	org := v.Organization
	if err := tx.LockOrganization(ctx, org.ID); err != nil {
		return err
	}
	if err := tx.MarkInvitationAccepted(ctx, org.ID, v.Invitation.ID, s.now()); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrInvalidToken
		}
		return err
	}
	if _, err := tx.MembershipOfUser(ctx, org.ID, userID); err == nil {
		return nil
	} else if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if err := s.checkMemberLimit(ctx, tx, org, 1); err != nil {
		return err
	}
	if _, err := tx.AddMember(ctx, org.ID, userID, v.Invitation.Role); err != nil {
		return err
	}
	if err := tx.MarkEmailVerified(ctx, userID, s.now()); err != nil {
		return err
	}
	return audit(ctx, tx, org.ID, userID, store.AuditAccept, v.Invitation.Email+" as "+v.Invitation.Role.String())
}
