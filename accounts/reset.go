package accounts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

type resetMail struct {
	URL     string
	Minutes int
}

// RequestPasswordReset mails a reset link when the address has an account.
// It answers the same way either way, so that the form does not reveal who
// has an account; only a malformed address is an error.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	if msg := checkEmail(email); msg != "" {
		return validation.Errors{"email": msg}
	}
	user, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		s.log.InfoContext(ctx, "password reset for unknown address")
		return nil
	}
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	token, err := s.newEmailToken(ctx, s.store, user.ID, store.PurposeReset, ResetLifetime)
	if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	s.sendMail(ctx, user.Email, "reset", resetMail{URL: s.link("/password/reset/" + token), Minutes: int(ResetLifetime.Minutes())})
	return nil
}

// StartPasswordReset is RequestPasswordReset for the web: a malformed
// address is refused at once, and the rest (looking the address up, making
// a link, mailing it) runs after the caller has answered, so that how long
// the answer takes does not tell whether the address has an account.
func (s *Service) StartPasswordReset(ctx context.Context, email string) error {
	if err := CheckEmail(email); err != nil {
		return err
	}
	email = NormalizeEmail(email)
	s.later(ctx, "password reset", func(ctx context.Context) error {
		return s.RequestPasswordReset(ctx, email)
	})
	return nil
}

// CheckResetToken reports ErrInvalidToken when the reset link cannot be
// used, so the form can say so before the user types a password.
func (s *Service) CheckResetToken(ctx context.Context, token string) error {
	_, err := s.store.EmailToken(ctx, store.PurposeReset, HashSecret(token), s.now())
	if errors.Is(err, store.ErrNotFound) {
		return ErrInvalidToken
	}
	return err
}

// ResetPassword uses a reset token to set a new password, ends every
// session of the user and invalidates their other reset links. Following
// the link proves the address, so it also counts as verification and
// clears the account's failed logins: the owner logs in even while someone
// else keeps guessing.
func (s *Service) ResetPassword(ctx context.Context, token, password string) (*store.User, error) {
	var (
		user    *store.User
		revoked int64
	)
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		t, err := tx.EmailToken(ctx, store.PurposeReset, HashSecret(token), s.now())
		if errors.Is(err, store.ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil {
			return err
		}
		user, err = tx.UserByID(ctx, t.UserID)
		if err != nil {
			return err
		}
		if msg := s.checkPassword(password, user.Email); msg != "" {
			return validation.Errors{"password": msg}
		}
		if _, err := tx.UseEmailToken(ctx, store.PurposeReset, HashSecret(token), s.now()); err != nil {
			return ErrInvalidToken
		}
		if err := tx.UseAllEmailTokens(ctx, user.ID, store.PurposeReset, s.now()); err != nil {
			return err
		}
		if err := tx.MarkEmailVerified(ctx, user.ID, s.now()); err != nil {
			return err
		}
		revoked, err = s.replacePassword(ctx, tx, user, password, store.AuditPasswordReset)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("reset password: %w", err)
	}
	s.clearLoginFailures(ctx, user.Email)
	s.sendPasswordChanged(ctx, user, "reset", revoked)
	return user, nil
}

// ChangePassword sets a new password for a logged-in user who knows the
// current one, and ends all their sessions; the caller starts a new one
// for the browser that made the change.
func (s *Service) ChangePassword(ctx context.Context, userID int64, current, password string) error {
	user, err := s.store.UserByID(ctx, userID)
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	ok, err := s.verifyPassword(ctx, user.PasswordHash, current)
	if err != nil {
		return fmt.Errorf("change password of user %d: %w", userID, err)
	}
	errs := validation.Errors{}
	if !ok {
		errs.Add("current_password", "This is not your current password.")
	}
	if msg := s.checkPassword(password, user.Email); msg != "" {
		errs.Add("password", msg)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	var revoked int64
	err = s.store.InTx(ctx, func(tx *store.Store) error {
		revoked, err = s.replacePassword(ctx, tx, user, password, store.AuditPasswordChange)
		return err
	})
	if err != nil {
		return fmt.Errorf("change password: %w", err)
	}
	s.sendPasswordChanged(ctx, user, "changed", revoked)
	return nil
}

// replacePassword stores the new hash, ends all sessions, revokes every API
// token of the user (whoever held the old password may have minted some),
// audits the change under the user's first organization and the revoked
// tokens under each organization that had some, and returns how many
// tokens were revoked.
func (s *Service) replacePassword(ctx context.Context, tx *store.Store, user *store.User, password, action string) (int64, error) {
	hash, err := s.hashPassword(ctx, password)
	if err != nil {
		return 0, err
	}
	if err := tx.SetPasswordHash(ctx, user.ID, hash); err != nil {
		return 0, err
	}
	n, err := tx.DeleteUserSessions(ctx, user.ID)
	if err != nil {
		return 0, err
	}
	perOrg, err := tx.RevokeUserAPITokens(ctx, user.ID, s.now())
	if err != nil {
		return 0, err
	}
	var revoked int64
	for orgID, count := range perOrg {
		revoked += count
		if err := audit(ctx, tx, orgID, user.ID, store.AuditTokensRevokedByPassword, fmt.Sprintf("%d API token(s) of %s", count, user.Email)); err != nil {
			return 0, err
		}
	}
	s.log.InfoContext(ctx, "password replaced", slog.Int64("user_id", user.ID),
		slog.Int64("sessions_ended", n), slog.Int64("api_tokens_revoked", revoked))
	var orgID int64
	if m, err := tx.FirstMembership(ctx, user.ID); err == nil {
		orgID = m.OrganizationID
	} else if !errors.Is(err, store.ErrNotFound) {
		return 0, err
	}
	return revoked, audit(ctx, tx, orgID, user.ID, action, user.Email)
}

type passwordChangedMail struct {
	// How is "reset" or "changed".
	How           string
	TokensRevoked int64
	ResetURL      string
}

// sendPasswordChanged tells the user that their password was replaced and
// what that ended, with a way back in if it was not them.
func (s *Service) sendPasswordChanged(ctx context.Context, user *store.User, how string, revoked int64) {
	s.sendMail(ctx, user.Email, "password_changed", passwordChangedMail{How: how, TokensRevoked: revoked, ResetURL: s.link("/password/reset")})
}
