package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// AlertSettings returns the organization's alert settings, the defaults
// when it never changed them.
func (s *Store) AlertSettings(ctx context.Context, orgID int64) (AlertSettings, error) {
	var st AlertSettings
	err := s.conn(ctx).Scopes(forOrg(orgID)).First(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return DefaultAlertSettings(orgID), nil
	}
	if err != nil {
		return st, fmt.Errorf("alert settings of organization %d: %w", orgID, err)
	}
	return st, nil
}

// SaveAlertSettings stores the organization's alert settings.
func (s *Store) SaveAlertSettings(ctx context.Context, st AlertSettings) error {
	st.UpdatedAt = time.Now().UTC()
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "organization_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"same_day", "digest_weekday", "editorial", "updated_at"}),
	}).Create(&st).Error
	return notFound(err, "save alert settings")
}

// OptOuts returns the kinds of alert mail the member opted out of.
func (s *Store) OptOuts(ctx context.Context, orgID, userID int64) (map[string]bool, error) {
	var kinds []string
	err := s.conn(ctx).Model(&AlertOptOut{}).Scopes(forOrg(orgID)).Where("user_id = ?", userID).Pluck("kind", &kinds).Error
	if err != nil {
		return nil, fmt.Errorf("opt-outs of user %d: %w", userID, err)
	}
	out := map[string]bool{}
	for _, k := range kinds {
		out[k] = true
	}
	return out, nil
}

// SetOptOut opts the member out of (out) or back into a kind of alert mail.
func (s *Store) SetOptOut(ctx context.Context, orgID, userID int64, kind string, out bool) error {
	db := s.conn(ctx)
	var err error
	if out {
		err = db.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&AlertOptOut{OrganizationID: orgID, UserID: userID, Kind: kind, CreatedAt: time.Now().UTC()}).Error
	} else {
		err = db.Scopes(forOrg(orgID)).Where("user_id = ? AND kind = ?", userID, kind).Delete(&AlertOptOut{}).Error
	}
	return notFound(err, "set opt-out")
}

// Webhook returns the organization's webhook, or ErrNotFound.
func (s *Store) Webhook(ctx context.Context, orgID int64) (*AlertWebhook, error) {
	var h AlertWebhook
	err := s.conn(ctx).Scopes(forOrg(orgID)).First(&h).Error
	return &h, notFound(err, "webhook")
}

// WebhookByID returns a webhook of the organization by id.
func (s *Store) WebhookByID(ctx context.Context, orgID, id int64) (*AlertWebhook, error) {
	var h AlertWebhook
	err := s.conn(ctx).Scopes(forOrg(orgID)).Where("id = ?", id).First(&h).Error
	return &h, notFound(err, "webhook")
}

// SaveWebhook sets the organization's webhook URL; a non-empty secret
// replaces the signing secret, an empty one keeps it.
func (s *Store) SaveWebhook(ctx context.Context, orgID int64, url, secret string) (*AlertWebhook, error) {
	now := time.Now().UTC()
	cols := []string{"url", "updated_at"}
	if secret != "" {
		cols = append(cols, "secret")
	}
	h := AlertWebhook{OrganizationID: orgID, URL: url, Secret: secret, CreatedAt: now, UpdatedAt: now}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "organization_id"}},
		DoUpdates: clause.AssignmentColumns(cols),
	}).Create(&h).Error
	if err != nil {
		return nil, notFound(err, "save webhook")
	}
	return s.Webhook(ctx, orgID)
}

// DeleteWebhook removes the organization's webhook.
func (s *Store) DeleteWebhook(ctx context.Context, orgID int64) error {
	err := s.conn(ctx).Scopes(forOrg(orgID)).Delete(&AlertWebhook{}).Error
	return notFound(err, "delete webhook")
}
