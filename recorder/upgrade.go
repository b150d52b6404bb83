package recorder

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/store"
)

// latestForCheck returns the metadata of the version a check compares
// with, or nil for a document without one; stored is the latest version
// read with the document. A version made by an older
// extraction version is upgraded first (see upgrade), so that what the
// new extractor writes differently is never taken for a change of the
// page. When the upgrade fails the check goes on without it: it converts
// and compares as before fingerprints existed, and the next check tries
// the upgrade again.
func (s *Service) latestForCheck(ctx context.Context, doc *store.Document, stored *store.Version, sources []engine.Source) *store.Version {
	if stored == nil || stored.ExtractionVersion >= extract.Version {
		// A newer extraction version than this process's is a deployment
		// half done: compare without the fast path, and do not downgrade.
		return stored
	}
	upgraded, _, err := s.upgrade(ctx, doc.ID, sources)
	if err != nil {
		s.log.Warn("technical upgrade failed; the check compares with the stored text", slog.Int64("document_id", doc.ID),
			slog.Int("extraction_version", stored.ExtractionVersion), slog.String("error", err.Error()))
		return stored
	}
	return upgraded
}

// upgrade re-extracts the latest version of a document from its stored
// snapshots with the current extraction version and the given sources'
// rules, without fetching. When the text comes out different, it is
// recorded as a technical_upgrade version: a link of the hash chain
// without a change, so nothing is alerted, the document's health is left
// alone, and the next check compares new pages with text made the way it
// makes theirs. When the text is the same only the version's fingerprints
// are refreshed. It returns the latest version's metadata afterwards and
// whether a version was recorded.
func (s *Service) upgrade(ctx context.Context, documentID int64, sources []engine.Source) (*store.Version, bool, error) {
	latest, err := s.store.LatestVersion(ctx, documentID)
	if err != nil {
		return nil, false, err
	}
	snaps, err := s.versionSnapshots(ctx, latest)
	if err != nil {
		return nil, false, err
	}
	if len(snaps) != len(sources) {
		return nil, false, fmt.Errorf("the declaration now has %d sources, the latest version %d snapshots", len(sources), len(snaps))
	}
	in := make([]engine.Snapshot, len(snaps))
	rules := make([]extract.Rules, len(snaps))
	inputs := make([]store.SnapshotInput, len(snaps))
	for i, sn := range snaps {
		in[i] = engine.Snapshot{URL: sn.URL, Body: sn.Body, ContentType: sn.ContentType, SHA256: sn.SHA256}
		inputs[i] = store.SnapshotInput{SHA256: sn.SHA256, URL: sn.URL, ContentType: sn.ContentType, Body: sn.Body}
		rules[i] = sources[i].Rules
	}
	res, err := s.engine.Reextract(ctx, in, rules)
	if err != nil {
		return nil, false, err
	}
	fps := store.Fingerprints{Significant: diff.Fingerprint(res.Markdown), Content: res.Fingerprint, ExtractionVersion: extract.Version}
	if res.Markdown == latest.Markdown {
		if err := s.store.SetVersionFingerprints(ctx, latest.ID, fps); err != nil {
			return nil, false, err
		}
		latest.Markdown = ""
		latest.SignificantSHA256, latest.ContentFingerprint, latest.ExtractionVersion = fps.Significant, fps.Content, fps.ExtractionVersion
		return latest, false, nil
	}
	v, _, err := s.store.RecordVersion(ctx, store.NewVersion{
		DocumentID: documentID, PrevID: latest.ID, PrevSHA: latest.SHA256, Kind: store.VersionTechnicalUpgrade,
		Markdown: res.Markdown, SHA256: chainHash(latest.SHA256, res.Markdown), Fingerprints: fps,
		Snapshots: inputs, Health: store.Health{CheckedAt: s.now()},
	})
	if err != nil {
		return nil, false, fmt.Errorf("record technical upgrade: %w", err)
	}
	s.log.Info("technical upgrade recorded", slog.Int64("document_id", documentID), slog.Int64("version_id", v.ID))
	v.Markdown = ""
	return v, true, nil
}

// versionSnapshots returns the snapshots a version's text was extracted
// from. Technical upgrades recorded before they kept their snapshots have
// none: their text comes from the snapshots of the newest earlier version
// that has some.
func (s *Service) versionSnapshots(ctx context.Context, v *store.Version) ([]store.Snapshot, error) {
	ids := v.SnapshotIDs
	if len(ids) == 0 {
		versions, err := s.store.Versions(ctx, v.DocumentID)
		if err != nil {
			return nil, err
		}
		for _, earlier := range versions {
			if earlier.ID <= v.ID && len(earlier.SnapshotIDs) > 0 {
				ids = earlier.SnapshotIDs
				break
			}
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("version %d: no stored snapshot to re-extract", v.ID)
	}
	return s.store.Snapshots(ctx, ids)
}
