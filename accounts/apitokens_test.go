package accounts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

func TestCreateAPIToken(t *testing.T) {
	tests := []struct {
		name    string
		token   string
		invalid bool
	}{
		{"named", " deploy bot ", false},
		{"empty name", "  ", true},
		{"long name", strings.Repeat("n", 101), true},
	}
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				raw, tok, err := e.svc.CreateAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, tt.token)
				if tt.invalid {
					if f := fieldErrors(t, err); f["name"] == "" {
						t.Fatalf("fields = %v", f)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(raw, accounts.TokenPrefix) || tok.Prefix != raw[:8] || tok.Name != "deploy bot" {
					t.Errorf("token %q: prefix %q name %q", raw, tok.Prefix, tok.Name)
				}
				if tok.TokenHash != accounts.HashSecret(raw) || strings.Contains(tok.TokenHash, raw) {
					t.Error("the token is not stored as its hash")
				}
			})
		}
		list, err := e.svc.APITokens(e.ctx, ada.Organization.ID, ada.User.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("tokens = %+v, %v", list, err)
		}
		if !e.audited(ada.Organization.ID, store.AuditTokenCreate) {
			t.Error("token creation not audited")
		}
		eve := e.signup("eve@example.com", "Eves")
		_, _, err = e.svc.CreateAPIToken(e.ctx, ada.Organization.ID, eve.User.ID, "sneaky")
		wantErr(t, "token in an organization the user is not in", err, store.ErrNotFound)
	})
}

func TestAPITokenAuthentication(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		raw, tok, err := e.svc.CreateAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, "ci")
		if err != nil {
			t.Fatal(err)
		}
		id, err := e.svc.TokenIdentity(e.ctx, raw)
		if err != nil {
			t.Fatal(err)
		}
		if id.User.ID != ada.User.ID || id.Organization.ID != ada.Organization.ID || id.Role != store.RoleOwner || id.TokenID != tok.ID {
			t.Errorf("identity = user %d org %d role %q token %d", id.User.ID, id.Organization.ID, id.Role, id.TokenID)
		}
		if list, _ := e.svc.APITokens(e.ctx, ada.Organization.ID, ada.User.ID); len(list) != 1 || list[0].LastUsedAt == nil {
			t.Errorf("use not recorded: %+v", list)
		}
		for _, bad := range []string{"", "xyz", accounts.TokenPrefix, accounts.TokenPrefix + "unknown", raw[len(accounts.TokenPrefix):], accounts.HashSecret(raw)} {
			_, err := e.svc.TokenIdentity(e.ctx, bad)
			wantErr(t, "token "+bad, err, accounts.ErrInvalidToken)
		}
	})
}

func TestRevokeAPIToken(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		e.paid(ada)
		bob := e.member(ada, "bob@example.com", store.RoleAdmin)
		eve := e.signup("eve@example.com", "Eves")
		raw, tok, err := e.svc.CreateAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, "ci")
		if err != nil {
			t.Fatal(err)
		}
		keep, _, err := e.svc.CreateAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, "other")
		if err != nil {
			t.Fatal(err)
		}
		wantErr(t, "another member revokes", e.svc.RevokeAPIToken(e.ctx, ada.Organization.ID, bob.User.ID, tok.ID), store.ErrNotFound)
		wantErr(t, "another organization revokes", e.svc.RevokeAPIToken(e.ctx, eve.Organization.ID, eve.User.ID, tok.ID), store.ErrNotFound)
		if _, err := e.svc.TokenIdentity(e.ctx, raw); err != nil {
			t.Fatalf("a refused revocation ended the token: %v", err)
		}
		if err := e.svc.RevokeAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = e.svc.TokenIdentity(e.ctx, raw)
		wantErr(t, "revoked token", err, accounts.ErrInvalidToken)
		wantErr(t, "revoking twice", e.svc.RevokeAPIToken(e.ctx, ada.Organization.ID, ada.User.ID, tok.ID), store.ErrNotFound)
		if _, err := e.svc.TokenIdentity(e.ctx, keep); err != nil {
			t.Fatalf("revoking one token ended another: %v", err)
		}
		if list, _ := e.svc.APITokens(e.ctx, ada.Organization.ID, ada.User.ID); len(list) != 1 {
			t.Errorf("live tokens = %+v, want one", list)
		}
		if !e.audited(ada.Organization.ID, store.AuditTokenRevoke) {
			t.Error("revocation not audited")
		}
	})
}

func TestLoginToken(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signup("ada@example.com", "Acme")
		raw, err := e.svc.LoginToken(e.ctx, "Ada@example.com", goodPassword, accounts.Client{IP: "192.0.2.7"})
		if err != nil {
			t.Fatal(err)
		}
		id, err := e.svc.TokenIdentity(e.ctx, raw)
		if err != nil || id.Organization.ID != ada.Organization.ID {
			t.Fatalf("identity = %+v, %v", id, err)
		}
		_, err = e.svc.LoginToken(e.ctx, "ada@example.com", "wrong password here", accounts.Client{IP: "192.0.2.7"})
		wantErr(t, "wrong password", err, accounts.ErrInvalidCredentials)
	})
}

// Until the address is confirmed, the account keeps its sign-up token but
// mints no further tokens and invites nobody.
func TestUnverifiedAccountMintsNoTokensAndInvitesNobody(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		squat := e.signupUnverified("squat@example.com", "Squat")
		e.paid(squat)
		if _, err := e.svc.SignupAPIToken(e.ctx, squat.Organization.ID, squat.User.ID); err != nil {
			t.Fatalf("sign-up token: %v", err)
		}
		if _, _, err := e.svc.CreateAPIToken(e.ctx, squat.Organization.ID, squat.User.ID, "more"); !errors.Is(err, accounts.ErrEmailUnverified) {
			t.Errorf("create token: %v, want ErrEmailUnverified", err)
		}
		if _, err := e.svc.LoginToken(e.ctx, "squat@example.com", goodPassword, accounts.Client{IP: "192.0.2.1"}); !errors.Is(err, accounts.ErrEmailUnverified) {
			t.Errorf("login token: %v, want ErrEmailUnverified", err)
		}
		if _, err := e.svc.Invite(e.ctx, squat, "target@example.com", store.RoleMember); !errors.Is(err, accounts.ErrEmailUnverified) {
			t.Errorf("invite: %v, want ErrEmailUnverified", err)
		}
		if n := e.mailsTo("target@example.com"); n != 0 {
			t.Errorf("%d mails to the invited address", n)
		}
	})
}
