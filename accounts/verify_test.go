package accounts_test

import (
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
)

func TestVerify(t *testing.T) {
	tests := []struct {
		name  string
		token func(e *env, raw string) string
		wait  time.Duration
		ok    bool
	}{
		{"valid token", func(_ *env, raw string) string { return raw }, 0, true},
		{"valid token near its expiry", func(_ *env, raw string) string { return raw }, accounts.VerifyLifetime - time.Minute, true},
		{"expired token", func(_ *env, raw string) string { return raw }, accounts.VerifyLifetime + time.Minute, false},
		{"unknown token", func(_ *env, raw string) string { return raw + "x" }, 0, false},
		{"empty token", func(*env, string) string { return "" }, 0, false},
	}
	eachStore(t, func(t *testing.T, e *env) {
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := e.sub(t)
				email := string(rune('a'+i)) + "@example.com"
				id := e.signupUnverified(email, "Org")
				raw := e.token(email, "/verify/")
				e.clock.Advance(tt.wait)
				u, err := e.svc.Verify(e.ctx, tt.token(e, raw))
				stored, lerr := e.st.UserByID(e.ctx, id.User.ID)
				if lerr != nil {
					t.Fatal(lerr)
				}
				if !tt.ok {
					wantErr(t, "verify", err, accounts.ErrInvalidToken)
					if stored.Verified() {
						t.Error("user verified by a bad token")
					}
					return
				}
				if err != nil || u.ID != id.User.ID || !u.Verified() || !stored.Verified() {
					t.Fatalf("verify = %+v, %v; stored verified %v", u, err, stored.Verified())
				}
				_, err = e.svc.Verify(e.ctx, raw)
				wantErr(t, "reused token", err, accounts.ErrInvalidToken)
			})
		}
	})
}

func TestVerifyTokenIsNotAResetToken(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.signupUnverified("ada@example.com", "Acme")
		raw := e.token("ada@example.com", "/verify/")
		wantErr(t, "reset with a verification token", e.svc.CheckResetToken(e.ctx, raw), accounts.ErrInvalidToken)
		if _, err := e.svc.ResetPassword(e.ctx, raw, "another good passphrase"); err == nil {
			t.Fatal("a verification token reset the password")
		}
	})
}

func TestResendVerification(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		id := e.signupUnverified("ada@example.com", "Acme")
		first := e.token("ada@example.com", "/verify/")
		if err := e.svc.ResendVerification(e.ctx, id.User.ID, "Acme"); err != nil {
			t.Fatal(err)
		}
		second := e.token("ada@example.com", "/verify/")
		if second == first || e.mailsTo("ada@example.com") != 2 {
			t.Fatalf("resend did not mail a new link")
		}
		if _, err := e.svc.Verify(e.ctx, second); err != nil {
			t.Fatal(err)
		}
		if err := e.svc.ResendVerification(e.ctx, id.User.ID, "Acme"); err != nil {
			t.Fatal(err)
		}
		if n := e.mailsTo("ada@example.com"); n != 2 {
			t.Errorf("a verified user got another link (%d mails)", n)
		}
	})
}
