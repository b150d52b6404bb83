package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// errNothingToDo rolls back a transaction that found nothing to record.
var errNothingToDo = errors.New("nothing to do")

// RecordNotice records a source-health notice about a document and queues
// an e-mail to the owners of every organization actively watching it, in
// one transaction. Notices alternate: a failing notice is recorded only
// when the previous one (if any) was resumed, a resumed notice only after
// a failing one; the unique sequence number settles races between workers.
// It returns nil when there was nothing to record.
func (s *Store) RecordNotice(ctx context.Context, docID int64, kind string, since time.Time, detail string) (*SourceNotice, error) {
	var notice *SourceNotice
	err := s.InTx(ctx, func(tx *Store) error {
		db := tx.conn(ctx)
		var last SourceNotice
		err := db.Where("document_id = ?", docID).Order("seq DESC").First(&last).Error
		hasLast := err == nil
		if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		switch {
		case kind == NoticeFailing && hasLast && last.Kind == NoticeFailing,
			kind == NoticeResumed && (!hasLast || last.Kind == NoticeResumed):
			return errNothingToDo
		}
		now := time.Now().UTC()
		n := SourceNotice{DocumentID: docID, Seq: last.Seq + 1, Kind: kind, Since: since.UTC(), Detail: detail, CreatedAt: now}
		if err := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&n).Error; err != nil {
			return fmt.Errorf("insert notice: %w", err)
		}
		if n.ID == 0 {
			return errNothingToDo // another worker recorded it
		}
		cond, arg, err := tx.watchCond(ctx, docID)
		if err != nil {
			return err
		}
		err = db.Exec(`INSERT INTO alert_deliveries
  (organization_id, notice_id, recipient_id, channel, state, attempts, last_error, next_attempt_at, created_at, updated_at)
SELECT m.organization_id, ?, m.user_id, ?, ?, 0, '', ?, ?, ?
FROM watches w
JOIN memberships m ON m.organization_id = w.organization_id
JOIN users u ON u.id = m.user_id
WHERE `+cond+` AND w.paused_at IS NULL AND m.role = ? AND u.email_verified_at IS NOT NULL
ON CONFLICT DO NOTHING`, n.ID, ChannelEmail, DeliveryPending, now, now, now, arg, RoleOwner).Error
		if err != nil {
			return fmt.Errorf("queue notice e-mails: %w", err)
		}
		notice = &n
		return nil
	})
	if errors.Is(err, errNothingToDo) {
		return nil, nil
	}
	if err != nil {
		return nil, notFound(err, "record notice")
	}
	return notice, nil
}

// Notice returns a notice with its document and platform.
func (s *Store) Notice(ctx context.Context, id int64) (*SourceNotice, error) {
	var n SourceNotice
	err := s.conn(ctx).Preload("Document.Platform").First(&n, id).Error
	return &n, notFound(err, "notice")
}

// watchCond is the condition on watches w that cover the document: its
// platform's watches for a catalogue document, the watch of the document
// itself for a custom one.
func (s *Store) watchCond(ctx context.Context, docID int64) (string, any, error) {
	var doc Document
	if err := s.conn(ctx).Select("id", "platform_id", "organization_id").First(&doc, docID).Error; err != nil {
		return "", nil, notFound(err, "document")
	}
	if doc.OrganizationID != nil || doc.PlatformID == nil {
		return "w.document_id = ?", doc.ID, nil
	}
	return "w.platform_id = ?", *doc.PlatformID, nil
}
