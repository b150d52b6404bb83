package store

import (
	"context"
	"slices"
	"strings"
	"time"
)

// PlatformSummary is a catalogue entry with what the list page shows.
type PlatformSummary struct {
	Platform
	Documents    int
	LastChangeAt *time.Time
}

// likeEscaper escapes the wildcards of LIKE so that a search for "50%"
// matches those characters literally.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// PlatformSummaries lists the catalogue by name with each platform's number
// of documents and its latest change. A non-empty query keeps platforms
// whose name, slug or category contains it, ignoring case. It runs three
// queries whatever the size of the catalogue.
func (s *Store) PlatformSummaries(ctx context.Context, query string) ([]PlatformSummary, error) {
	q := s.conn(ctx).Order("name, id")
	if query = strings.ToLower(strings.TrimSpace(query)); query != "" {
		pattern := "%" + likeEscaper.Replace(query) + "%"
		q = q.Where(`LOWER(name) LIKE ? ESCAPE '\' OR LOWER(slug) LIKE ? ESCAPE '\' OR LOWER(category) LIKE ? ESCAPE '\'`, pattern, pattern, pattern)
	}
	var ps []Platform
	if err := q.Find(&ps).Error; err != nil {
		return nil, notFound(err, "list platforms")
	}
	out := make([]PlatformSummary, len(ps))
	if len(ps) == 0 {
		return out, nil
	}
	var counts []struct {
		PlatformID int64
		N          int
		LastChange int64
	}
	// The newest change has the highest id: changes are inserted as they
	// are detected, so MAX(id) names it without comparing timestamps,
	// whose aggregate SQLite returns as text.
	err := s.conn(ctx).Table("documents").
		Select("documents.platform_id, COUNT(DISTINCT documents.id) AS n, COALESCE(MAX(changes.id), 0) AS last_change").
		Joins("LEFT JOIN changes ON changes.document_id = documents.id").
		Where("documents.platform_id IS NOT NULL AND documents.organization_id IS NULL").
		Group("documents.platform_id").Scan(&counts).Error
	if err != nil {
		return nil, notFound(err, "count platform documents")
	}
	byPlatform := map[int64]int{}
	var changeIDs []int64
	for i, c := range counts {
		byPlatform[c.PlatformID] = i
		if c.LastChange != 0 {
			changeIDs = append(changeIDs, c.LastChange)
		}
	}
	when := map[int64]time.Time{}
	if len(changeIDs) > 0 {
		var rows []struct {
			ID        int64
			CreatedAt time.Time
		}
		if err := s.conn(ctx).Model(&Change{}).Select("id, created_at").Where("id IN ?", changeIDs).Scan(&rows).Error; err != nil {
			return nil, notFound(err, "latest changes")
		}
		for _, r := range rows {
			when[r.ID] = r.CreatedAt
		}
	}
	for i, p := range ps {
		out[i].Platform = p
		if ci, ok := byPlatform[p.ID]; ok {
			out[i].Documents = counts[ci].N
			if t, ok := when[counts[ci].LastChange]; ok {
				out[i].LastChangeAt = &t
			}
		}
	}
	return out, nil
}

// VisibleDocument returns a document with its platform when the caller may
// see it: catalogue documents are public, a custom document belongs to its
// organization only (orgID 0 for anonymous callers). Anything else is
// ErrNotFound, the same rule as Change.
func (s *Store) VisibleDocument(ctx context.Context, orgID, id int64) (*Document, error) {
	var d Document
	err := s.conn(ctx).Preload("Platform").
		Where("id = ? AND (organization_id IS NULL OR organization_id = ?)", id, orgID).
		First(&d).Error
	if err != nil {
		return nil, notFound(err, "document")
	}
	return &d, nil
}

// VersionHeads returns versions by id without their text (id, document,
// kind, hashes, time), keyed by id.
func (s *Store) VersionHeads(ctx context.Context, ids []int64) (map[int64]Version, error) {
	out := make(map[int64]Version, len(ids))
	for chunk := range slices.Chunk(ids, maxInList) {
		var vs []Version
		err := s.conn(ctx).Omit("markdown").Where("id IN ?", chunk).Find(&vs).Error
		if err != nil {
			return nil, notFound(err, "versions")
		}
		for _, v := range vs {
			out[v.ID] = v
		}
	}
	return out, nil
}

// VersionTexts returns the Markdown of versions by id, keyed by id.
func (s *Store) VersionTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	// Fewer at a time than other lists: each row is a whole document.
	for chunk := range slices.Chunk(ids, 100) {
		var rows []struct {
			ID       int64
			Markdown string
		}
		err := s.conn(ctx).Model(&Version{}).Select("id, markdown").
			Where("id IN ?", chunk).Scan(&rows).Error
		if err != nil {
			return nil, notFound(err, "version texts")
		}
		for _, r := range rows {
			out[r.ID] = r.Markdown
		}
	}
	return out, nil
}

// LatestCatalogueVersion is the newest version of one catalogue document.
type LatestCatalogueVersion struct {
	DocumentID int64
	DocType    string
	VersionID  int64
	PlatformID int64
	Slug       string
	Name       string
	Category   string // the platform's category: "Video conferencing"
}

// LatestCatalogueVersions lists the latest version of every catalogue
// document that has one, ordered by platform name and document type. It
// reads ids only; load texts with VersionTexts.
func (s *Store) LatestCatalogueVersions(ctx context.Context) ([]LatestCatalogueVersion, error) {
	var out []LatestCatalogueVersion
	err := s.conn(ctx).Table("documents").
		Select("documents.id AS document_id, documents.doc_type, documents.latest_version_id AS version_id, platforms.id AS platform_id, platforms.slug, platforms.name, platforms.category").
		Joins("JOIN platforms ON platforms.id = documents.platform_id").
		Where("documents.organization_id IS NULL AND documents.latest_version_id IS NOT NULL").
		Order("platforms.name, documents.doc_type").Scan(&out).Error
	return out, notFound(err, "latest catalogue versions")
}

// PlatformVersions returns every version of a platform's catalogue
// documents with their text, ordered by document and then oldest first, as
// the audit export lists them.
func (s *Store) PlatformVersions(ctx context.Context, platformID int64) ([]Version, error) {
	var vs []Version
	err := s.conn(ctx).Model(&Version{}).
		Joins("JOIN documents ON documents.id = versions.document_id").
		Where("documents.platform_id = ? AND documents.organization_id IS NULL", platformID).
		Order("versions.document_id, versions.id").Find(&vs).Error
	return vs, notFound(err, "platform versions")
}

// PlatformChangesAll returns every change of a platform's catalogue
// documents, oldest first.
func (s *Store) PlatformChangesAll(ctx context.Context, platformID int64) ([]Change, error) {
	var cs []Change
	err := s.conn(ctx).Model(&Change{}).
		Joins("JOIN documents ON documents.id = changes.document_id").
		Where("documents.platform_id = ? AND documents.organization_id IS NULL", platformID).
		Order("changes.id").Find(&cs).Error
	return cs, notFound(err, "platform changes")
}
