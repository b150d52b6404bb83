package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CreateSession stores a new login session.
func (s *Store) CreateSession(ctx context.Context, sess *Session) error {
	return notFound(s.conn(ctx).Create(sess).Error, "create session")
}

// SessionByHash returns the session whose cookie hashes to idHash, unless
// it expired before now.
func (s *Store) SessionByHash(ctx context.Context, idHash string, now time.Time) (*Session, error) {
	var sess Session
	err := s.conn(ctx).Where("id_hash = ? AND expires_at > ?", idHash, now.UTC()).First(&sess).Error
	if err != nil {
		return nil, notFound(err, "session")
	}
	return &sess, nil
}

// TouchSession records that the session was used at at.
func (s *Store) TouchSession(ctx context.Context, idHash string, at time.Time) error {
	err := s.conn(ctx).Model(&Session{}).Where("id_hash = ?", idHash).Update("last_seen_at", at.UTC()).Error
	if err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// SetSessionOrganization switches the organization a session works in.
func (s *Store) SetSessionOrganization(ctx context.Context, idHash string, orgID int64) error {
	res := s.conn(ctx).Model(&Session{}).Where("id_hash = ?", idHash).Update("organization_id", orgID)
	return oneRow(res, "switch session organization")
}

// DeleteSession ends one session; an unknown one is not an error.
func (s *Store) DeleteSession(ctx context.Context, idHash string) error {
	if err := s.conn(ctx).Where("id_hash = ?", idHash).Delete(&Session{}).Error; err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of the user and reports how many.
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) (int64, error) {
	res := s.conn(ctx).Where("user_id = ?", userID).Delete(&Session{})
	if res.Error != nil {
		return 0, fmt.Errorf("delete sessions of user %d: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}

// DeleteMemberSessions ends the user's sessions in one organization, when
// they leave it or are removed.
func (s *Store) DeleteMemberSessions(ctx context.Context, orgID, userID int64) error {
	err := s.conn(ctx).Scopes(forOrg(orgID)).Where("user_id = ?", userID).Delete(&Session{}).Error
	if err != nil {
		return fmt.Errorf("delete sessions of user %d in organization %d: %w", userID, orgID, err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions that expired before now.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) (int64, error) {
	res := s.conn(ctx).Where("expires_at <= ?", now.UTC()).Delete(&Session{})
	if res.Error != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", res.Error)
	}
	return res.RowsAffected, nil
}

// ReserveLoginAttempt records one attempt under each key before the
// password is checked, and returns the ids of the rows, so that the caller
// can count the attempt against the limits and take it back. Recording
// first is what makes the limit hold under concurrency: every attempt
// that counts sees its own row and those of all attempts before it.
func (s *Store) ReserveLoginAttempt(ctx context.Context, at time.Time, keys ...string) ([]int64, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	rows := make([]LoginFailure, len(keys))
	for i, k := range keys {
		rows[i] = LoginFailure{Key: k, CreatedAt: at.UTC()}
	}
	if err := s.conn(ctx).Create(&rows).Error; err != nil {
		return nil, fmt.Errorf("reserve login attempt: %w", err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, nil
}

// ReleaseLoginAttempt takes back reserved rows: the attempt was refused
// before the password was checked, or it succeeded.
func (s *Store) ReleaseLoginAttempt(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	if err := s.conn(ctx).Where("id IN ?", ids).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("release login attempt: %w", err)
	}
	return nil
}

// LoginFailures counts the failures under key since since, and returns the
// time of the oldest of them (zero when there are none).
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var n int64
	q := func() *gorm.DB {
		return s.conn(ctx).Model(&LoginFailure{}).Where("key = ? AND created_at > ?", key, since.UTC())
	}
	if err := q().Count(&n).Error; err != nil {
		return 0, time.Time{}, fmt.Errorf("count login failures: %w", err)
	}
	if n == 0 {
		return 0, time.Time{}, nil
	}
	var oldest LoginFailure
	if err := q().Order("created_at").Limit(1).Find(&oldest).Error; err != nil {
		return 0, time.Time{}, fmt.Errorf("oldest login failure: %w", err)
	}
	return int(n), oldest.CreatedAt.UTC(), nil
}

// ClearLoginFailuresWithPrefix forgets every failure whose key starts with
// prefix (all of one account's counters after a password reset).
func (s *Store) ClearLoginFailuresWithPrefix(ctx context.Context, prefix string) error {
	pattern := likeEscaper.Replace(prefix) + "%"
	if err := s.conn(ctx).Where(`key LIKE ? ESCAPE '\'`, pattern).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets the failures under key (after a successful
// login to that account).
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	if err := s.conn(ctx).Where("key = ?", key).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

// DeleteLoginFailuresBefore drops failures too old to count.
func (s *Store) DeleteLoginFailuresBefore(ctx context.Context, t time.Time) error {
	if err := s.conn(ctx).Where("created_at <= ?", t.UTC()).Delete(&LoginFailure{}).Error; err != nil {
		return fmt.Errorf("delete old login failures: %w", err)
	}
	return nil
}
