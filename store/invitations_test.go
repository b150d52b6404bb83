package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestInvitationsAndAudit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		acme, ada, _ := seed(t, s, "acme", "ada@example.com")
		bobco, _, _ := seed(t, s, "bobco", "bob@example.com")
		now := time.Now().UTC()
		mk := func(org int64, email, hash string, expires time.Time) *store.Invitation {
			inv := &store.Invitation{OrganizationID: org, Email: email, Role: store.RoleMember, TokenHash: hash, InvitedBy: &ada.ID, ExpiresAt: expires}
			if err := s.CreateInvitation(ctx, inv); err != nil {
				t.Fatal(err)
			}
			return inv
		}
		open := mk(acme.ID, "cy@example.com", "i1", now.Add(time.Hour))
		mk(acme.ID, "old@example.com", "i2", now.Add(-time.Hour))
		other := mk(bobco.ID, "dee@example.com", "i3", now.Add(time.Hour))

		if n, _ := s.CountPendingInvitations(ctx, acme.ID, now); n != 1 {
			t.Fatalf("pending = %d, want 1 (expired ones do not count)", n)
		}
		if _, err := s.PendingInvitationByHash(ctx, "i2", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired invitation: %v", err)
		}
		if err := s.RevokeInvitation(ctx, acme.ID, other.ID, now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cross-tenant revoke: %v", err)
		}
		if err := s.MarkInvitationAccepted(ctx, acme.ID, open.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkInvitationAccepted(ctx, acme.ID, open.ID, now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("second acceptance: %v", err)
		}
		if err := s.RevokeInvitationsFor(ctx, bobco.ID, "dee@example.com", now); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.PendingInvitations(ctx, bobco.ID, now); len(list) != 0 {
			t.Fatalf("revoked invitation still pending: %+v", list)
		}

		if err := s.AppendAudit(ctx, &acme.ID, &ada.ID, store.AuditInvite, "cy@example.com"); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendAudit(ctx, nil, nil, store.AuditStaffGrant, "ada@example.com"); err != nil {
			t.Fatal(err)
		}
		log, err := s.AuditLog(ctx, acme.ID, 10)
		if err != nil || len(log) != 1 || log[0].Action != store.AuditInvite {
			t.Fatalf("AuditLog = %+v, %v", log, err)
		}
	})
}
