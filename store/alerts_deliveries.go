package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// DeliveryCause names what deliveries were queued for: exactly one of the
// fields is set.
type DeliveryCause struct {
	ChangeID int64
	NoticeID int64
	DigestID int64
}

func (c DeliveryCause) where() (string, int64) {
	switch {
	case c.ChangeID != 0:
		return "change_id = ?", c.ChangeID
	case c.NoticeID != 0:
		return "notice_id = ?", c.NoticeID
	default:
		return "digest_id = ?", c.DigestID
	}
}

// PendingDeliveries lists the pending deliveries queued for a cause, to be
// enqueued right after the transaction that wrote them commits.
func (s *Store) PendingDeliveries(ctx context.Context, cause DeliveryCause) ([]DueDelivery, error) {
	cond, id := cause.where()
	var out []DueDelivery
	err := s.conn(ctx).Model(&AlertDelivery{}).Select("id", "attempts").
		Where(cond+" AND state = ?", id, DeliveryPending).Order("id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("pending deliveries: %w", err)
	}
	return out, nil
}

// DueDeliveries lists deliveries whose time has come: pending ones at or
// after their next attempt, and ones left in sending past their lease (the
// worker died). Paging is by id after afterID.
func (s *Store) DueDeliveries(ctx context.Context, now time.Time, afterID int64, limit int) ([]DueDelivery, error) {
	var out []DueDelivery
	err := s.conn(ctx).Model(&AlertDelivery{}).Select("id", "attempts").
		Where("id > ? AND ((state = ? AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?))",
			afterID, DeliveryPending, now.UTC(), DeliverySending, now.UTC()).
		Order("id").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("due deliveries: %w", err)
	}
	return out, nil
}

// ClaimDelivery moves a due delivery to sending for lease and counts the
// attempt. Only one caller can win: the condition and the update are one
// statement. It reports false when the delivery is not due (sent, failed,
// claimed by someone else, or not yet time).
func (s *Store) ClaimDelivery(ctx context.Context, id int64, now time.Time, lease time.Duration) (bool, error) {
	now = now.UTC()
	res := s.conn(ctx).Model(&AlertDelivery{}).
		Where("id = ? AND ((state = ? AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?))",
			id, DeliveryPending, now, DeliverySending, now).
		Updates(map[string]any{
			"state": DeliverySending, "lease_until": now.Add(lease),
			"attempts": gorm.Expr("attempts + 1"), "updated_at": now,
		})
	if res.Error != nil {
		return false, fmt.Errorf("claim delivery %d: %w", id, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// Delivery returns one delivery.
func (s *Store) Delivery(ctx context.Context, id int64) (*AlertDelivery, error) {
	var d AlertDelivery
	err := s.conn(ctx).First(&d, id).Error
	return &d, notFound(err, "delivery")
}

// FinishDelivery ends a claimed delivery in state (sent, failed, skipped)
// with the error of the last attempt, if any.
func (s *Store) FinishDelivery(ctx context.Context, id int64, state, lastError string, now time.Time) error {
	fields := map[string]any{"state": state, "lease_until": nil, "last_error": lastError, "updated_at": now.UTC()}
	if state == DeliverySent {
		fields["sent_at"] = now.UTC()
	}
	err := s.conn(ctx).Model(&AlertDelivery{}).Where("id = ? AND state = ?", id, DeliverySending).Updates(fields).Error
	return notFound(err, "finish delivery")
}

// RetryDelivery puts a claimed delivery back to pending until at.
func (s *Store) RetryDelivery(ctx context.Context, id int64, lastError string, at, now time.Time) error {
	err := s.conn(ctx).Model(&AlertDelivery{}).Where("id = ? AND state = ?", id, DeliverySending).Updates(map[string]any{
		"state": DeliveryPending, "lease_until": nil, "last_error": lastError,
		"next_attempt_at": at.UTC(), "updated_at": now.UTC(),
	}).Error
	return notFound(err, "retry delivery")
}

// FailedDeliveries lists the organization's failed deliveries, newest
// first, with their change.
func (s *Store) FailedDeliveries(ctx context.Context, orgID int64, limit int) ([]AlertDelivery, error) {
	var ds []AlertDelivery
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("Change.Document.Platform").
		Where("state = ?", DeliveryFailed).Order("updated_at DESC, id DESC").Limit(limit).Find(&ds).Error
	if err != nil {
		return nil, fmt.Errorf("failed deliveries of organization %d: %w", orgID, err)
	}
	return ds, nil
}

// CountDeliveries counts deliveries by state, for tests and benchmarks.
func (s *Store) CountDeliveries(ctx context.Context, cause DeliveryCause) (map[string]int64, error) {
	cond, id := cause.where()
	var rows []struct {
		State string
		N     int64
	}
	err := s.conn(ctx).Model(&AlertDelivery{}).Select("state, COUNT(*) AS n").Where(cond, id).Group("state").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count deliveries: %w", err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, nil
}
