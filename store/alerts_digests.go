package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// DigestCandidate is an organization with changes waiting for a digest.
type DigestCandidate struct {
	OrganizationID int64
	DigestWeekday  int
}

// DigestCandidates lists the organizations with changes waiting for a
// digest, and the weekday each wants it on; orgID > 0 restricts the list.
func (s *Store) DigestCandidates(ctx context.Context, orgID int64) ([]DigestCandidate, error) {
	q := s.conn(ctx).Table("digest_items di").
		Select("DISTINCT di.organization_id AS organization_id, COALESCE(st.digest_weekday, ?) AS digest_weekday", int(time.Monday)).
		Joins("LEFT JOIN alert_settings st ON st.organization_id = di.organization_id").
		Where("di.digest_id IS NULL")
	if orgID > 0 {
		q = q.Where("di.organization_id = ?", orgID)
	}
	var out []DigestCandidate
	if err := q.Order("di.organization_id").Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("digest candidates: %w", err)
	}
	return out, nil
}

// CreateDigest makes the organization's digest for period (its ISO week):
// it takes every change waiting for a digest and queues one e-mail per
// verified member who did not opt out, in one transaction. It returns nil
// when the organization already had its digest for the period or has no
// change waiting, so running it again sends nothing twice.
func (s *Store) CreateDigest(ctx context.Context, orgID int64, period string, now time.Time) (*Digest, error) {
	var digest *Digest
	err := s.InTx(ctx, func(tx *Store) error {
		db := tx.conn(ctx)
		now := now.UTC()
		d := Digest{OrganizationID: orgID, Period: period, CreatedAt: now}
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&d).Error; err != nil {
			return fmt.Errorf("insert digest: %w", err)
		}
		if d.ID == 0 {
			return errNothingToDo
		}
		res := db.Exec("UPDATE digest_items SET digest_id = ? WHERE organization_id = ? AND digest_id IS NULL", d.ID, orgID)
		if res.Error != nil {
			return fmt.Errorf("take digest items: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errNothingToDo // rolls the digest row back: a later run may still send this period
		}
		d.Changes = int(res.RowsAffected)
		if err := db.Model(&d).Update("changes", d.Changes).Error; err != nil {
			return fmt.Errorf("count digest items: %w", err)
		}
		err := db.Exec(`INSERT INTO alert_deliveries
  (organization_id, digest_id, recipient_id, channel, state, attempts, last_error, next_attempt_at, created_at, updated_at)
SELECT m.organization_id, ?, m.user_id, ?, ?, 0, '', ?, ?, ?
FROM memberships m
JOIN users u ON u.id = m.user_id
WHERE m.organization_id = ? AND u.email_verified_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM alert_opt_outs x WHERE x.organization_id = m.organization_id AND x.user_id = m.user_id AND x.kind = ?)
ON CONFLICT DO NOTHING`, d.ID, ChannelEmail, DeliveryPending, now, now, now, orgID, OptOutDigest).Error
		if err != nil {
			return fmt.Errorf("queue digest e-mails: %w", err)
		}
		digest = &d
		return nil
	})
	if errors.Is(err, errNothingToDo) {
		return nil, nil
	}
	if err != nil {
		return nil, notFound(err, "create digest")
	}
	return digest, nil
}

// Digest returns one digest.
func (s *Store) Digest(ctx context.Context, id int64) (*Digest, error) {
	var d Digest
	err := s.conn(ctx).First(&d, id).Error
	return &d, notFound(err, "digest")
}

// DigestChanges lists the changes a digest took, with documents and
// platforms, oldest first.
func (s *Store) DigestChanges(ctx context.Context, digestID int64) ([]Change, error) {
	var cs []Change
	err := s.conn(ctx).Omit("sections").Preload("Document.Platform").
		Where("changes.id IN (SELECT change_id FROM digest_items WHERE digest_id = ?)", digestID).
		Order("changes.created_at, changes.id").Find(&cs).Error
	if err != nil {
		return nil, fmt.Errorf("changes of digest %d: %w", digestID, err)
	}
	return cs, nil
}
