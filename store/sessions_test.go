package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		acme, ada, _ := seed(t, s, "acme", "ada@example.com")
		now := time.Now().UTC()
		for _, h := range []string{"h1", "h2"} {
			if err := s.CreateSession(ctx, &store.Session{IDHash: h, UserID: ada.ID, OrganizationID: acme.ID,
				CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.SessionByHash(ctx, "h1", now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionByHash(ctx, "h1", now.Add(2*time.Hour)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired session: %v", err)
		}
		if err := s.DeleteSession(ctx, "h1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionByHash(ctx, "h1", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("deleted session: %v", err)
		}
		if n, err := s.DeleteUserSessions(ctx, ada.ID); err != nil || n != 1 {
			t.Fatalf("DeleteUserSessions = %d, %v", n, err)
		}
	})
}

func TestLoginFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		start := time.Now().UTC().Truncate(time.Second)
		for i := range 3 {
			if err := s.RecordLoginFailure(ctx, start.Add(time.Duration(i)*time.Minute), "account:a", "ip:1"); err != nil {
				t.Fatal(err)
			}
		}
		n, oldest, err := s.LoginFailures(ctx, "account:a", start.Add(-time.Minute))
		if err != nil || n != 3 || !oldest.Equal(start) {
			t.Fatalf("LoginFailures = %d, %v, %v", n, oldest, err)
		}
		if n, _, _ := s.LoginFailures(ctx, "ip:1", start.Add(30*time.Second)); n != 2 {
			t.Fatalf("failures in the window = %d, want 2", n)
		}
		if err := s.ClearLoginFailures(ctx, "account:a"); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := s.LoginFailures(ctx, "account:a", start.Add(-time.Hour)); n != 0 {
			t.Fatalf("after clear: %d", n)
		}
		if err := s.DeleteLoginFailuresBefore(ctx, start.Add(90*time.Second)); err != nil {
			t.Fatal(err)
		}
		if n, _, _ := s.LoginFailures(ctx, "ip:1", start.Add(-time.Hour)); n != 1 {
			t.Fatalf("after pruning: %d", n)
		}
	})
}
