package accounts_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

func TestInviteNewPerson(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		inv, err := e.svc.Invite(e.ctx, ada, " Bob@Example.com ", store.RoleAdmin)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Email != "bob@example.com" || inv.Role != store.RoleAdmin {
			t.Errorf("invitation = %q as %q", inv.Email, inv.Role)
		}
		raw := e.token("bob@example.com", "/invitations/")
		pending, err := e.svc.PendingInvitations(e.ctx, ada.Organization.ID)
		if err != nil || len(pending) != 1 || pending[0].ID != inv.ID {
			t.Fatalf("pending = %+v, %v", pending, err)
		}
		view, err := e.svc.Invitation(e.ctx, raw)
		if err != nil || view.Organization.ID != ada.Organization.ID || view.AccountExists {
			t.Fatalf("invitation view = %+v, %v", view, err)
		}
		_, err = e.svc.AcceptInvitationNewAccount(e.ctx, raw, "short")
		if f := fieldErrors(t, err); f["password"] == "" {
			t.Fatalf("weak password: %v", f)
		}
		bob, err := e.svc.AcceptInvitationNewAccount(e.ctx, raw, goodPassword)
		if err != nil {
			t.Fatal(err)
		}
		if !bob.Verified() {
			t.Error("an account made from an invitation link is not verified")
		}
		m, err := e.st.MembershipOfUser(e.ctx, ada.Organization.ID, bob.ID)
		if err != nil || m.Role != store.RoleAdmin {
			t.Fatalf("membership = %+v, %v", m, err)
		}
		_, err = e.svc.AcceptInvitationNewAccount(e.ctx, raw, goodPassword)
		wantErr(t, "accepting twice", err, accounts.ErrInvalidToken)
		if pending, _ := e.svc.PendingInvitations(e.ctx, ada.Organization.ID); len(pending) != 0 {
			t.Errorf("accepted invitation still pending: %+v", pending)
		}
		for _, action := range []string{store.AuditInvite, store.AuditAccept} {
			if !e.audited(ada.Organization.ID, action) {
				t.Errorf("%s not audited", action)
			}
		}
	})
}

func TestInviteExistingAccount(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		bob := e.signup("bob@example.com", "Bobs")
		eve := e.signup("eve@example.com", "Eves")
		if _, err := e.svc.Invite(e.ctx, ada, "bob@example.com", store.RoleMember); err != nil {
			t.Fatal(err)
		}
		raw := e.token("bob@example.com", "/invitations/")
		view, err := e.svc.Invitation(e.ctx, raw)
		if err != nil || !view.AccountExists {
			t.Fatalf("view = %+v, %v; want an existing account", view, err)
		}
		_, err = e.svc.AcceptInvitationNewAccount(e.ctx, raw, goodPassword)
		wantRule(t, "new account for a registered address", err)

		_, err = e.svc.AcceptInvitation(e.ctx, raw, eve.User)
		wantRule(t, "accepted by another address", err)
		if _, err := e.st.MembershipOfUser(e.ctx, ada.Organization.ID, eve.User.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("the wrong person joined: %v", err)
		}

		org, err := e.svc.AcceptInvitation(e.ctx, raw, bob.User)
		if err != nil || org.ID != ada.Organization.ID {
			t.Fatalf("accept = %+v, %v", org, err)
		}
		if m, err := e.st.MembershipOfUser(e.ctx, ada.Organization.ID, bob.User.ID); err != nil || m.Role != store.RoleMember {
			t.Fatalf("membership = %+v, %v", m, err)
		}
		if u, _ := e.st.UserByID(e.ctx, bob.User.ID); !u.Verified() {
			t.Error("accepting the e-mailed invitation did not verify the address")
		}
		_, err = e.svc.AcceptInvitation(e.ctx, raw, bob.User)
		wantErr(t, "accepting twice", err, accounts.ErrInvalidToken)

		_, err = e.svc.Invite(e.ctx, ada, "bob@example.com", store.RoleMember)
		if f := fieldErrors(t, err); f["email"] == "" {
			t.Fatalf("inviting a member: %v", f)
		}
	})
}

func TestInviteRefusals(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		admin := e.member(ada, "adm@example.com", store.RoleAdmin)
		member := e.member(ada, "mem@example.com", store.RoleMember)
		tests := []struct {
			name   string
			actor  *accounts.Identity
			email  string
			role   store.Role
			target error
			fields []string
		}{
			{"member may not invite", member, "x@example.com", store.RoleMember, accounts.ErrForbidden, nil},
			{"bad address", ada, "not an address", store.RoleMember, nil, []string{"email"}},
			{"owner is not an invitable role", ada, "x@example.com", store.RoleOwner, nil, []string{"role"}},
			{"unknown role", admin, "x@example.com", "boss", nil, []string{"role"}},
			{"bad address and role", admin, "", "", nil, []string{"email", "role"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.svc.Invite(e.ctx, tt.actor, tt.email, tt.role)
				if tt.target != nil {
					wantErr(t, "invite", err, tt.target)
					return
				}
				f := fieldErrors(t, err)
				if len(f) != len(tt.fields) {
					t.Fatalf("fields = %v, want %v", f, tt.fields)
				}
				for _, name := range tt.fields {
					if f[name] == "" {
						t.Errorf("no message for %s", name)
					}
				}
			})
		}
		if n := len(e.mail.Messages()); n != 3 {
			t.Errorf("%d mails, want only the three verifications", n)
		}
		if _, err := e.svc.Invite(e.ctx, admin, "x@example.com", store.RoleAdmin); err != nil {
			t.Errorf("admin invites: %v", err)
		}
	})
}

