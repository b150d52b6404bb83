package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// A document is actively watched through a watch on its platform or, for
// a custom document, on itself; a paused watch and another platform's
// watch do not count.
func TestActivelyWatched(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, _ := seed(t, s, "acme", "ada@example.com")
		ps := seedPlatforms(t, s, 3)
		docOf := func(p store.Platform) int64 {
			t.Helper()
			ids, err := s.DocumentIDs(ctx, p.ID)
			if err != nil || len(ids) != 1 {
				t.Fatalf("documents of %s: %v %v", p.Slug, ids, err)
			}
			return ids[0]
		}
		if _, err := s.AddPlatformWatch(ctx, org.ID, ps[0].ID, nil, 10); err != nil {
			t.Fatal(err)
		}
		paused, err := s.AddPlatformWatch(ctx, org.ID, ps[1].ID, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PauseWatch(ctx, org.ID, paused.ID, store.PausedByUser, time.Now()); err != nil {
			t.Fatal(err)
		}
		custom := &store.Document{Name: "Supplier terms", Sources: store.JSONText(`[{"URL":"https://supplier.example.com/terms"}]`)}
		if _, err := s.AddCustomWatch(ctx, org.ID, custom, nil, 10); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name  string
			docID int64
			want  bool
		}{
			{"platform watched", docOf(ps[0]), true},
			{"platform watch paused", docOf(ps[1]), false},
			{"platform nobody watches", docOf(ps[2]), false},
			{"custom document", custom.ID, true},
		} {
			got, err := s.ActivelyWatched(ctx, c.docID)
			if err != nil || got != c.want {
				t.Errorf("%s: ActivelyWatched = %v, %v; want %v", c.name, got, err, c.want)
			}
		}
	})
}
