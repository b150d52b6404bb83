package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
)

// ErrLimitReached is returned when adding or resuming a watch would go over
// the limit the caller passed; the caller knows which plan that is.
var ErrLimitReached = errors.New("plan limit reached")

// ErrAlreadyWatched is returned when the organization already watches that
// platform or URL. It is an ErrConflict.
var ErrAlreadyWatched = fmt.Errorf("already watched: %w", ErrConflict)

// AddPlatformWatch makes the organization watch a catalogue platform. The
// organization row is locked while its watches are counted, so that
// concurrent adds can never go over limit platforms between them.
func (s *Store) AddPlatformWatch(ctx context.Context, orgID, platformID int64, createdBy *int64, limit int) (*Watch, error) {
	w := &Watch{OrganizationID: orgID, PlatformID: &platformID, CreatedBy: createdBy}
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		var dup int64
		if err := tx.conn(ctx).Model(&Watch{}).Scopes(forOrg(orgID)).Where("platform_id = ?", platformID).Count(&dup).Error; err != nil {
			return fmt.Errorf("look for the same watch: %w", err)
		}
		if dup > 0 {
			return ErrAlreadyWatched
		}
		if err := tx.underLimit(ctx, orgID, "platform_id", false, limit); err != nil {
			return err
		}
		return tx.conn(ctx).Create(w).Error
	})
	if err != nil {
		return nil, notFound(err, "add platform watch")
	}
	return w, nil
}

// AddCustomWatch creates the organization's custom document doc and a
// watch on it, under the same lock and limit rule as AddPlatformWatch. A
// document with the same sources already in the organization is
// ErrAlreadyWatched.
func (s *Store) AddCustomWatch(ctx context.Context, orgID int64, doc *Document, createdBy *int64, limit int) (*Watch, error) {
	doc.OrganizationID = &orgID
	doc.PlatformID = nil
	doc.DocType = DocTypeCustom
	w := &Watch{OrganizationID: orgID, CreatedBy: createdBy}
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		var dup int64
		if err := tx.conn(ctx).Model(&Document{}).Scopes(forOrg(orgID)).Where("sources = ?", doc.Sources).Count(&dup).Error; err != nil {
			return fmt.Errorf("look for the same document: %w", err)
		}
		if dup > 0 {
			return ErrAlreadyWatched
		}
		if err := tx.underLimit(ctx, orgID, "document_id", false, limit); err != nil {
			return err
		}
		if err := tx.CreateDocument(ctx, doc); err != nil {
			return err
		}
		w.DocumentID = &doc.ID
		return tx.conn(ctx).Create(w).Error
	})
	if err != nil {
		return nil, notFound(err, "add custom watch")
	}
	w.Document = doc
	return w, nil
}

// underLimit fails with ErrLimitReached when the organization has limit or
// more watches of one kind (column platform_id or document_id), only the
// active ones when activeOnly.
func (s *Store) underLimit(ctx context.Context, orgID int64, column string, activeOnly bool, limit int) error {
	q := s.conn(ctx).Model(&Watch{}).Scopes(forOrg(orgID)).Where(column + " IS NOT NULL")
	if activeOnly {
		q = q.Where("paused_at IS NULL")
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return fmt.Errorf("count watches: %w", err)
	}
	if int(n) >= limit {
		return ErrLimitReached
	}
	return nil
}

// Watches lists the organization's watches with their platform or custom
// document, oldest first.
func (s *Store) Watches(ctx context.Context, orgID int64) ([]Watch, error) {
	var ws []Watch
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("Platform").Preload("Document").
		Order("created_at, id").Find(&ws).Error
	if err != nil {
		return nil, fmt.Errorf("list watches of organization %d: %w", orgID, err)
	}
	return ws, nil
}

// Watch returns one of the organization's watches.
func (s *Store) Watch(ctx context.Context, orgID, watchID int64) (*Watch, error) {
	var w Watch
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("Platform").Preload("Document").
		Where("id = ?", watchID).First(&w).Error
	if err != nil {
		return nil, notFound(err, "watch")
	}
	return &w, nil
}

// CountWatches counts the organization's platform and custom-URL watches,
// paused ones included: a paused watch keeps its place.
func (s *Store) CountWatches(ctx context.Context, orgID int64) (WatchLimits, error) {
	var row struct{ Platforms, Custom int }
	err := s.conn(ctx).Model(&Watch{}).Scopes(forOrg(orgID)).
		Select("COUNT(platform_id) AS platforms, COUNT(document_id) AS custom").Scan(&row).Error
	if err != nil {
		return WatchLimits{}, fmt.Errorf("count watches of organization %d: %w", orgID, err)
	}
	return WatchLimits{Platforms: row.Platforms, CustomURLs: row.Custom}, nil
}

// DeleteWatch removes one watch and returns it. A custom document belongs
// to its watch only, so it goes with it, history included.
func (s *Store) DeleteWatch(ctx context.Context, orgID, watchID int64) (*Watch, error) {
	var w Watch
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.conn(ctx).Scopes(forOrg(orgID)).Preload("Platform").Preload("Document").
			Where("id = ?", watchID).First(&w).Error; err != nil {
			return err
		}
		if err := deleteWatchRules(tx.conn(ctx), orgID, watchID); err != nil {
			return err
		}
		if err := tx.conn(ctx).Scopes(forOrg(orgID)).Where("id = ?", watchID).Delete(&Watch{}).Error; err != nil {
			return err
		}
		if w.DocumentID == nil {
			return nil
		}
		return tx.conn(ctx).Scopes(forOrg(orgID)).Where("id = ?", *w.DocumentID).Delete(&Document{}).Error
	})
	if err != nil {
		return nil, notFound(err, "delete watch")
	}
	return &w, nil
}

