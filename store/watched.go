package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm/clause"
)

// WatchedDocuments lists the documents the organization watches (see
// watchedDocuments) with their platforms, by platform and type.
func (s *Store) WatchedDocuments(ctx context.Context, orgID int64, activeOnly bool) ([]Document, error) {
	var ds []Document
	err := s.conn(ctx).Model(&Document{}).Scopes(watchedDocuments(orgID, activeOnly)).Preload("Platform").
		Order("platform_id, doc_type, id").Find(&ds).Error
	if err != nil {
		return nil, fmt.Errorf("list watched documents of organization %d: %w", orgID, err)
	}
	return ds, nil
}

// LatestChanges returns the newest change of each of the documents, keyed
// by document id, in two queries whatever the number of documents.
func (s *Store) LatestChanges(ctx context.Context, docIDs []int64) (map[int64]Change, error) {
	out := map[int64]Change{}
	for chunk := range slices.Chunk(docIDs, maxInList) {
		var ids []int64
		// Changes are inserted as they are found, so the highest id is the
		// newest.
		err := s.conn(ctx).Model(&Change{}).
			Where("document_id IN ?", chunk).
			Group("document_id").Pluck("MAX(id)", &ids).Error
		if err != nil {
			return nil, fmt.Errorf("latest changes: %w", err)
		}
		if len(ids) == 0 {
			continue
		}
		var cs []Change
		if err := s.conn(ctx).Omit("sections", "provisions").Where("id IN ?", ids).Find(&cs).Error; err != nil {
			return nil, fmt.Errorf("latest changes: %w", err)
		}
		for _, c := range cs {
			out[c.DocumentID] = c
		}
	}
	return out, nil
}

// WatchedChanges lists changes to the documents the organization actively
// watches, newest first, recorded at or after since (all when zero), at
// most limit, each with its document and platform.
func (s *Store) WatchedChanges(ctx context.Context, orgID int64, since time.Time, limit int) ([]Change, error) {
	q := s.conn(ctx).Model(&Change{}).Preload("Document.Platform").
		Where("changes.document_id IN (?)", s.conn(ctx).Model(&Document{}).Select("documents.id").Scopes(watchedDocuments(orgID, true)))
	if !since.IsZero() {
		q = q.Where("changes.created_at >= ?", since.UTC())
	}
	var cs []Change
	if err := q.Order("changes.created_at DESC, changes.id DESC").Limit(limit).Find(&cs).Error; err != nil {
		return nil, fmt.Errorf("list watched changes of organization %d: %w", orgID, err)
	}
	return cs, nil
}

// HasFeedToken reports whether the organization has a private feed.
func (s *Store) HasFeedToken(ctx context.Context, orgID int64) (bool, error) {
	var n int64
	if err := s.conn(ctx).Model(&FeedToken{}).Scopes(forOrg(orgID)).Count(&n).Error; err != nil {
		return false, fmt.Errorf("feed token of organization %d: %w", orgID, err)
	}
	return n > 0, nil
}

// SetFeedToken gives the organization a new feed token, stored as its hash;
// the old one stops working.
func (s *Store) SetFeedToken(ctx context.Context, orgID int64, token string) error {
	t := &FeedToken{OrganizationID: orgID, TokenHash: hashFeedToken(token), CreatedAt: time.Now().UTC()}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "organization_id"}},
		DoUpdates: clause.AssignmentColumns([]string{"token_hash", "created_at"}),
	}).Create(t).Error
	return notFound(err, "set feed token")
}

// DeleteFeedToken revokes the organization's feed token.
func (s *Store) DeleteFeedToken(ctx context.Context, orgID int64) error {
	err := s.conn(ctx).Scopes(forOrg(orgID)).Delete(&FeedToken{}).Error
	return notFound(err, "delete feed token")
}

// FeedTokenOrganization returns the organization a feed token belongs to.
func (s *Store) FeedTokenOrganization(ctx context.Context, token string) (*Organization, error) {
	var t FeedToken
	if err := s.conn(ctx).Where("token_hash = ?", hashFeedToken(token)).First(&t).Error; err != nil {
		return nil, notFound(err, "feed token")
	}
	return s.Organization(ctx, t.OrganizationID)
}
