package accounts_test

import (
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

func TestRequestPasswordReset(t *testing.T) {
	tests := []struct {
		name    string
		email   string
		mailTo  string
		invalid bool
	}{
		{"known address", "ada@example.com", "ada@example.com", false},
		{"known address in other case", " ADA@Example.com", "ada@example.com", false},
		{"unknown address", "bob@example.com", "", false},
		{"malformed address", "ada@", "", true},
	}
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := e.sub(t)
				before := len(e.mail.Messages())
				err := e.svc.RequestPasswordReset(e.ctx, tt.email)
				if tt.invalid {
					if f := fieldErrors(t, err); f["email"] == "" {
						t.Fatalf("fields = %v", f)
					}
				} else if err != nil {
					t.Fatal(err)
				}
				sent := e.mail.Messages()[before:]
				if tt.mailTo == "" {
					if len(sent) != 0 {
						t.Fatalf("mailed %+v", sent)
					}
					return
				}
				if len(sent) != 1 || sent[0].To != tt.mailTo {
					t.Fatalf("mailed %+v, want one mail to %s", sent, tt.mailTo)
				}
				if err := e.svc.CheckResetToken(e.ctx, e.token(tt.mailTo, "/password/reset/")); err != nil {
					t.Errorf("mailed link: %v", err)
				}
			})
		}
	})
}

func TestStartPasswordResetMailsAfterAnswering(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		before := len(e.mail.Messages())
		if err := e.svc.StartPasswordReset(e.ctx, "ada@"); err == nil {
			t.Fatal("a malformed address was accepted")
		}
		for _, addr := range []string{"ada@example.com", "bob@example.com"} {
			if err := e.svc.StartPasswordReset(e.ctx, addr); err != nil {
				t.Fatal(err)
			}
		}
		e.svc.Wait()
		sent := e.mail.Messages()[before:]
		if len(sent) != 1 || sent[0].To != "ada@example.com" {
			t.Fatalf("mailed %+v, want one mail to ada@example.com", sent)
		}
	})
}

func TestResetPassword(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		ada := e.signupUnverified("ada@example.com", "Acme")
		session := e.login("ada@example.com", goodPassword)
		if err := e.svc.RequestPasswordReset(e.ctx, "ada@example.com"); err != nil {
			t.Fatal(err)
		}
		older := e.token("ada@example.com", "/password/reset/")
		if err := e.svc.RequestPasswordReset(e.ctx, "ada@example.com"); err != nil {
			t.Fatal(err)
		}
		raw := e.token("ada@example.com", "/password/reset/")

		_, err := e.svc.ResetPassword(e.ctx, raw, "ada@example.com")
		if f := fieldErrors(t, err); f["password"] == "" {
			t.Fatalf("refused password: %v", f)
		}
		if err := e.svc.CheckResetToken(e.ctx, raw); err != nil {
			t.Fatalf("a refused password used up the link: %v", err)
		}

		u, err := e.svc.ResetPassword(e.ctx, raw, "another good passphrase")
		if err != nil {
			t.Fatal(err)
		}
		if u.ID != ada.User.ID {
			t.Errorf("reset user %d, want %d", u.ID, ada.User.ID)
		}
		if ada.User.Verified() {
			t.Fatal("the address was confirmed before the reset")
		}
		if stored, _ := e.st.UserByID(e.ctx, ada.User.ID); !stored.Verified() {
			t.Error("following the reset link did not verify the address")
		}
		_, err = e.svc.Session(e.ctx, session)
		wantErr(t, "session after reset", err, store.ErrNotFound)
		_, err = e.svc.Login(e.ctx, "ada@example.com", goodPassword, accounts.Client{})
		wantErr(t, "old password", err, accounts.ErrInvalidCredentials)
		e.login("ada@example.com", "another good passphrase")

		for name, token := range map[string]string{"used link": raw, "older link": older} {
			wantErr(t, name, e.svc.CheckResetToken(e.ctx, token), accounts.ErrInvalidToken)
			_, err := e.svc.ResetPassword(e.ctx, token, "a third good passphrase")
			wantErr(t, name, err, accounts.ErrInvalidToken)
		}
		if !e.audited(ada.Organization.ID, store.AuditPasswordReset) {
			t.Error("reset not audited")
		}
	})
}

func TestResetTokenExpiry(t *testing.T) {
	tests := []struct {
		wait time.Duration
		ok   bool
	}{
		{accounts.ResetLifetime - time.Minute, true},
		{accounts.ResetLifetime + time.Minute, false},
	}
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		for _, tt := range tests {
			t.Run(tt.wait.String(), func(t *testing.T) {
				e := e.sub(t)
				if err := e.svc.RequestPasswordReset(e.ctx, "ada@example.com"); err != nil {
					t.Fatal(err)
				}
				raw := e.token("ada@example.com", "/password/reset/")
				e.clock.Advance(tt.wait)
				checkErr := e.svc.CheckResetToken(e.ctx, raw)
				_, resetErr := e.svc.ResetPassword(e.ctx, raw, goodPassword+" again")
				if tt.ok {
					if checkErr != nil || resetErr != nil {
						t.Fatalf("check = %v, reset = %v", checkErr, resetErr)
					}
					return
				}
				wantErr(t, "check", checkErr, accounts.ErrInvalidToken)
				wantErr(t, "reset", resetErr, accounts.ErrInvalidToken)
			})
		}
	})
}
