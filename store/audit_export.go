package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// ChangesBetween returns the changes of the documents recorded in
// [from, to), ordered by document and then oldest first, in one query per
// batch of documents.
func (s *Store) ChangesBetween(ctx context.Context, docIDs []int64, from, to time.Time) ([]Change, error) {
	var out []Change
	for chunk := range slices.Chunk(docIDs, maxInList) {
		var cs []Change
		err := s.conn(ctx).Where("document_id IN ? AND created_at >= ? AND created_at < ?",
			chunk, from.UTC(), to.UTC()).
			Order("document_id, id").Find(&cs).Error
		if err != nil {
			return nil, fmt.Errorf("changes between %s and %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
		}
		out = append(out, cs...)
	}
	return out, nil
}

// ChainSegments returns, for each document, the versions that let a reader
// check the hash chain over [from, to): the latest version recorded before
// from (the segment's anchor; the first version when none is older) and
// every version after it recorded before to. Versions come with their text,
// ordered by document and then oldest first.
func (s *Store) ChainSegments(ctx context.Context, docIDs []int64, from, to time.Time) ([]Version, error) {
	var out []Version
	for chunk := range slices.Chunk(docIDs, maxInList) {
		var vs []Version
		// Versions of a document get increasing ids as they are recorded,
		// so the anchor is the highest id older than from.
		err := s.conn(ctx).Where("document_id IN ? AND created_at < ?", chunk, to.UTC()).
			Where("id >= COALESCE((SELECT MAX(a.id) FROM versions a WHERE a.document_id = versions.document_id AND a.created_at < ?), 0)", from.UTC()).
			Order("document_id, id").Find(&vs).Error
		if err != nil {
			return nil, fmt.Errorf("version chain segments: %w", err)
		}
		out = append(out, vs...)
	}
	return out, nil
}

// SnapshotHashes returns the SHA-256 of snapshots by id, without their
// bodies.
func (s *Store) SnapshotHashes(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for chunk := range slices.Chunk(ids, maxInList) {
		var rows []struct {
			ID     int64
			SHA256 string `gorm:"column:sha256"`
		}
		err := s.conn(ctx).Model(&Snapshot{}).Select("id, sha256").
			Where("id IN ?", chunk).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("snapshot hashes: %w", err)
		}
		for _, r := range rows {
			out[r.ID] = r.SHA256
		}
	}
	return out, nil
}
