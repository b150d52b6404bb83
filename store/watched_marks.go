package store

import (
	"context"
	"fmt"
	"time"
)

// ChangeMark is the time and severity of one change: what a chart of
// changes over time needs, without the change's text.
type ChangeMark struct {
	CreatedAt   time.Time
	Severity    string
	Materiality string
}

// WatchedChangeMarks lists the time and severity of every change to the
// documents the organization actively watches recorded at or after since,
// oldest first.
func (s *Store) WatchedChangeMarks(ctx context.Context, orgID int64, since time.Time) ([]ChangeMark, error) {
	var out []ChangeMark
	err := s.conn(ctx).Model(&Change{}).Select("changes.created_at, changes.severity, changes.materiality").
		Where("changes.document_id IN (?)", s.conn(ctx).Model(&Document{}).Select("documents.id").Scopes(watchedDocuments(orgID, true))).
		Where("changes.created_at >= ?", since.UTC()).
		Order("changes.created_at, changes.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("change marks of organization %d: %w", orgID, err)
	}
	return out, nil
}
