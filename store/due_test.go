package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestDueDocumentsSkipsUnwatchedCustomDocuments(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		p := &store.Platform{Slug: "acme", Name: "Acme"}
		if err := s.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
		catalogueDoc := &store.Document{PlatformID: &p.ID, DocType: "Terms of Service", Sources: store.JSONText(`[{"URL":"https://acme.example/terms"}]`)}
		if err := s.CreateDocument(ctx, catalogueDoc); err != nil {
			t.Fatal(err)
		}
		org := &store.Organization{Name: "Org", Slug: "org", Plan: "monitor"}
		if err := s.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		custom := &store.Document{Name: "Vendor DPA", Sources: store.JSONText(`[{"URL":"https://vendor.example/dpa"}]`)}
		w, err := s.AddCustomWatch(ctx, org.ID, custom, nil, 5)
		if err != nil {
			t.Fatal(err)
		}
		due := func() map[int64]bool {
			t.Helper()
			ds, err := s.DueDocuments(ctx, now.Add(time.Minute), 0, 100)
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]bool{}
			for _, d := range ds {
				out[d.ID] = true
			}
			return out
		}
		if got := due(); !got[catalogueDoc.ID] || !got[custom.ID] {
			t.Fatalf("due %v, want both documents", got)
		}
		if err := s.PauseWatch(ctx, org.ID, w.ID, "plan", now); err != nil {
			t.Fatal(err)
		}
		if got := due(); !got[catalogueDoc.ID] || got[custom.ID] {
			t.Fatalf("due %v, want only the catalogue document while the custom watch is paused", got)
		}
	})
}
