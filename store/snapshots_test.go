package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// A page fetched again with the same bytes is stored once: the versions
// that came from it share its snapshot.
func TestSnapshotsAreStoredOncePerBody(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := &store.Document{DocType: "Terms of Service", Name: "Terms", Sources: store.JSONText("[]")}
		if err := st.CreateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		record := func(text, body string) *store.Version {
			t.Helper()
			nv := store.NewVersion{DocumentID: d.ID, Kind: store.VersionFirst, Markdown: text, SHA256: text + "-hash",
				Health:    store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)},
				Snapshots: []store.SnapshotInput{{SHA256: body + "-sha", URL: "https://example.com/terms", ContentType: "text/html", Body: []byte(body)}}}
			if prev, err := st.LatestVersion(ctx, d.ID); err == nil {
				nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionTechnicalUpgrade
			}
			v, _, err := st.RecordVersion(ctx, nv)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		first := record("one", "<p>page</p>")
		again := record("two", "<p>page</p>")
		other := record("three", "<p>other page</p>")
		if len(first.SnapshotIDs) != 1 || len(again.SnapshotIDs) != 1 || first.SnapshotIDs[0] != again.SnapshotIDs[0] {
			t.Fatalf("same body stored as %v and %v, want one snapshot", first.SnapshotIDs, again.SnapshotIDs)
		}
		if len(other.SnapshotIDs) != 1 || other.SnapshotIDs[0] == first.SnapshotIDs[0] {
			t.Fatalf("another body got snapshot %v, the first had %v", other.SnapshotIDs, first.SnapshotIDs)
		}
		got, err := st.Snapshots(ctx, []int64{first.SnapshotIDs[0], other.SnapshotIDs[0]})
		if err != nil || len(got) != 2 || string(got[0].Body) != "<p>page</p>" || string(got[1].Body) != "<p>other page</p>" {
			t.Fatalf("snapshots = %+v, %v", got, err)
		}
	})
}
