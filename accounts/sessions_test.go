package accounts_test

import (
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

func TestLoginStartsASession(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		raw := e.login(" ADA@example.com", goodPassword)
		id, err := e.svc.Session(e.ctx, raw)
		if err != nil {
			t.Fatal(err)
		}
		if id.User.ID != ada.User.ID || id.Organization.ID != ada.Organization.ID || id.Role != store.RoleOwner || id.TokenID != 0 {
			t.Errorf("session identity = user %d org %d role %q token %d", id.User.ID, id.Organization.ID, id.Role, id.TokenID)
		}
		stored, err := e.st.SessionByHash(e.ctx, accounts.HashSecret(raw), e.clock.Now())
		if err != nil {
			t.Fatalf("the session is not stored under the hash of its id: %v", err)
		}
		if want := e.clock.Now().Add(accounts.SessionLifetime); !stored.ExpiresAt.Equal(want.Truncate(time.Microsecond)) && !stored.ExpiresAt.Equal(want) {
			t.Errorf("expires at %v, want %v", stored.ExpiresAt, want)
		}
	})
}

func TestLoginRefusals(t *testing.T) {
	tests := []struct{ name, email, password string }{
		{"wrong password", "ada@example.com", "violet lantern harbouR"},
		{"empty password", "ada@example.com", ""},
		{"unknown address", "bob@example.com", goodPassword},
		{"empty address", "", goodPassword},
	}
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, err := e.svc.Login(e.ctx, tt.email, tt.password, accounts.Client{IP: "192.0.2.9"})
				wantErr(t, "login", err, accounts.ErrInvalidCredentials)
			})
		}
	})
}

func TestSessionLookup(t *testing.T) {
	tests := []struct {
		name string
		// after changes the world after login and returns the raw id to
		// look up.
		after func(e *env, raw string) string
		ok    bool
	}{
		{"fresh session", func(_ *env, raw string) string { return raw }, true},
		{"just before expiry", func(e *env, raw string) string { e.clock.Advance(accounts.SessionLifetime - time.Minute); return raw }, true},
		{"expired", func(e *env, raw string) string { e.clock.Advance(accounts.SessionLifetime + time.Minute); return raw }, false},
		{"unknown id", func(_ *env, raw string) string { return raw[1:] }, false},
		{"empty id", func(*env, string) string { return "" }, false},
		{"the stored hash used as the id", func(_ *env, raw string) string { return accounts.HashSecret(raw) }, false},
		{"logged out", func(e *env, raw string) string {
			if err := e.svc.Logout(e.ctx, raw); err != nil {
				e.t.Fatal(err)
			}
			return raw
		}, false},
	}
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := e.sub(t)
				raw := e.login("ada@example.com", goodPassword)
				_, err := e.svc.Session(e.ctx, tt.after(e, raw))
				if tt.ok && err != nil {
					t.Fatalf("session: %v", err)
				}
				if !tt.ok {
					wantErr(t, "session", err, store.ErrNotFound)
				}
			})
		}
	})
}

func TestLogoutEndsOnlyThatSession(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		laptop := e.login("ada@example.com", goodPassword)
		phone := e.login("ada@example.com", goodPassword)
		if err := e.svc.Logout(e.ctx, laptop); err != nil {
			t.Fatal(err)
		}
		_, err := e.svc.Session(e.ctx, laptop)
		wantErr(t, "logged-out session", err, store.ErrNotFound)
		if _, err := e.svc.Session(e.ctx, phone); err != nil {
			t.Fatalf("the other session ended too: %v", err)
		}
		for _, raw := range []string{laptop, "", "never-issued"} {
			if err := e.svc.Logout(e.ctx, raw); err != nil {
				t.Errorf("logout of %q: %v", raw, err)
			}
		}
	})
}

