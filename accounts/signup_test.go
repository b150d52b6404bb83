package accounts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

func TestSignupNewAddress(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		u, org, err := e.svc.Signup(e.ctx, accounts.SignupInput{Email: "  Ada@Example.COM ", Password: goodPassword, Organization: " Acme Corp "})
		if err != nil {
			t.Fatal(err)
		}
		if u.Email != "ada@example.com" || u.Verified() {
			t.Errorf("user = %q verified %v, want normalized and unverified", u.Email, u.Verified())
		}
		if org.Name != "Acme Corp" || org.Slug != "acme-corp" || org.Plan != billing.PlanFree {
			t.Errorf("organization = %q %q %q", org.Name, org.Slug, org.Plan)
		}
		m, err := e.st.MembershipOfUser(e.ctx, org.ID, u.ID)
		if err != nil || m.Role != store.RoleOwner {
			t.Fatalf("membership = %+v, %v; want owner", m, err)
		}
		if ok, err := accounts.VerifyPassword(u.PasswordHash, goodPassword); !ok || err != nil {
			t.Errorf("stored hash does not verify the password: %v", err)
		}
		if e.mailsTo("ada@example.com") != 1 || e.token("ada@example.com", "/verify/") == "" {
			t.Error("no verification mail")
		}
		if !e.audited(org.ID, store.AuditSignup) {
			t.Error("signup not in the audit log")
		}
	})
}

func TestSignupSlugsAreUnique(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		want := []string{"acme", "acme-2", "acme-3"}
		for i, email := range []string{"a@example.com", "b@example.com", "c@example.com"} {
			if got := e.signup(email, "ACME!").Organization.Slug; got != want[i] {
				t.Errorf("slug %d = %q, want %q", i, got, want[i])
			}
		}
		if got := e.signup("d@example.com", "¿¡ !?").Organization.Slug; got != "org" {
			t.Errorf("slug of a name without letters = %q, want org", got)
		}
	})
}

func TestSignupDuplicateAddress(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		e.signup("ada@example.com", "Acme")
		for _, email := range []string{"ada@example.com", " ADA@example.com"} {
			_, _, err := e.svc.Signup(e.ctx, accounts.SignupInput{Email: email, Password: goodPassword, Organization: "Second"})
			var ce *accounts.ConflictError
			if !errors.As(err, &ce) || ce.Field != "email" || !errors.Is(err, store.ErrConflict) {
				t.Fatalf("signup again as %q: %v, want an e-mail conflict", email, err)
			}
		}
		if taken, err := e.st.SlugTaken(e.ctx, "second"); err != nil || taken {
			t.Errorf("a refused signup created its organization (taken %v, %v)", taken, err)
		}
		if n := e.mailsTo("ada@example.com"); n != 1 {
			t.Errorf("%d mails to the address, want only the first verification", n)
		}
	})
}

func TestSignupInvalidInput(t *testing.T) {
	tests := []struct {
		name   string
		in     accounts.SignupInput
		fields []string
	}{
		{"everything empty", accounts.SignupInput{}, []string{"email", "password", "organization"}},
		{"address without domain", accounts.SignupInput{Email: "ada", Password: goodPassword, Organization: "Acme"}, []string{"email"}},
		{"address without dot in domain", accounts.SignupInput{Email: "ada@localhost", Password: goodPassword, Organization: "Acme"}, []string{"email"}},
		{"address with a display name", accounts.SignupInput{Email: "Ada <ada@example.com>", Password: goodPassword, Organization: "Acme"}, []string{"email"}},
		{"short password", accounts.SignupInput{Email: "ada@example.com", Password: "short", Organization: "Acme"}, []string{"password"}},
		{"long password", accounts.SignupInput{Email: "ada@example.com", Password: strings.Repeat("x", 129), Organization: "Acme"}, []string{"password"}},
		{"common password", accounts.SignupInput{Email: "ada@example.com", Password: "password123!", Organization: "Acme"}, []string{"password"}},
		{"password is the address", accounts.SignupInput{Email: "ada@example.com", Password: "ADA@example.com", Organization: "Acme"}, []string{"password"}},
		{"blank organization", accounts.SignupInput{Email: "ada@example.com", Password: goodPassword, Organization: "   "}, []string{"organization"}},
		{"long organization", accounts.SignupInput{Email: "ada@example.com", Password: goodPassword, Organization: strings.Repeat("é", 101)}, []string{"organization"}},
	}
	eachStore(t, func(t *testing.T, e *env) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				_, _, err := e.svc.Signup(e.ctx, tt.in)
				got := fieldErrors(t, err)
				if len(got) != len(tt.fields) {
					t.Errorf("fields = %v, want %v", got, tt.fields)
				}
				for _, f := range tt.fields {
					if got[f] == "" {
						t.Errorf("no message for %s in %v", f, got)
					}
				}
				if _, err := e.st.UserByEmail(e.ctx, accounts.NormalizeEmail(tt.in.Email)); !errors.Is(err, store.ErrNotFound) {
					t.Errorf("refused signup stored a user: %v", err)
				}
			})
		}
		if n := len(e.mail.Messages()); n != 0 {
			t.Errorf("%d mails sent for refused signups", n)
		}
	})
}

// StartSignup (the website's sign-up) does the same for a new address as
// Signup, and for a registered one writes nothing and mails the owner; bad
// input is refused at once.
func TestStartSignup(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		if err := e.svc.StartSignup(e.ctx, accounts.SignupInput{Email: "ada@example.com", Password: goodPassword, Organization: "Acme"}); err != nil {
			t.Fatal(err)
		}
		e.svc.Wait()
		if _, err := e.st.UserByEmail(e.ctx, "ada@example.com"); err != nil {
			t.Fatalf("new address: no account: %v", err)
		}
		if e.token("ada@example.com", "/verify/") == "" {
			t.Fatal("new address: no verification link")
		}

		if err := e.svc.StartSignup(e.ctx, accounts.SignupInput{Email: "ADA@example.com", Password: goodPassword, Organization: "Other"}); err != nil {
			t.Fatalf("registered address answered differently: %v", err)
		}
		e.svc.Wait()
		if _, err := e.st.OrganizationBySlug(e.ctx, "other"); err == nil {
			t.Fatal("registered address: an organization was written")
		}
		m, ok := e.mail.Last("ada@example.com")
		if !ok || !strings.Contains(m.Subject, "already have a Clausewatch account") || !strings.Contains(m.Text, "http://cw.example/password/reset") {
			t.Fatalf("registered address: owner not told: %+v", m)
		}

		before := len(e.mail.Messages())
		var verr validation.Errors
		err := e.svc.StartSignup(e.ctx, accounts.SignupInput{Email: "not-an-address", Password: "short", Organization: ""})
		e.svc.Wait()
		if !errors.As(err, &verr) || verr["email"] == "" || verr["password"] == "" || verr["organization"] == "" {
			t.Fatalf("bad input: %v, want an error per field", err)
		}
		if len(e.mail.Messages()) != before {
			t.Fatal("bad input sent mail")
		}
	})
}
