package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// RecordVersion stores what a check read back: the version with its
// fingerprints and snapshots, the document's health pointing at it; a
// version recorded against a latest one that is no longer the latest is
// refused, and a technical upgrade leaves the health as it was.
func TestRecordVersionReadsBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := &store.Document{DocType: "Privacy Policy", Name: "Privacy", Sources: store.JSONText("[]")}
		if err := st.CreateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 4, 2, 9, 30, 15, 0, time.UTC)
		health := store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(6 * time.Hour),
			Conditionals: []store.Conditional{{ETag: `"v1"`, LastModified: "Thu, 02 Apr 2026 09:00:00 GMT"}}}
		first := store.NewVersion{DocumentID: d.ID, Kind: store.VersionFirst, Markdown: "# Privacy\n\nWe keep your e-mail address.\n",
			SHA256: "first-hash", Health: health,
			Fingerprints: store.Fingerprints{Content: "content-1", ExtractionVersion: 7},
			Snapshots: []store.SnapshotInput{
				{SHA256: "page-a", URL: "https://example.com/privacy", ContentType: "text/html", Body: []byte("<p>We keep your e-mail address.</p>")},
				{SHA256: "page-b", URL: "https://example.com/privacy/annex", ContentType: "text/html", Body: []byte("<p>Annex</p>")},
			}}
		v1, c, err := st.RecordVersion(ctx, first)
		if err != nil || c != nil || v1.ID == 0 || len(v1.SnapshotIDs) != 2 {
			t.Fatalf("first version = %+v, change %+v, %v", v1, c, err)
		}
		doc, latest, err := st.DocumentForCheck(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if doc.LatestVersionID == nil || *doc.LatestVersionID != v1.ID || doc.State != docstate.OK ||
			!doc.NextCheckAt.Equal(at.Add(6*time.Hour)) || doc.LastSuccessAt == nil || !doc.LastSuccessAt.Equal(at) ||
			!slices.Equal(doc.Conditionals, health.Conditionals) {
			t.Fatalf("document after the first version = %+v", doc)
		}
		if latest == nil || latest.ID != v1.ID || latest.Kind != store.VersionFirst || latest.SHA256 != "first-hash" ||
			latest.ContentFingerprint != "content-1" || latest.ExtractionVersion != 7 || latest.SignificantSHA256 != "" ||
			!slices.Equal(latest.SnapshotIDs, v1.SnapshotIDs) || !latest.CreatedAt.Equal(at) {
			t.Fatalf("latest version = %+v, want %+v", latest, v1)
		}
		full, err := st.Version(ctx, d.ID, v1.ID)
		if err != nil || full.Markdown != first.Markdown {
			t.Fatalf("stored text = %q, %v", full.Markdown, err)
		}
		snaps, err := st.Snapshots(ctx, v1.SnapshotIDs)
		if err != nil || len(snaps) != 2 || snaps[1].URL != "https://example.com/privacy/annex" || string(snaps[0].Body) != "<p>We keep your e-mail address.</p>" {
			t.Fatalf("snapshots = %+v, %v", snaps, err)
		}

		// A change compared with a version that is no longer the latest.
		stale := store.NewVersion{DocumentID: d.ID, Kind: store.VersionChange, PrevID: v1.ID + 1000, PrevSHA: "x",
			Markdown: "# Privacy\n\nWe sell your e-mail address.\n", SHA256: "stale-hash", Health: health,
			Change: &store.Change{Summary: "sale added"}}
		if _, _, err := st.RecordVersion(ctx, stale); !errors.Is(err, store.ErrStale) {
			t.Fatalf("stale change: %v, want ErrStale", err)
		}
		if _, latest, _ := st.DocumentForCheck(ctx, d.ID); latest == nil || latest.ID != v1.ID {
			t.Fatalf("a stale change moved the latest version to %+v", latest)
		}

		// A change, then a technical upgrade that keeps the health.
		later := at.Add(6 * time.Hour)
		change := store.NewVersion{DocumentID: d.ID, Kind: store.VersionChange, PrevID: v1.ID, PrevSHA: v1.SHA256,
			Markdown: "# Privacy\n\nWe sell your e-mail address.\n", SHA256: "second-hash",
			Health:       store.Health{State: docstate.OK, CheckedAt: later, NextCheckAt: later.Add(6 * time.Hour)},
			Fingerprints: store.Fingerprints{Significant: "sig-2", Content: "content-2", ExtractionVersion: 7},
			Change:       &store.Change{Summary: "Sale of e-mail addresses added.", Materiality: store.MaterialitySubstantive}}
		v2, c, err := st.RecordVersion(ctx, change)
		if err != nil || c == nil || c.FromVersionID != v1.ID || c.ToVersionID != v2.ID || len(v2.SnapshotIDs) != 0 {
			t.Fatalf("change = %+v, %+v, %v", v2, c, err)
		}
		upgrade := store.NewVersion{DocumentID: d.ID, Kind: store.VersionTechnicalUpgrade, PrevID: v2.ID, PrevSHA: v2.SHA256,
			Markdown: "# Privacy\n\nWe sell your e-mail address.\n\n", SHA256: "third-hash",
			Health: store.Health{CheckedAt: later.Add(time.Hour)}}
		v3, _, err := st.RecordVersion(ctx, upgrade)
		if err != nil {
			t.Fatal(err)
		}
		doc, latest, err = st.DocumentForCheck(ctx, d.ID)
		if err != nil || latest == nil || latest.ID != v3.ID || latest.PrevSHA256 != "second-hash" {
			t.Fatalf("latest after the upgrade = %+v, %v", latest, err)
		}
		if doc.State != docstate.OK || !doc.LastCheckedAt.Equal(later) || len(doc.Conditionals) != 0 {
			t.Fatalf("a technical upgrade changed the health: %+v", doc)
		}

		missing := store.NewVersion{DocumentID: d.ID + 1000, Kind: store.VersionFirst, Markdown: "x", SHA256: "y", Health: health}
		if _, _, err := st.RecordVersion(ctx, missing); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("version of a missing document: %v, want ErrNotFound", err)
		}
	})
}

