package store

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/clausewatch/clausewatch/docstate"
)

// CatalogueDocument returns the document of a platform with that type.
func (s *Store) CatalogueDocument(ctx context.Context, platformID int64, docType string) (*Document, error) {
	var d Document
	err := s.conn(ctx).Where("platform_id = ? AND doc_type = ? AND organization_id IS NULL", platformID, docType).First(&d).Error
	return &d, notFound(err, "document")
}

// CreateDocument inserts a new document, due for a check now.
func (s *Store) CreateDocument(ctx context.Context, d *Document) error {
	if d.State == "" {
		d.State = docstate.Pending
	}
	if d.NextCheckAt.IsZero() {
		d.NextCheckAt = time.Now().UTC()
	}
	if d.Conditionals == nil {
		d.Conditionals = []Conditional{}
	}
	return notFound(s.conn(ctx).Create(d).Error, "create document")
}

// UpdateDocumentSources replaces a document's declaration.
func (s *Store) UpdateDocumentSources(ctx context.Context, id int64, name string, sources JSONText, rulesHash string) error {
	err := s.conn(ctx).Model(&Document{}).Where("id = ?", id).Updates(map[string]any{
		"name": name, "sources": sources, "rules_hash": rulesHash, "updated_at": time.Now().UTC(),
	}).Error
	return notFound(err, "update document")
}

// UpdateDocumentHistory replaces a catalogue document's past declarations
// and brings it back if it was retired.
func (s *Store) UpdateDocumentHistory(ctx context.Context, id int64, history JSONText) error {
	err := s.conn(ctx).Model(&Document{}).Where("id = ?", id).Updates(map[string]any{
		"history": history, "retired_at": nil, "updated_at": time.Now().UTC(),
	}).Error
	return notFound(err, "update document history")
}

// RetireDocuments retires the platform's catalogue documents whose type is
// not in keep, and returns the types it retired. Retired documents keep
// their versions and are no longer checked.
func (s *Store) RetireDocuments(ctx context.Context, platformID int64, keep []string, at time.Time) ([]string, error) {
	q := s.conn(ctx).Model(&Document{}).Where("platform_id = ? AND organization_id IS NULL AND retired_at IS NULL", platformID)
	if len(keep) > 0 {
		q = q.Where("doc_type NOT IN ?", keep)
	}
	var retired []string
	if err := q.Order("doc_type").Pluck("doc_type", &retired).Error; err != nil {
		return nil, notFound(err, "retire documents")
	}
	if len(retired) == 0 {
		return nil, nil
	}
	err := s.conn(ctx).Model(&Document{}).Where("platform_id = ? AND organization_id IS NULL AND doc_type IN ?", platformID, retired).
		Updates(map[string]any{"retired_at": at, "updated_at": at}).Error
	return retired, notFound(err, "retire documents")
}

// Document returns a document by id, with its platform. Workers use it; the
// web app reads documents through platform or organization scoped methods.
func (s *Store) Document(ctx context.Context, id int64) (*Document, error) {
	var d Document
	// One statement with the platform joined.
	err := s.conn(ctx).Joins("Platform").First(&d, "documents.id = ?", id).Error
	return &d, notFound(err, "document")
}

// DocumentRow returns a document without its platform (Platform is nil):
// what a check reads, many times a round, where the join cost more than
// the rest of the statement.
func (s *Store) DocumentRow(ctx context.Context, id int64) (*Document, error) {
	var d Document
	err := s.conn(ctx).First(&d, id).Error
	return &d, notFound(err, "document")
}

// PlatformDocuments lists a platform's catalogue documents.
func (s *Store) PlatformDocuments(ctx context.Context, platformID int64) ([]Document, error) {
	var ds []Document
	err := s.conn(ctx).Where("platform_id = ? AND organization_id IS NULL", platformID).Order("doc_type").Find(&ds).Error
	return ds, notFound(err, "platform documents")
}

// DocumentIDs lists the ids of documents matching the filter: all catalogue
// and custom documents when platformID is zero. Retired documents are left
// out: they are no longer checked.
func (s *Store) DocumentIDs(ctx context.Context, platformID int64) ([]int64, error) {
	q := s.conn(ctx).Model(&Document{}).Where("retired_at IS NULL").Order("id")
	if platformID != 0 {
		q = q.Where("platform_id = ?", platformID)
	}
	var ids []int64
	return ids, notFound(q.Pluck("id", &ids).Error, "list documents")
}

// DueDocument is what the sweep needs to enqueue a check. It is also the
// cursor of the next page: pass the last one of a page to get the next.
type DueDocument struct {
	ID          int64
	NextCheckAt time.Time
}

// DueDocuments returns up to limit documents whose next check is due,
// ordered by (next_check_at, id) and strictly after the cursor after (the
// zero value starts at the beginning). Paging by both columns never skips or
// repeats a document when several share a next_check_at, and lets each page
// be a range of documents_due_idx. Catalogue documents are checked until
// retired (their pages are public); a custom document only while an
// unpaused watch follows it.
func (s *Store) DueDocuments(ctx context.Context, now time.Time, after DueDocument, limit int) ([]DueDocument, error) {
	var out []DueDocument
	err := dueDocumentsQuery(s.conn(ctx), now, after, limit).Scan(&out).Error
	return out, notFound(err, "due documents")
}

