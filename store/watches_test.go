package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// seedPlatforms adds n catalogue platforms, each with one document.
func seedPlatforms(t *testing.T, s *store.Store, n int) []store.Platform {
	t.Helper()
	ctx := context.Background()
	ps := make([]store.Platform, n)
	for i := range ps {
		ps[i] = store.Platform{Slug: fmt.Sprintf("p%03d", i), Name: fmt.Sprintf("Platform %03d", i)}
		if err := s.UpsertPlatform(ctx, &ps[i]); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateDocument(ctx, &store.Document{PlatformID: &ps[i].ID, DocType: "terms", Sources: store.JSONText(`[{"URL":"https://example.com"}]`)}); err != nil {
			t.Fatal(err)
		}
	}
	return ps
}

func TestConcurrentAddsStayWithinTheLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, _ := seed(t, s, "acme", "ada@example.com")
		ps := seedPlatforms(t, s, 20)
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			added   int
			limited int
			other   []error
		)
		for i := range ps {
			wg.Add(1)
			go func(platformID int64) {
				defer wg.Done()
				_, err := s.AddPlatformWatch(ctx, org.ID, platformID, nil, 1)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					added++
				case errors.Is(err, store.ErrLimitReached):
					limited++
				default:
					other = append(other, err)
				}
			}(ps[i].ID)
		}
		wg.Wait()
		if len(other) > 0 {
			t.Fatalf("unexpected errors: %v", other)
		}
		n, err := s.CountWatches(ctx, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		if added != 1 || limited != 19 || n.Platforms != 1 {
			t.Fatalf("added %d, limited %d, stored %d; want 1, 19, 1", added, limited, n.Platforms)
		}
	})
}

func TestConcurrentCustomAddsStayWithinTheLimit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, _ := seed(t, s, "acme", "ada@example.com")
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				doc := &store.Document{Name: "Terms", Sources: store.JSONText(fmt.Sprintf(`[{"URL":"https://example.com/%d"}]`, i))}
				if _, err := s.AddCustomWatch(ctx, org.ID, doc, nil, 5); err != nil && !errors.Is(err, store.ErrLimitReached) {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		n, err := s.CountWatches(ctx, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := s.WatchedDocuments(ctx, org.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if n.CustomURLs != 5 || len(docs) != 5 {
			t.Fatalf("%d custom watches over %d documents, want 5", n.CustomURLs, len(docs))
		}
	})
}

func TestDuplicateWatchIsAConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, _ := seed(t, s, "acme", "ada@example.com")
		ps := seedPlatforms(t, s, 1)
		if _, err := s.AddPlatformWatch(ctx, org.ID, ps[0].ID, nil, 1); err != nil {
			t.Fatal(err)
		}
		// At the limit, the same platform again is still a conflict, not a
		// limit: that is what the person needs to hear.
		_, err := s.AddPlatformWatch(ctx, org.ID, ps[0].ID, nil, 1)
		if !errors.Is(err, store.ErrConflict) {
			t.Fatalf("second add: %v, want ErrConflict", err)
		}
		src := store.JSONText(`[{"URL":"https://example.com/terms"}]`)
		if _, err := s.AddCustomWatch(ctx, org.ID, &store.Document{Name: "A", Sources: src}, nil, 5); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddCustomWatch(ctx, org.ID, &store.Document{Name: "B", Sources: src}, nil, 5); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("same URL again: %v, want ErrConflict", err)
		}
	})
}

func TestWatchesAreScopedToTheirOrganization(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		acme, _, _ := seed(t, s, "acme", "ada@example.com")
		other, _, _ := seed(t, s, "other", "bob@example.com")
		ps := seedPlatforms(t, s, 1)
		w, err := s.AddCustomWatch(ctx, acme.ID, &store.Document{Name: "Ours", Sources: store.JSONText(`[{"URL":"https://acme.example"}]`)}, nil, 5)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddPlatformWatch(ctx, other.ID, ps[0].ID, nil, 1); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Watch(ctx, other.ID, w.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other organization reads the watch: %v", err)
		}
		if _, err := s.DeleteWatch(ctx, other.ID, w.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other organization deletes the watch: %v", err)
		}
		if err := s.PauseWatch(ctx, other.ID, w.ID, store.PausedByUser, time.Now()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("other organization pauses the watch: %v", err)
		}
		docs, err := s.WatchedDocuments(ctx, other.ID, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 1 || docs[0].PlatformID == nil {
			t.Errorf("other organization watches %+v, want its one catalogue document", docs)
		}
		// The owner's delete takes the custom document with it.
		if _, err := s.DeleteWatch(ctx, acme.ID, w.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Document(ctx, *w.DocumentID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("custom document after delete: %v", err)
		}
	})
}

func TestApplyWatchLimitsPausesNewestAndResumes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, _ := seed(t, s, "acme", "ada@example.com")
		ps := seedPlatforms(t, s, 30)
		for _, p := range ps {
			if _, err := s.AddPlatformWatch(ctx, org.ID, p.ID, nil, 100); err != nil {
				t.Fatal(err)
			}
		}
		apply := func(limit int) (paused, resumed []store.Watch) {
			t.Helper()
			err := s.InTx(ctx, func(tx *store.Store) error {
				if err := tx.LockOrganization(ctx, org.ID); err != nil {
					return err
				}
				var err error
				paused, resumed, err = tx.ApplyWatchLimits(ctx, org.ID, store.WatchLimits{Platforms: limit}, time.Now())
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			return paused, resumed
		}
		paused, resumed := apply(1)
		if len(paused) != 29 || len(resumed) != 0 {
			t.Fatalf("downgrade paused %d, resumed %d; want 29, 0", len(paused), len(resumed))
		}
		ws, err := s.Watches(ctx, org.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ws) != 30 {
			t.Fatalf("%d watches after downgrade, want 30 (none deleted)", len(ws))
		}
		// The oldest watch stays active; the newest are paused by the plan.
		if ws[0].Paused() || ws[0].PlatformID == nil || *ws[0].PlatformID != ps[0].ID {
			t.Errorf("oldest watch = %+v, want it active", ws[0])
		}
		for _, w := range ws[1:] {
			if !w.Paused() || w.PausedReason != store.PausedByPlan {
				t.Errorf("watch %d not paused by the plan: %+v", w.ID, w)
			}
		}
		// A member's own pause survives an upgrade.
		if err := s.PauseWatch(ctx, org.ID, ws[0].ID, store.PausedByUser, time.Now()); err != nil {
			t.Fatal(err)
		}
		paused, resumed = apply(100)
		if len(paused) != 0 || len(resumed) != 29 {
			t.Fatalf("upgrade paused %d, resumed %d; want 0, 29", len(paused), len(resumed))
		}
		if err := s.ResumeWatch(ctx, org.ID, ws[0].ID, store.WatchLimits{Platforms: 29}); !errors.Is(err, store.ErrLimitReached) {
			t.Fatalf("resume over the limit: %v", err)
		}
		if err := s.ResumeWatch(ctx, org.ID, ws[0].ID, store.WatchLimits{Platforms: 100}); err != nil {
			t.Fatal(err)
		}
		ws, _ = s.Watches(ctx, org.ID)
		for _, w := range ws {
			if w.Paused() {
				t.Errorf("watch %d still paused after upgrade", w.ID)
			}
		}
	})
}
