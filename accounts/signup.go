package accounts

import (
	"context"
	"errors"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// SignupInput is what a new customer gives.
type SignupInput struct {
	Email        string
	Password     string
	Organization string
}

// Signup creates the user, their organization and the owner membership in
// one transaction, then sends the verification e-mail. Bad input is a
// validation.Errors; a registered address is a *ConflictError. Nothing is
// written on failure.
func (s *Service) Signup(ctx context.Context, in SignupInput) (*store.User, *store.Organization, error) {
	email, orgName, err := s.checkSignup(in)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.store.UserByEmail(ctx, email); err == nil {
		return nil, nil, emailTaken()
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, nil, fmt.Errorf("signup: %w", err)
	}
	hash, err := s.hashPassword(ctx, in.Password)
	if err != nil {
		return nil, nil, err
	}
	var (
		user  *store.User
		org   *store.Organization
		token string
	)
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		user = &store.User{Email: email, PasswordHash: hash}
		if err := tx.CreateUser(ctx, user); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return emailTaken()
			}
			return err
		}
		org, err = s.createOrganization(ctx, tx, orgName, user.ID)
		if err != nil {
			return err
		}
		token, err = s.newEmailToken(ctx, tx, user.ID, store.PurposeVerify, VerifyLifetime)
		if err != nil {
			return err
		}
		return audit(ctx, tx, org.ID, user.ID, store.AuditSignup, email)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("signup: %w", err)
	}
	s.sendVerification(ctx, user, org.Name, token)
	return user, org, nil
}

// createOrganization makes a Free organization with a unique slug and its
// first owner.
func (s *Service) createOrganization(ctx context.Context, tx *store.Store, name string, ownerID int64) (*store.Organization, error) {
	slug, err := uniqueSlug(ctx, tx, slugify(name))
	if err != nil {
		return nil, err
	}
	org := &store.Organization{Name: name, Slug: slug, Plan: billing.PlanFree}
	if err := tx.CreateOrganization(ctx, org); err != nil {
		return nil, err
	}
	if _, err := tx.AddMember(ctx, org.ID, ownerID, store.RoleOwner); err != nil {
		return nil, err
	}
	return org, nil
}

// checkSignup validates the input without looking anything up, so the
// answer is the same whether the address is registered or not.
func (s *Service) checkSignup(in SignupInput) (email, orgName string, err error) {
	email = NormalizeEmail(in.Email)
	orgName = strings.TrimSpace(in.Organization)
	errs := validation.Errors{}
	if msg := checkEmail(email); msg != "" {
		errs.Add("email", msg)
	}
	if msg := s.checkPassword(in.Password, email); msg != "" {
		errs.Add("password", msg)
	}
	if msg := checkOrgName(orgName); msg != "" {
		errs.Add("organization", msg)
	}
	return email, orgName, errs.Err()
}

// CheckSignup reports what is wrong with the input, as Signup would, without
// looking anything up or writing anything.
func (s *Service) CheckSignup(in SignupInput) error {
	_, _, err := s.checkSignup(in)
	return err
}

// StartSignup is Signup for the website, which must not tell whether an
// address is registered: bad input is refused at once, and the rest runs
// after the caller has answered. A new address gets its account and the
// verification e-mail; a registered one gets no account, and its owner an
// e-mail saying someone tried to sign up with it, with links to log in and
// to reset the password. The API keeps Signup's 409: its clients rely on it.
func (s *Service) StartSignup(ctx context.Context, in SignupInput) error {
	email, _, err := s.checkSignup(in)
	if err != nil {
		return err
	}
	s.later(ctx, "signup", func(ctx context.Context) error {
		_, _, err := s.Signup(ctx, in)
		var taken *ConflictError
		if errors.As(err, &taken) && taken.Field == "email" {
			s.sendMail(ctx, email, "account_exists", accountExistsMail{
				LoginURL: s.link("/login"), ResetURL: s.link("/password/reset"),
			})
			return nil
		}
		return err
	})
	return nil
}

// accountExistsMail is the data of the e-mail to an owner whose address
// was used to sign up again.
type accountExistsMail struct {
	LoginURL string
	ResetURL string
}

func emailTaken() error {
	return &ConflictError{Field: "email", Message: "This e-mail address is already registered. Log in, or reset your password."}
}

// NormalizeEmail trims and lower-cases an address; accounts are keyed by
// the result.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CheckEmail refuses a malformed address with a validation error for the
// form's email field.
func CheckEmail(email string) error {
	if msg := checkEmail(NormalizeEmail(email)); msg != "" {
		return validation.Errors{"email": msg}
	}
	return nil
}

func checkEmail(email string) string {
	if email == "" {
		return "Enter your e-mail address."
	}
	addr, err := mail.ParseAddress(email)
	_, domain, _ := strings.Cut(email, "@")
	if err != nil || addr.Address != email || len(email) > 254 || !strings.Contains(domain, ".") || strings.ContainsAny(email, " <>") {
		return "Enter a valid e-mail address, like name@example.com."
	}
	return ""
}

func checkOrgName(name string) string {
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		return "Enter the name of your organization."
	case n > 100:
		return "Use at most 100 characters."
	}
	return ""
}

// slugify keeps ASCII letters and digits, joined by single hyphens.
func slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "org"
	}
	return strings.Trim(b.String(), "-")
}

// uniqueSlug appends -2, -3, … until the slug is free.
func uniqueSlug(ctx context.Context, tx *store.Store, base string) (string, error) {
	slug := base
	for i := 2; ; i++ {
		taken, err := tx.SlugTaken(ctx, slug)
		if err != nil {
			return "", err
		}
		if !taken {
			return slug, nil
		}
		slug = base + "-" + strconv.Itoa(i)
	}
}
