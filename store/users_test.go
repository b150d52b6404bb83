package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// seed makes an organization with one owner.
func seed(t *testing.T, s *store.Store, slug, email string) (*store.Organization, *store.User, *store.Membership) {
	t.Helper()
	ctx := context.Background()
	u := &store.User{Email: email, PasswordHash: "x"}
	if err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	o := &store.Organization{Name: slug, Slug: slug, Plan: "free"}
	if err := s.CreateOrganization(ctx, o); err != nil {
		t.Fatal(err)
	}
	m, err := s.AddMember(ctx, o.ID, u.ID, store.RoleOwner)
	if err != nil {
		t.Fatal(err)
	}
	return o, u, m
}

func TestUsersAndOrganizations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		acme, ada, adaM := seed(t, s, "acme", "ada@example.com")
		bobco, bob, bobM := seed(t, s, "bobco", "bob@example.com")

		if err := s.CreateUser(ctx, &store.User{Email: "ada@example.com", PasswordHash: "y"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate e-mail: %v", err)
		}
		if err := s.CreateOrganization(ctx, &store.Organization{Name: "x", Slug: "acme", Plan: "free"}); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate slug: %v", err)
		}
		if taken, err := s.SlugTaken(ctx, "acme"); err != nil || !taken {
			t.Fatalf("SlugTaken(acme) = %v, %v", taken, err)
		}
		if _, err := s.AddMember(ctx, acme.ID, ada.ID, store.RoleMember); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate membership: %v", err)
		}
		if _, err := s.UserByEmail(ctx, "nobody@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown user: %v", err)
		}

		// Another organization's membership is not found.
		if _, err := s.Membership(ctx, acme.ID, bobM.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cross-tenant Membership: %v", err)
		}
		if err := s.SetMemberRole(ctx, acme.ID, bobM.ID, store.RoleAdmin); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cross-tenant SetMemberRole: %v", err)
		}
		if err := s.DeleteMembership(ctx, acme.ID, bobM.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cross-tenant DeleteMembership: %v", err)
		}
		m, err := s.Membership(ctx, acme.ID, adaM.ID)
		if err != nil || m.User == nil || m.User.Email != "ada@example.com" {
			t.Fatalf("Membership = %+v, %v", m, err)
		}

		if _, err := s.AddMember(ctx, acme.ID, bob.ID, store.RoleMember); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.CountMembers(ctx, acme.ID); n != 2 {
			t.Fatalf("CountMembers = %d", n)
		}
		if n, _ := s.CountMembers(ctx, acme.ID, store.RoleOwner); n != 1 {
			t.Fatalf("owners = %d", n)
		}
		first, err := s.FirstMembership(ctx, bob.ID)
		if err != nil || first.OrganizationID != bobco.ID {
			t.Fatalf("FirstMembership = %+v, %v", first, err)
		}
		members, err := s.Members(ctx, acme.ID)
		if err != nil || len(members) != 2 || members[0].User.Email != "ada@example.com" {
			t.Fatalf("Members = %+v, %v", members, err)
		}

		now := time.Now().UTC()
		if err := s.MarkEmailVerified(ctx, ada.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkEmailVerified(ctx, ada.ID, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		u, _ := s.UserByID(ctx, ada.ID)
		if !u.Verified() || u.EmailVerifiedAt.Sub(now).Abs() > time.Second {
			t.Fatalf("verified at %v, want the first time", u.EmailVerifiedAt)
		}
		if err := s.SetStaff(ctx, ada.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := s.SetPasswordHash(ctx, 9999, "z"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("SetPasswordHash on a missing user: %v", err)
		}
		if err := s.SetOrganizationPlan(ctx, acme.ID, "monitor"); err != nil {
			t.Fatal(err)
		}
		if err := s.InTx(ctx, func(tx *store.Store) error { return tx.LockOrganization(ctx, acme.ID) }); err != nil {
			t.Fatal(err)
		}
		o, _ := s.Organization(ctx, acme.ID)
		if o.Plan != "monitor" {
			t.Fatalf("plan = %s", o.Plan)
		}
	})
}