func TestInviteMemberLimit(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		var le *billing.LimitError
		_, err := e.svc.Invite(e.ctx, ada, "bob@example.com", store.RoleMember)
		if !errors.As(err, &le) || le.Limit != billing.LimitMembers {
			t.Fatalf("invite on the one-member Free plan: %v, want a member limit", err)
		}
		e.paid(ada)
		limit := billing.Entitlements(billing.PlanMonitor).Members
		for i := 1; i < limit; i++ {
			if _, err := e.svc.Invite(e.ctx, ada, string(rune('a'+i))+"x@example.com", store.RoleMember); err != nil {
				t.Fatalf("invitation %d of %d: %v", i, limit-1, err)
			}
		}
		_, err = e.svc.Invite(e.ctx, ada, "over@example.com", store.RoleMember)
		if !errors.As(err, &le) {
			t.Fatalf("invitation over the limit: %v", err)
		}
		// A new invitation to an invited address replaces the old one and
		// so fits.
		if _, err := e.svc.Invite(e.ctx, ada, "bx@example.com", store.RoleAdmin); err != nil {
			t.Fatalf("re-invite at the limit: %v", err)
		}
		// A downgrade after inviting is caught when the invitation is used.
		raw := e.token("bx@example.com", "/invitations/")
		e.setPlan(ada, billing.PlanFree)
		_, err = e.svc.AcceptInvitationNewAccount(e.ctx, raw, goodPassword)
		if !errors.As(err, &le) {
			t.Fatalf("accept after a downgrade: %v, want a member limit", err)
		}
		if _, err := e.st.UserByEmail(e.ctx, "bx@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a refused acceptance created the account: %v", err)
		}
	})
}

func TestInvitationTokens(t *testing.T) {
	tests := []struct {
		name string
		// spoil runs after the invitation to bob was mailed.
		spoil func(e *env, owner, other *accounts.Identity, inv *store.Invitation) error
		ok    bool
	}{
		{"open", func(*env, *accounts.Identity, *accounts.Identity, *store.Invitation) error { return nil }, true},
		{"near its expiry", func(e *env, _, _ *accounts.Identity, _ *store.Invitation) error {
			e.clock.Advance(accounts.InvitationLifetime - time.Minute)
			return nil
		}, true},
		{"expired", func(e *env, _, _ *accounts.Identity, _ *store.Invitation) error {
			e.clock.Advance(accounts.InvitationLifetime + time.Minute)
			return nil
		}, false},
		{"revoked", func(e *env, owner, _ *accounts.Identity, inv *store.Invitation) error {
			return e.svc.RevokeInvitation(e.ctx, owner, inv.ID)
		}, false},
		{"replaced by a new invitation", func(e *env, owner, _ *accounts.Identity, inv *store.Invitation) error {
			_, err := e.svc.Invite(e.ctx, owner, inv.Email, store.RoleMember)
			return err
		}, false},
		{"revoke refused to another organization", func(e *env, _, other *accounts.Identity, inv *store.Invitation) error {
			if err := e.svc.RevokeInvitation(e.ctx, other, inv.ID); !errors.Is(err, store.ErrNotFound) {
				return errors.Join(errors.New("revoked from another organization"), err)
			}
			return nil
		}, true},
		{"revoke refused to a member", func(e *env, owner, _ *accounts.Identity, inv *store.Invitation) error {
			m := e.member(owner, "mem-"+inv.Email, store.RoleMember)
			if err := e.svc.RevokeInvitation(e.ctx, m, inv.ID); !errors.Is(err, accounts.ErrForbidden) {
				return errors.Join(errors.New("revoked by a member"), err)
			}
			return nil
		}, true},
	}
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		// Room for every case's member and invitation.
		e.setPlan(ada, billing.PlanCompliance)
		eve := e.signup("eve@example.com", "Eves")
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := e.sub(t)
				bob := fmt.Sprintf("bob%d@example.com", i)
				inv, err := e.svc.Invite(e.ctx, ada, bob, store.RoleMember)
				if err != nil {
					t.Fatal(err)
				}
				raw := e.token(bob, "/invitations/")
				if err := tt.spoil(e, ada, eve, inv); err != nil {
					t.Fatal(err)
				}
				_, lookErr := e.svc.Invitation(e.ctx, raw)
				_, acceptErr := e.svc.AcceptInvitationNewAccount(e.ctx, raw, goodPassword)
				if tt.ok {
					if lookErr != nil || acceptErr != nil {
						t.Fatalf("invitation = %v, accept = %v", lookErr, acceptErr)
					}
					return
				}
				wantErr(t, "invitation", lookErr, accounts.ErrInvalidToken)
				wantErr(t, "accept", acceptErr, accounts.ErrInvalidToken)
				if _, err := e.st.UserByEmail(e.ctx, bob); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("a dead invitation created the account: %v", err)
				}
			})
		}
	})
}
