package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The statements of this file run on every check of every document, so
// they are written out and handed to database/sql directly: GORM's
// statement building and reflective scanning cost as much CPU as SQLite
// spent running them. $N placeholders are understood by both drivers.

// checkDocumentQuery reads a document without its platform, and the
// latest version without its text through documents.latest_version_id,
// which RecordVersion sets to every new version in the transaction that
// inserts it: the version row it names is the newest one.
const checkDocumentQuery = `SELECT d.id, d.platform_id, d.organization_id, d.doc_type, d.name, d.sources,
 d.rules_hash, d.conditionals, d.state, d.consecutive_failures, d.last_error, d.last_checked_at,
 d.last_success_at, d.next_check_at, d.latest_version_id, d.retired_at, d.history, d.created_at, d.updated_at,
 v.id, v.kind, v.sha256, v.prev_sha256, v.significant_sha256, v.content_fingerprint,
 v.extraction_version, v.snapshot_ids, v.created_at
FROM documents d LEFT JOIN versions v ON v.id = d.latest_version_id AND v.document_id = d.id
WHERE d.id = $1`

// DocumentForCheck returns what a check reads before fetching in one
// statement: the document without its platform (Platform is nil) and its
// latest version without the text (Markdown is empty), or a nil version
// when the document has none. A missing document is ErrNotFound.
func (s *Store) DocumentForCheck(ctx context.Context, id int64) (*Document, *Version, error) {
	var (
		d                                          Document
		conds                                      sql.NullString
		vID, vExtraction                           sql.NullInt64
		vKind, vSHA, vPrev, vSig, vContent, vSnaps sql.NullString
		vCreated                                   sql.NullTime
	)
	row := s.pool().QueryRowContext(ctx, checkDocumentQuery, id)
	err := row.Scan(&d.ID, &d.PlatformID, &d.OrganizationID, &d.DocType, &d.Name, &d.Sources,
		&d.RulesHash, &conds, &d.State, &d.ConsecutiveFailures, &d.LastError, &d.LastCheckedAt,
		&d.LastSuccessAt, &d.NextCheckAt, &d.LatestVersionID, &d.RetiredAt, &d.History, &d.CreatedAt, &d.UpdatedAt,
		&vID, &vKind, &vSHA, &vPrev, &vSig, &vContent, &vExtraction, &vSnaps, &vCreated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("document %d for check: %w", id, err)
	}
	// As GORM's JSON serializer reads the column: empty is no validators.
	if conds.String != "" {
		if err := json.Unmarshal([]byte(conds.String), &d.Conditionals); err != nil {
			return nil, nil, fmt.Errorf("document %d conditionals: %w", id, err)
		}
	}
	if !vID.Valid {
		return &d, nil, nil
	}
	v := Version{
		ID: vID.Int64, DocumentID: d.ID, Kind: vKind.String, SHA256: vSHA.String, PrevSHA256: vPrev.String,
		SignificantSHA256: vSig.String, ContentFingerprint: vContent.String, ExtractionVersion: int(vExtraction.Int64),
		CreatedAt: vCreated.Time,
	}
	if vSnaps.String != "" {
		if err := json.Unmarshal([]byte(vSnaps.String), &v.SnapshotIDs); err != nil {
			return nil, nil, fmt.Errorf("version %d snapshot ids: %w", v.ID, err)
		}
	}
	return &d, &v, nil
}

// recordSuccessQuery is RecordHealth's statement for a check that
// succeeded: the failure count goes back to zero whatever it was, without
// reading the row first. A NULL $6 keeps the stored validators.
const recordSuccessQuery = `UPDATE documents SET state = $1, last_checked_at = $2, next_check_at = $3,
 updated_at = $4, last_error = '', last_success_at = $5, consecutive_failures = 0,
 conditionals = COALESCE($6, conditionals)
WHERE id = $7`

// recordSuccess stores the health of a successful check.
func (s *Store) recordSuccess(ctx context.Context, id int64, h Health) error {
	var conds any // nil keeps the column
	if h.Conditionals != nil {
		b, err := json.Marshal(h.Conditionals)
		if err != nil {
			return fmt.Errorf("record document health: %w", err)
		}
		conds = string(b)
	}
	res, err := s.pool().ExecContext(ctx, recordSuccessQuery,
		string(h.State), h.CheckedAt, h.NextCheckAt, time.Now().UTC(), h.CheckedAt, conds, id)
	if err != nil {
		return fmt.Errorf("record document health: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("record document health: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("record document health: %w", ErrNotFound)
	}
	return nil
}
