package store

import (
	"context"
	"fmt"
	"time"
)

// CreateUser inserts u; a taken e-mail address is ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *User) error {
	return notFound(s.conn(ctx).Create(u).Error, "create user")
}

// UserByID returns the user with that id.
func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	var u User
	if err := s.conn(ctx).First(&u, id).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}

// UserByEmail returns the user with that (already lower-cased) address.
func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	var u User
	if err := s.conn(ctx).Where("email = ?", email).First(&u).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}

// SetPasswordHash replaces the user's password hash.
func (s *Store) SetPasswordHash(ctx context.Context, userID int64, hash string) error {
	return s.updateUser(ctx, userID, map[string]any{"password_hash": hash})
}

// MarkEmailVerified records that the user confirmed their address; an
// earlier confirmation time is kept.
func (s *Store) MarkEmailVerified(ctx context.Context, userID int64, at time.Time) error {
	res := s.conn(ctx).Model(&User{}).Where("id = ? AND email_verified_at IS NULL", userID).
		Updates(map[string]any{"email_verified_at": at.UTC(), "updated_at": at.UTC()})
	if res.Error != nil {
		return fmt.Errorf("mark user %d verified: %w", userID, res.Error)
	}
	return nil
}

// SetStaff grants or withdraws staff access.
func (s *Store) SetStaff(ctx context.Context, userID int64, staff bool) error {
	return s.updateUser(ctx, userID, map[string]any{"staff": staff})
}

func (s *Store) updateUser(ctx context.Context, userID int64, fields map[string]any) error {
	fields["updated_at"] = time.Now().UTC()
	res := s.conn(ctx).Model(&User{}).Where("id = ?", userID).Updates(fields)
	return oneRow(res, fmt.Sprintf("update user %d", userID))
}
