package accounts

import (
	"context"
	"fmt"

	"github.com/clausewatch/clausewatch/store"
)

// GrantStaff gives the user with that address staff access (the queue
// dashboard). It is an operator's command, so it is audited without an
// actor.
func (s *Service) GrantStaff(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		u, err := tx.UserByEmail(ctx, email)
		if err != nil {
			return err
		}
		if err := tx.SetStaff(ctx, u.ID, true); err != nil {
			return err
		}
		return audit(ctx, tx, 0, 0, store.AuditStaffGrant, email)
	})
	if err != nil {
		return fmt.Errorf("grant staff to %s: %w", email, err)
	}
	return nil
}
