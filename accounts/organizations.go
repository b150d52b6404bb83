package accounts

import (
	"context"
	"fmt"
	"strings"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// MaxOwnedOrganizations bounds how many organizations one person may
// create and own, so that a script cannot fill the database with them.
const MaxOwnedOrganizations = 10

// CreateOrganization makes a new Free organization owned by the user and
// moves the session to it. The user must have confirmed their address
// (ErrEmailUnverified); a bad name or too many owned organizations is a
// validation.Errors on "organization".
func (s *Service) CreateOrganization(ctx context.Context, sessionRaw string, user *store.User, name string) (*store.Organization, error) {
	name = strings.TrimSpace(name)
	if msg := checkOrgName(name); msg != "" {
		return nil, validation.Errors{"organization": msg}
	}
	if user.EmailVerifiedAt == nil {
		return nil, fmt.Errorf("create organization: %w", ErrEmailUnverified)
	}
	var org *store.Organization
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		ms, err := tx.MembershipsOfUser(ctx, user.ID)
		if err != nil {
			return err
		}
		owned := 0
		for _, m := range ms {
			if m.Role == store.RoleOwner {
				owned++
			}
		}
		if owned >= MaxOwnedOrganizations {
			return validation.Errors{"organization": fmt.Sprintf("You already own %d organizations, the most one person may own.", owned)}
		}
		if org, err = s.createOrganization(ctx, tx, name, user.ID); err != nil {
			return err
		}
		return audit(ctx, tx, org.ID, user.ID, store.AuditOrgCreate, name)
	})
	if err != nil {
		return nil, fmt.Errorf("create organization: %w", err)
	}
	if err := s.SwitchOrganization(ctx, sessionRaw, user.ID, org.ID); err != nil {
		return nil, err
	}
	return org, nil
}
