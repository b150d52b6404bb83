package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrStale is returned by RecordVersion when another check recorded a
// version of the same document since the caller read the latest one; the
// caller compares again.
var ErrStale = errors.New("latest version changed meanwhile")

// LatestVersion returns the newest version of a document, or ErrNotFound.
func (s *Store) LatestVersion(ctx context.Context, documentID int64) (*Version, error) {
	var v Version
	err := s.conn(ctx).Where("document_id = ?", documentID).Order("id DESC").First(&v).Error
	return &v, notFound(err, "latest version")
}

// LatestVersionMeta returns the newest version of a document without its
// text, or ErrNotFound.
func (s *Store) LatestVersionMeta(ctx context.Context, documentID int64) (*Version, error) {
	var v Version
	err := s.conn(ctx).Omit("markdown").Where("document_id = ?", documentID).Order("id DESC").First(&v).Error
	return &v, notFound(err, "latest version")
}

// Fingerprints are what a check compares a version with: the
// significant-text fingerprint and the content fingerprint of its pages
// with the extraction version that made them.
type Fingerprints struct {
	Significant       string
	Content           string
	ExtractionVersion int
}

// SetVersionFingerprints refreshes a version's fingerprints after the
// noise rules or the extraction changed without changing its text; the
// text and its hash chain are untouched.
func (s *Store) SetVersionFingerprints(ctx context.Context, versionID int64, f Fingerprints) error {
	err := s.conn(ctx).Model(&Version{}).Where("id = ?", versionID).Updates(map[string]any{
		"significant_sha256": f.Significant, "content_fingerprint": f.Content, "extraction_version": f.ExtractionVersion,
	}).Error
	return notFound(err, "set version fingerprints")
}

// Version returns one version of a document.
func (s *Store) Version(ctx context.Context, documentID, versionID int64) (*Version, error) {
	var v Version
	err := s.conn(ctx).Where("document_id = ? AND id = ?", documentID, versionID).First(&v).Error
	return &v, notFound(err, "version")
}

// Versions lists a document's versions, newest first, without their text.
func (s *Store) Versions(ctx context.Context, documentID int64) ([]Version, error) {
	var vs []Version
	err := s.conn(ctx).Omit("markdown").Where("document_id = ?", documentID).Order("id DESC").Find(&vs).Error
	return vs, notFound(err, "versions")
}

// SnapshotInput is the raw body of one fetched source.
type SnapshotInput struct {
	SHA256      string
	URL         string
	ContentType string
	Body        []byte
}

// NewVersion is what a check recorded: the text, the raw snapshots it came
// from, and, when it follows an earlier version, the change.
type NewVersion struct {
	DocumentID int64
	// PrevID is the latest version the caller compared against (0 for
	// none); if it is no longer the latest, RecordVersion returns ErrStale.
	PrevID   int64
	Kind     string
	Markdown string
	SHA256   string
	PrevSHA  string
	// Fingerprints are the text's without noise and the pages' before
	// conversion (see Version).
	Fingerprints Fingerprints
	Snapshots    []SnapshotInput
	Change       *Change // nil for first versions and technical upgrades
	Health       Health
	// OnChange, when set, runs inside the transaction right after the
	// change is inserted (the alerts outbox writes its rows there), so that
	// the change and what it causes commit together; an error rolls both
	// back.
	OnChange func(ctx context.Context, tx *Store, c *Change) error
}

// RecordVersion stores snapshots, the version, the change and the
// document's health (except for a technical upgrade, which is no check)
// in one transaction, so a crash leaves either all or
// nothing. It returns the new version (and change, when there is one).
func (s *Store) RecordVersion(ctx context.Context, nv NewVersion) (*Version, *Change, error) {
	var (
		version Version
		change  *Change
	)
	err := s.InTx(ctx, func(tx *Store) error {
		current, err := tx.lockLatestVersion(ctx, nv.DocumentID)
		if err != nil {
			return err
		}
		if current != nv.PrevID {
			return ErrStale
		}
		ids := make([]int64, 0, len(nv.Snapshots))
		for _, sn := range nv.Snapshots {
			id, err := tx.putSnapshot(ctx, sn)
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		version = Version{
			DocumentID: nv.DocumentID, Kind: nv.Kind, Markdown: nv.Markdown,
			SHA256: nv.SHA256, PrevSHA256: nv.PrevSHA, SnapshotIDs: ids, CreatedAt: nv.Health.CheckedAt,
			SignificantSHA256: nv.Fingerprints.Significant, ContentFingerprint: nv.Fingerprints.Content, ExtractionVersion: nv.Fingerprints.ExtractionVersion,
		}
		if err := tx.insertVersion(ctx, &version); err != nil {
			return err
		}
		if nv.Change != nil {
			c := *nv.Change
			c.DocumentID = nv.DocumentID
			c.FromVersionID = nv.PrevID
			c.ToVersionID = version.ID
			c.CreatedAt = nv.Health.CheckedAt
			if err := tx.insertChange(ctx, &c); err != nil {
				return err
			}
			change = &c
			if nv.OnChange != nil {
				if err := nv.OnChange(ctx, tx, change); err != nil {
					return fmt.Errorf("after change %d: %w", c.ID, err)
				}
			}
		}
		if nv.Kind == VersionTechnicalUpgrade {
			// Not a check: the document's health stays as it was.
			return tx.setLatestVersion(ctx, nv.DocumentID, version.ID)
		}
		return tx.setRecorded(ctx, nv.DocumentID, version.ID, nv.Health)
	})
	if errors.Is(err, ErrStale) {
		return nil, nil, ErrStale
	}
	if err != nil {
		return nil, nil, notFound(err, "record version")
	}
	return &version, change, nil
}

// Snapshots returns snapshots by id, in the order asked.
func (s *Store) Snapshots(ctx context.Context, ids []int64) ([]Snapshot, error) {
	var found []Snapshot
	if err := s.conn(ctx).Where("id IN ?", ids).Find(&found).Error; err != nil {
		return nil, notFound(err, "snapshots")
	}
	byID := map[int64]Snapshot{}
	for _, sn := range found {
		byID[sn.ID] = sn
	}
	out := make([]Snapshot, 0, len(ids))
	for _, id := range ids {
		sn, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("snapshot %d: %w", id, ErrNotFound)
		}
		out = append(out, sn)
	}
	return out, nil
}