// A check reads the text it compares with by itself, only from the
// document it belongs to; a change recorded without a materiality is
// substantive, as the column's default makes it.
func TestVersionTextAndChangeDefaults(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		var docs [2]*store.Document
		for i := range docs {
			docs[i] = &store.Document{DocType: "Terms of Service", Name: "Terms", Sources: store.JSONText("[]")}
			if err := st.CreateDocument(ctx, docs[i]); err != nil {
				t.Fatal(err)
			}
		}
		at := time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)
		health := store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)}
		v1, _, err := st.RecordVersion(ctx, store.NewVersion{DocumentID: docs[0].ID, Kind: store.VersionFirst,
			Markdown: "You may cancel at any time.\n", SHA256: "h1", Health: health})
		if err != nil {
			t.Fatal(err)
		}
		if text, err := st.VersionText(ctx, docs[0].ID, v1.ID); err != nil || text != "You may cancel at any time.\n" {
			t.Fatalf("VersionText = %q, %v", text, err)
		}
		if _, err := st.VersionText(ctx, docs[1].ID, v1.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another document's version: %v, want ErrNotFound", err)
		}
		_, c, err := st.RecordVersion(ctx, store.NewVersion{DocumentID: docs[0].ID, Kind: store.VersionChange,
			PrevID: v1.ID, PrevSHA: v1.SHA256, Markdown: "You may cancel within 14 days.\n", SHA256: "h2", Health: health,
			Change: &store.Change{Summary: "Cancellation limited to 14 days.", AddedWords: 3, RemovedWords: 3,
				SectionsChanged: 1, Sections: store.JSONText(`[{"kind":"modified"}]`)}})
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Change(ctx, 0, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Materiality != store.MaterialitySubstantive || got.Summary != "Cancellation limited to 14 days." ||
			got.AddedWords != 3 || got.SectionsChanged != 1 || string(got.Sections) != `[{"kind":"modified"}]` ||
			string(got.Provisions) != "null" || !got.CreatedAt.Equal(at) || got.FromVersionID != v1.ID {
			t.Fatalf("change read back = %+v", got)
		}
	})
}
