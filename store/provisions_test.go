package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestCategoryLastChangesAndChangeCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		org := &store.Organization{Name: "Org", Slug: "org", Plan: "free"}
		if err := st.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		zoom := &store.Platform{Slug: "zoom", Name: "Zoom", Category: "Video"}
		if err := st.UpsertPlatform(ctx, zoom); err != nil {
			t.Fatal(err)
		}
		terms := &store.Document{PlatformID: &zoom.ID, DocType: "Terms of Service", Name: "Terms", Sources: store.JSONText("[]")}
		custom := &store.Document{OrganizationID: &org.ID, DocType: "Custom", Name: "Custom", Sources: store.JSONText("[]")}
		for _, d := range []*store.Document{terms, custom} {
			if err := st.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		record := func(docID int64, text, provisions string, at time.Time) {
			t.Helper()
			nv := store.NewVersion{DocumentID: docID, Kind: store.VersionFirst, Markdown: text, SHA256: text,
				Health: store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)}}
			if prev, err := st.LatestVersion(ctx, docID); err == nil {
				nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionChange
				nv.Change = &store.Change{Summary: "changed", Sections: store.JSONText("[]"), Provisions: store.JSONText(provisions), CreatedAt: at}
			}
			if _, _, err := st.RecordVersion(ctx, nv); err != nil {
				t.Fatal(err)
			}
		}
		record(terms.ID, "v1", "", t0)
		record(terms.ID, "v2", `[{"category":"ai_training","change":"added","severity":"high"}]`, t0.Add(24*time.Hour))
		record(terms.ID, "v3", `[{"category":"arbitration","change":"added","severity":"medium"}]`, t0.Add(48*time.Hour))
		record(custom.ID, "c1", "", t0)
		record(custom.ID, "c2", `[{"category":"ai_training","change":"added","severity":"high"}]`, t0.Add(96*time.Hour))

		got, err := st.CategoryLastChanges(ctx, "ai_training")
		if err != nil {
			t.Fatal(err)
		}
		// The custom document's later change is not the catalogue's.
		if len(got) != 1 || !got[zoom.ID].Equal(t0.Add(24*time.Hour)) {
			t.Errorf("ai_training last changes = %v", got)
		}
		// "ai%training" must not match "ai_training" through a wildcard.
		if got, err := st.CategoryLastChanges(ctx, "ai%training"); err != nil || len(got) != 0 {
			t.Errorf("wildcard category = %v, %v", got, err)
		}
		counts, err := st.DocumentChangeCounts(ctx, []int64{terms.ID, custom.ID})
		if err != nil || counts[terms.ID] != 2 || counts[custom.ID] != 1 {
			t.Errorf("counts = %v, %v", counts, err)
		}
	})
}
