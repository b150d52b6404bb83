package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The statements RecordVersion runs for every version a check records,
// written out and handed to database/sql as check_queries.go does: GORM's
// statement building, callbacks and reflective scanning took a fifth of
// RecordVersion's CPU. $N placeholders are understood by both drivers, as
// is INSERT … RETURNING.

// lockLatestVersion reads the document's latest version id (0 for none)
// inside a transaction; on PostgreSQL it locks the row so that concurrent
// checks of the same document serialize here (SQLite serializes all
// writers anyway). A missing document is ErrNotFound.
func (s *Store) lockLatestVersion(ctx context.Context, documentID int64) (int64, error) {
	q := `SELECT latest_version_id FROM documents WHERE id = $1`
	if s.dialect == "postgres" {
		q += ` FOR UPDATE`
	}
	var latest sql.NullInt64
	err := s.pool().QueryRowContext(ctx, q, documentID).Scan(&latest)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("document %d: %w", documentID, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("lock document %d: %w", documentID, err)
	}
	return latest.Int64, nil
}

// putSnapshot stores a body once per content hash and returns its id.
// It is inserted first: a body seen before is rare, since pages carry
// tokens and timestamps that differ at every fetch.
func (s *Store) putSnapshot(ctx context.Context, in SnapshotInput) (int64, error) {
	var id int64
	err := s.pool().QueryRowContext(ctx, `INSERT INTO snapshots (sha256, url, content_type, body, created_at)
VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
		in.SHA256, in.URL, in.ContentType, in.Body, time.Now().UTC()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.pool().QueryRowContext(ctx, `SELECT id FROM snapshots WHERE sha256 = $1`, in.SHA256).Scan(&id)
		if err != nil {
			return 0, fmt.Errorf("find snapshot: %w", err)
		}
		return id, nil
	}
	if err != nil {
		return 0, fmt.Errorf("insert snapshot: %w", err)
	}
	return id, nil
}

// insertVersion inserts v and sets its ID.
func (s *Store) insertVersion(ctx context.Context, v *Version) error {
	ids, err := json.Marshal(v.SnapshotIDs)
	if err != nil {
		return fmt.Errorf("insert version: %w", err)
	}
	err = s.pool().QueryRowContext(ctx, `INSERT INTO versions (document_id, kind, markdown, sha256, prev_sha256,
 significant_sha256, content_fingerprint, extraction_version, snapshot_ids, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		v.DocumentID, v.Kind, v.Markdown, v.SHA256, v.PrevSHA256,
		v.SignificantSHA256, v.ContentFingerprint, v.ExtractionVersion, string(ids), v.CreatedAt).Scan(&v.ID)
	if err != nil {
		return fmt.Errorf("insert version: %w", err)
	}
	return nil
}

// insertChange inserts c and sets its ID; no materiality is substantive,
// the column's default.
func (s *Store) insertChange(ctx context.Context, c *Change) error {
	if c.Materiality == "" {
		c.Materiality = MaterialitySubstantive
	}
	err := s.pool().QueryRowContext(ctx, `INSERT INTO changes (document_id, from_version_id, to_version_id, summary,
 severity, materiality, added_words, removed_words, sections_changed, sections, provisions, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		c.DocumentID, c.FromVersionID, c.ToVersionID, c.Summary, c.Severity, c.Materiality,
		c.AddedWords, c.RemovedWords, c.SectionsChanged, c.Sections, c.Provisions, c.CreatedAt).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("insert change: %w", err)
	}
	return nil
}

// VersionText returns the text of one version of a document, which a
// check compares the new text with: one column read by database/sql
// instead of the whole row through GORM. A missing version is
// ErrNotFound.
func (s *Store) VersionText(ctx context.Context, documentID, versionID int64) (string, error) {
	var md string
	err := s.pool().QueryRowContext(ctx, `SELECT markdown FROM versions WHERE document_id = $1 AND id = $2`,
		documentID, versionID).Scan(&md)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("version %d of document %d: %w", versionID, documentID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("version %d text: %w", versionID, err)
	}
	return md, nil
}

// setLatestVersion points the document at a version without touching its
// health (a technical upgrade is no check).
func (s *Store) setLatestVersion(ctx context.Context, documentID, versionID int64) error {
	_, err := s.pool().ExecContext(ctx, `UPDATE documents SET latest_version_id = $1, updated_at = $2 WHERE id = $3`,
		versionID, time.Now().UTC(), documentID)
	if err != nil {
		return fmt.Errorf("set latest version: %w", err)
	}
	return nil
}

// setRecorded points the document at the version a successful check
// recorded and stores the check's health.
func (s *Store) setRecorded(ctx context.Context, documentID, versionID int64, h Health) error {
	conds, err := json.Marshal(h.Conditionals)
	if err != nil {
		return fmt.Errorf("record document health: %w", err)
	}
	_, err = s.pool().ExecContext(ctx, `UPDATE documents SET latest_version_id = $1, state = $2, last_error = '',
 consecutive_failures = 0, last_checked_at = $3, last_success_at = $4, next_check_at = $5,
 conditionals = $6, updated_at = $7
WHERE id = $8`,
		versionID, string(h.State), h.CheckedAt, h.CheckedAt, h.NextCheckAt, string(conds), time.Now().UTC(), documentID)
	if err != nil {
		return fmt.Errorf("record document health: %w", err)
	}
	return nil
}