func TestChangePasswordEndsSessions(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.signup("bob@example.com", "Bobs")
		sessions := []string{e.login("ada@example.com", goodPassword), e.login("ada@example.com", goodPassword)}
		other := e.login("bob@example.com", goodPassword)

		err := e.svc.ChangePassword(e.ctx, ada.User.ID, "not the password", "another good passphrase")
		if f := fieldErrors(t, err); f["current_password"] == "" {
			t.Fatalf("wrong current password: %v", f)
		}
		err = e.svc.ChangePassword(e.ctx, ada.User.ID, goodPassword, "short")
		if f := fieldErrors(t, err); f["password"] == "" {
			t.Fatalf("weak new password: %v", f)
		}
		for _, raw := range sessions {
			if _, err := e.svc.Session(e.ctx, raw); err != nil {
				t.Fatalf("a refused change ended a session: %v", err)
			}
		}

		if err := e.svc.ChangePassword(e.ctx, ada.User.ID, goodPassword, "another good passphrase"); err != nil {
			t.Fatal(err)
		}
		for _, raw := range sessions {
			_, err := e.svc.Session(e.ctx, raw)
			wantErr(t, "session after a password change", err, store.ErrNotFound)
		}
		if _, err := e.svc.Session(e.ctx, other); err != nil {
			t.Errorf("another user's session ended: %v", err)
		}
		_, err = e.svc.Login(e.ctx, "ada@example.com", goodPassword, accounts.Client{})
		wantErr(t, "old password", err, accounts.ErrInvalidCredentials)
		e.login("ada@example.com", "another good passphrase")
		if !e.audited(ada.Organization.ID, store.AuditPasswordChange) {
			t.Error("password change not audited")
		}
	})
}

func TestSessionEndsWithItsMembership(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		bob := e.member(ada, "bob@example.com", store.RoleMember)
		raw := e.login("bob@example.com", goodPassword)
		if err := e.svc.SwitchOrganization(e.ctx, raw, bob.User.ID, ada.Organization.ID); err != nil {
			t.Fatal(err)
		}
		id, err := e.svc.Session(e.ctx, raw)
		if err != nil || id.Organization.ID != ada.Organization.ID || id.Role != store.RoleMember {
			t.Fatalf("after switching: %+v, %v", id, err)
		}
		m, err := e.st.MembershipOfUser(e.ctx, ada.Organization.ID, bob.User.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.svc.RemoveMember(e.ctx, ada, m.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.Session(e.ctx, raw)
		wantErr(t, "session in an organization the user was removed from", err, store.ErrNotFound)
	})
}

func TestSwitchOrganization(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		bob := e.signup("bob@example.com", "Bobs")
		raw := e.login("ada@example.com", goodPassword)
		err := e.svc.SwitchOrganization(e.ctx, raw, ada.User.ID, bob.Organization.ID)
		wantErr(t, "switch to an organization the user is not in", err, store.ErrNotFound)
		id, err := e.svc.Session(e.ctx, raw)
		if err != nil || id.Organization.ID != ada.Organization.ID {
			t.Fatalf("a refused switch moved the session: %+v, %v", id, err)
		}
		orgs, err := e.svc.Organizations(e.ctx, ada.User.ID)
		if err != nil || len(orgs) != 1 || orgs[0].OrganizationID != ada.Organization.ID {
			t.Fatalf("organizations = %+v, %v", orgs, err)
		}
	})
}

func TestLoginWithoutOrganizationGetsOne(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		bob := e.member(ada, "bob@example.com", store.RoleAdmin)
		if err := e.svc.Leave(e.ctx, bob); err != nil {
			t.Fatal(err)
		}
		// bob's own organization from signup: leaving it needs another owner,
		// so remove the membership directly, as a deleted organization would.
		own, err := e.st.FirstMembership(e.ctx, bob.User.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.st.DeleteMembership(e.ctx, own.OrganizationID, own.ID); err != nil {
			t.Fatal(err)
		}
		raw := e.login("bob@example.com", goodPassword)
		id, err := e.svc.Session(e.ctx, raw)
		if err != nil {
			t.Fatal(err)
		}
		if id.Role != store.RoleOwner || id.Organization.ID == ada.Organization.ID || id.Organization.ID == own.OrganizationID {
			t.Errorf("login without organizations landed in org %d as %q", id.Organization.ID, id.Role)
		}
	})
}
