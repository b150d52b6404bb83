package store_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
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
			ds, err := s.DueDocuments(ctx, now.Add(time.Minute), store.DueDocument{}, 100)
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

// TestDueDocumentsPagesEveryDocumentOnce pages with a limit smaller than the
// groups of documents sharing a next_check_at, so page boundaries fall inside
// the ties, and checks that every due document comes exactly once, in
// (next_check_at, id) order.
func TestDueDocumentsPagesEveryDocumentOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Second)
		p := &store.Platform{Slug: "acme", Name: "Acme"}
		if err := s.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
		// Offsets from now, in creation (id) order: not the due order, and
		// with ties of three and four; the last two are not due yet.
		offsets := []time.Duration{
			-time.Hour, -2 * time.Hour, -time.Hour, -3 * time.Hour, -2 * time.Hour,
			-time.Hour, -2 * time.Hour, -2 * time.Hour, -time.Hour + time.Millisecond,
			time.Minute, time.Hour,
		}
		var want []int64
		type due struct {
			id int64
			at time.Time
		}
		var docs []due
		for i, off := range offsets {
			d := &store.Document{
				PlatformID: &p.ID, DocType: fmt.Sprintf("Doc %d", i), NextCheckAt: now.Add(off),
				Sources: store.JSONText(`[{"URL":"https://acme.example/doc"}]`),
			}
			if err := s.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
			if off <= 0 {
				docs = append(docs, due{d.ID, d.NextCheckAt})
			}
		}
		// A custom document nobody watches sits among the due ones and must
		// not be returned.
		org := &store.Organization{Name: "Org", Slug: "org", Plan: "monitor"}
		if err := s.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		custom := &store.Document{Name: "Vendor DPA", Sources: store.JSONText(`[{"URL":"https://vendor.example/dpa"}]`), NextCheckAt: now.Add(-2 * time.Hour)}
		w, err := s.AddCustomWatch(ctx, org.ID, custom, nil, 5)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PauseWatch(ctx, org.ID, w.ID, "plan", now); err != nil {
			t.Fatal(err)
		}
		sort.SliceStable(docs, func(i, j int) bool {
			if !docs[i].at.Equal(docs[j].at) {
				return docs[i].at.Before(docs[j].at)
			}
			return docs[i].id < docs[j].id
		})
		for _, d := range docs {
			want = append(want, d.id)
		}

		for _, limit := range []int{1, 2, 3, 100} {
			var got []int64
			var after store.DueDocument
			for pages := 0; ; pages++ {
				if pages > len(offsets)+1 {
					t.Fatalf("limit %d: paging does not end; so far %v", limit, got)
				}
				page, err := s.DueDocuments(ctx, now, after, limit)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range page {
					got = append(got, d.ID)
				}
				if len(page) < limit {
					break
				}
				after = page[len(page)-1]
			}
			if !slices.Equal(got, want) {
				t.Errorf("limit %d: paged %v, want %v", limit, got, want)
			}
		}
	})
}
