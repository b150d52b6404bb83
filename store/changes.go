package store

import (
	"context"
	"slices"
	"time"
)

// Change returns one change with its document and platform. Changes of
// catalogue documents are public; a custom document's change is visible
// only to its organization, which orgID (0 for anonymous) must match.
func (s *Store) Change(ctx context.Context, orgID, id int64) (*Change, error) {
	var c Change
	err := s.conn(ctx).Preload("Document.Platform").First(&c, id).Error
	if err != nil {
		return nil, notFound(err, "change")
	}
	if c.Document != nil && c.Document.OrganizationID != nil && *c.Document.OrganizationID != orgID {
		return nil, notFound(errNotFoundRow, "change")
	}
	return &c, nil
}

// PlatformChanges lists the changes of a platform's documents, newest first.
func (s *Store) PlatformChanges(ctx context.Context, platformID int64, limit int) ([]Change, error) {
	var cs []Change
	err := s.conn(ctx).Preload("Document").
		Joins("JOIN documents ON documents.id = changes.document_id").
		Where("documents.platform_id = ? AND documents.organization_id IS NULL", platformID).
		Order("changes.created_at DESC, changes.id DESC").Limit(limit).Find(&cs).Error
	return cs, notFound(err, "platform changes")
}

// DocumentChangesSince counts changes recorded for the given documents at
// or after t; the check command uses it to report what a run found.
func (s *Store) DocumentChangesSince(ctx context.Context, docIDs []int64, t time.Time) (map[int64]int64, error) {
	out := map[int64]int64{}
	for chunk := range slices.Chunk(docIDs, maxInList) {
		var rows []struct {
			DocumentID int64
			ID         int64
		}
		err := s.conn(ctx).Model(&Change{}).Select("document_id, id").
			Where("document_id IN ? AND created_at >= ?", chunk, t).Scan(&rows).Error
		if err != nil {
			return nil, notFound(err, "changes since")
		}
		for _, r := range rows {
			out[r.DocumentID] = r.ID
		}
	}
	return out, nil
}
