package store

import (
	"context"
	"slices"
	"time"
)

// CategoryLastChanges returns, per catalogue platform id, when a change of
// its documents last moved the provision category: the newest change
// whose stored provisions name it.
func (s *Store) CategoryLastChanges(ctx context.Context, category string) (map[int64]time.Time, error) {
	// Provisions are stored as compact JSON, so the category appears as
	// this exact text; LIKE wildcards in the id are escaped.
	pattern := `%"category":"` + likeEscaper.Replace(category) + `"%`
	var newest []struct {
		PlatformID int64
		ID         int64
	}
	// As in PlatformSummaries, the newest change has the highest id.
	err := s.conn(ctx).Table("changes").
		Select("documents.platform_id, MAX(changes.id) AS id").
		Joins("JOIN documents ON documents.id = changes.document_id").
		Where(`documents.platform_id IS NOT NULL AND documents.organization_id IS NULL AND changes.provisions LIKE ? ESCAPE '\'`, pattern).
		Group("documents.platform_id").Scan(&newest).Error
	if err != nil {
		return nil, notFound(err, "category changes")
	}
	out := make(map[int64]time.Time, len(newest))
	if len(newest) == 0 {
		return out, nil
	}
	ids := make([]int64, len(newest))
	platformOf := make(map[int64]int64, len(newest))
	for i, n := range newest {
		ids[i] = n.ID
		platformOf[n.ID] = n.PlatformID
	}
	for chunk := range slices.Chunk(ids, maxInList) {
		var rows []struct {
			ID        int64
			CreatedAt time.Time
		}
		err := s.conn(ctx).Model(&Change{}).Select("id, created_at").Where("id IN ?", chunk).Scan(&rows).Error
		if err != nil {
			return nil, notFound(err, "category change times")
		}
		for _, r := range rows {
			out[platformOf[r.ID]] = r.CreatedAt
		}
	}
	return out, nil
}

// DocumentChangeCounts counts the changes recorded for each document.
func (s *Store) DocumentChangeCounts(ctx context.Context, docIDs []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(docIDs))
	for chunk := range slices.Chunk(docIDs, maxInList) {
		var rows []struct {
			DocumentID int64
			N          int
		}
		err := s.conn(ctx).Model(&Change{}).Select("document_id, COUNT(*) AS n").
			Where("document_id IN ?", chunk).
			Group("document_id").Scan(&rows).Error
		if err != nil {
			return nil, notFound(err, "count changes")
		}
		for _, r := range rows {
			out[r.DocumentID] = r.N
		}
	}
	return out, nil
}
