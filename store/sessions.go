package store

import (
	"context"
	"fmt"
	"time"
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

// RecordLoginFailure notes one failed login under each key (account, IP).
func (s *Store) RecordLoginFailure(ctx context.Context, at time.Time, keys ...string) error {
	rows := make([]LoginFailure, len(keys))
	for i, k := range keys {
		rows[i] = LoginFailure{Key: k, CreatedAt: at.UTC()}
	}
	if len(rows) == 0 {
		return nil
	}
	if err := s.conn(ctx).Create(&rows).Error; err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// LoginFailures counts the failures under key since since, and returns the
// time of the oldest of them (zero when there are none).
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time) (int, time.Time, error) {
	var rows []LoginFailure
	err := s.conn(ctx).Where("key = ? AND created_at > ?", key, since.UTC()).Order("created_at").Find(&rows).Error
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("count login failures: %w", err)
	}
	if len(rows) == 0 {
		return 0, time.Time{}, nil
	}
	return len(rows), rows[0].CreatedAt, nil
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