// dueDocumentsQuery builds the sweep's query; the plan test explains exactly
// this statement. The LIMIT 1 OFFSET 0 in the watch test keeps PostgreSQL
// from turning it into a hashed subplan, which reads every unpaused watch on
// every page; as written it is one index probe per custom document on the page.
func dueDocumentsQuery(db *gorm.DB, now time.Time, after DueDocument, limit int) *gorm.DB {
	return db.Model(&Document{}).
		Select("id", "next_check_at").
		Where("next_check_at <= ?", now).
		Where("(next_check_at, id) > (?, ?)", after.NextCheckAt, after.ID).
		Where("retired_at IS NULL").
		Where("organization_id IS NULL OR EXISTS (SELECT 1 FROM watches w WHERE w.document_id = documents.id AND w.paused_at IS NULL LIMIT 1 OFFSET 0)").
		Order("next_check_at, id").Limit(limit)
}

// Health is the outcome of one check that did not produce a version.
type Health struct {
	State        docstate.State
	Error        string
	Conditionals []Conditional
	CheckedAt    time.Time
	NextCheckAt  time.Time
	Failed       bool
}

// RecordHealth stores the outcome of a check: success resets the failure
// count, failure increments it. It returns the new failure count.
func (s *Store) RecordHealth(ctx context.Context, id int64, h Health) (int, error) {
	if !h.Failed {
		return 0, s.recordSuccess(ctx, id, h)
	}
	var failures int
	err := s.InTx(ctx, func(tx *Store) error {
		var d Document
		if err := tx.conn(ctx).Select("id", "consecutive_failures").First(&d, id).Error; err != nil {
			return err
		}
		failures = d.ConsecutiveFailures + 1
		return tx.conn(ctx).Model(&Document{}).Where("id = ?", id).Updates(map[string]any{
			"state": h.State, "last_checked_at": h.CheckedAt, "next_check_at": h.NextCheckAt,
			"updated_at": time.Now().UTC(), "last_error": h.Error, "consecutive_failures": failures,
		}).Error
	})
	return failures, notFound(err, "record document health")
}

// DocumentsByState counts documents per state, for metrics and the dashboard.
func (s *Store) DocumentsByState(ctx context.Context) (map[docstate.State]int64, error) {
	var rows []struct {
		State docstate.State
		N     int64
	}
	err := s.conn(ctx).Model(&Document{}).Select("state, count(*) AS n").Group("state").Scan(&rows).Error
	out := map[docstate.State]int64{}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, notFound(err, "count documents by state")
}

// CheckResult is the state of a document after a check run, for the check
// command's report.
type CheckResult struct {
	DocumentID int64
	Platform   string
	DocType    string
	State      docstate.State
	LastError  string
	VersionID  int64 // a version recorded since the run started, or 0
	ChangeID   int64 // a change recorded since the run started, or 0
}

// CheckedSince returns the documents among ids that were checked at or
// after since, with the version and change each recorded since then.
func (s *Store) CheckedSince(ctx context.Context, ids []int64, since time.Time) ([]CheckResult, error) {
	var out []CheckResult
	for chunk := range slices.Chunk(ids, maxInList) {
		var docs []Document
		err := s.conn(ctx).Preload("Platform").
			Select("id", "platform_id", "doc_type", "name", "state", "last_error").
			Where("id IN ? AND last_checked_at >= ?", chunk, since).Find(&docs).Error
		if err != nil {
			return nil, notFound(err, "checked documents")
		}
		if len(docs) == 0 {
			continue
		}
		done := make([]int64, len(docs))
		for i, d := range docs {
			done[i] = d.ID
		}
		versions := map[int64]int64{}
		var vrows []struct{ DocumentID, ID int64 }
		if err := s.conn(ctx).Model(&Version{}).Select("document_id, id").
			Where("document_id IN ? AND created_at >= ?", done, since).Scan(&vrows).Error; err != nil {
			return nil, notFound(err, "recent versions")
		}
		for _, r := range vrows {
			versions[r.DocumentID] = r.ID
		}
		changes, err := s.DocumentChangesSince(ctx, done, since)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			r := checkLabel(d)
			r.State, r.LastError, r.VersionID, r.ChangeID = d.State, d.LastError, versions[d.ID], changes[d.ID]
			out = append(out, r)
		}
	}
	return out, nil
}

// CheckLabels returns, for the documents among ids, a CheckResult that
// names each (platform, or the document's own name, and type) and holds
// nothing else, for a caller that has the checks' outcomes already.
func (s *Store) CheckLabels(ctx context.Context, ids []int64) (map[int64]CheckResult, error) {
	out := make(map[int64]CheckResult, len(ids))
	for chunk := range slices.Chunk(ids, maxInList) {
		var docs []Document
		err := s.conn(ctx).Preload("Platform").Select("id", "platform_id", "doc_type", "name").
			Where("id IN ?", chunk).Find(&docs).Error
		if err != nil {
			return nil, notFound(err, "document labels")
		}
		for _, d := range docs {
			out[d.ID] = checkLabel(d)
		}
	}
	return out, nil
}

func checkLabel(d Document) CheckResult {
	r := CheckResult{DocumentID: d.ID, DocType: d.DocType, Platform: d.Name}
	if d.Platform != nil {
		r.Platform = d.Platform.Slug
	}
	return r
}