// PauseWatch pauses one watch for reason; pausing a paused watch changes
// nothing.
func (s *Store) PauseWatch(ctx context.Context, orgID, watchID int64, reason string, at time.Time) error {
	if _, err := s.Watch(ctx, orgID, watchID); err != nil {
		return err
	}
	err := s.conn(ctx).Model(&Watch{}).Scopes(forOrg(orgID)).Where("id = ? AND paused_at IS NULL", watchID).
		Updates(map[string]any{"paused_at": at.UTC(), "paused_reason": reason}).Error
	return notFound(err, "pause watch")
}

// ResumeWatch resumes one watch when fewer than the limit of its kind are
// active; otherwise ErrLimitReached. Resuming an active watch changes
// nothing.
func (s *Store) ResumeWatch(ctx context.Context, orgID, watchID int64, limits WatchLimits) error {
	err := s.InTx(ctx, func(tx *Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		w, err := tx.Watch(ctx, orgID, watchID)
		if err != nil || !w.Paused() {
			return err
		}
		column, limit := "platform_id", limits.Platforms
		if w.Custom() {
			column, limit = "document_id", limits.CustomURLs
		}
		if err := tx.underLimit(ctx, orgID, column, true, limit); err != nil {
			return err
		}
		return tx.setPaused(ctx, orgID, []int64{watchID}, nil, "")
	})
	return notFound(err, "resume watch")
}

// ApplyWatchLimits brings the organization's active watches within limits:
// over a limit, the newest active watches of that kind are paused; under
// it, watches the plan paused are resumed, oldest first, up to the limit.
// Watches a member paused stay paused. Nothing is deleted. Call it in a
// transaction that holds the organization lock.
func (s *Store) ApplyWatchLimits(ctx context.Context, orgID int64, limits WatchLimits, at time.Time) (paused, resumed []Watch, err error) {
	for _, kind := range []struct {
		column string
		limit  int
	}{{"platform_id", limits.Platforms}, {"document_id", limits.CustomURLs}} {
		var active []Watch
		err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("Platform").Preload("Document").
			Where(kind.column + " IS NOT NULL AND paused_at IS NULL").
			Order("created_at DESC, id DESC").Find(&active).Error
		if err != nil {
			return nil, nil, fmt.Errorf("list active watches: %w", err)
		}
		if over := len(active) - kind.limit; over > 0 {
			newest := active[:over]
			if err := s.setPaused(ctx, orgID, watchIDs(newest), &at, PausedByPlan); err != nil {
				return nil, nil, err
			}
			paused = append(paused, newest...)
			continue
		}
		var waiting []Watch
		err = s.conn(ctx).Scopes(forOrg(orgID)).Preload("Platform").Preload("Document").
			Where(kind.column+" IS NOT NULL AND paused_at IS NOT NULL AND paused_reason = ?", PausedByPlan).
			Order("created_at, id").Limit(kind.limit - len(active)).Find(&waiting).Error
		if err != nil {
			return nil, nil, fmt.Errorf("list watches paused by the plan: %w", err)
		}
		if len(waiting) == 0 {
			continue
		}
		if err := s.setPaused(ctx, orgID, watchIDs(waiting), nil, ""); err != nil {
			return nil, nil, err
		}
		resumed = append(resumed, waiting...)
	}
	return paused, resumed, nil
}

func (s *Store) setPaused(ctx context.Context, orgID int64, ids []int64, at *time.Time, reason string) error {
	var when any // a typed nil pointer would not be NULL for every driver
	if at != nil {
		when = at.UTC()
	}
	for chunk := range slices.Chunk(ids, maxInList) {
		err := s.conn(ctx).Model(&Watch{}).Scopes(forOrg(orgID)).Where("id IN ?", chunk).
			Updates(map[string]any{"paused_at": when, "paused_reason": reason}).Error
		if err != nil {
			return fmt.Errorf("set paused on watches: %w", err)
		}
	}
	return nil
}

func watchIDs(ws []Watch) []int64 {
	ids := make([]int64, len(ws))
	for i, w := range ws {
		ids[i] = w.ID
	}
	return ids
}

// watchedDocuments restricts a query on documents to those the
// organization watches: the catalogue documents of watched platforms and
// its own watched custom documents; only active watches when activeOnly.
func watchedDocuments(orgID int64, activeOnly bool) func(*gorm.DB) *gorm.DB {
	active := ""
	if activeOnly {
		active = " AND paused_at IS NULL"
	}
	return func(db *gorm.DB) *gorm.DB {
		return db.Where(
			"(documents.organization_id IS NULL AND documents.platform_id IN (SELECT platform_id FROM watches WHERE organization_id = ? AND platform_id IS NOT NULL"+active+"))"+
				" OR (documents.organization_id = ? AND documents.id IN (SELECT document_id FROM watches WHERE organization_id = ? AND document_id IS NOT NULL"+active+"))",
			orgID, orgID, orgID)
	}
}
