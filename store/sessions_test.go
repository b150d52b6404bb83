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
			if _, err := s.ReserveLoginAttempt(ctx, start.Add(time.Duration(i)*time.Minute), "account:a", "ip:1"); err != nil {
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

func TestLoginAttemptReserveReleaseAndPrefixClear(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		since := now.Add(-time.Minute)
		count := func(key string) int {
			t.Helper()
			n, _, err := s.LoginFailures(ctx, key, since)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		ids, err := s.ReserveLoginAttempt(ctx, now, "account:a_b@x.org", "pair:a_b@x.org|1.2.3.4")
		if err != nil || len(ids) != 2 {
			t.Fatalf("reserve = %v, %v", ids, err)
		}
		if _, err := s.ReserveLoginAttempt(ctx, now, "pair:a_b@x.org|5.6.7.8", "pair:axb@x.org|1.2.3.4", "account:axb@x.org"); err != nil {
			t.Fatal(err)
		}
		if err := s.ReleaseLoginAttempt(ctx, ids[:1]); err != nil {
			t.Fatal(err)
		}
		if count("account:a_b@x.org") != 0 || count("pair:a_b@x.org|1.2.3.4") != 1 {
			t.Fatal("release took back the wrong rows")
		}
		// "_" in an address is not a wildcard: another account survives.
		if err := s.ClearLoginFailuresWithPrefix(ctx, "pair:a_b@x.org|"); err != nil {
			t.Fatal(err)
		}
		if count("pair:a_b@x.org|1.2.3.4") != 0 || count("pair:a_b@x.org|5.6.7.8") != 0 {
			t.Fatal("prefix clear left the account's pairs")
		}
		if count("pair:axb@x.org|1.2.3.4") != 1 || count("account:axb@x.org") != 1 {
			t.Fatal("prefix clear removed another account's failures")
		}
	})
}
