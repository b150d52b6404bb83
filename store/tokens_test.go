package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestEmailTokensAreSingleUse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, ada, _ := seed(t, s, "acme", "ada@example.com")
		now := time.Now().UTC()
		if err := s.CreateEmailToken(ctx, &store.EmailToken{UserID: ada.ID, Purpose: store.PurposeVerify, TokenHash: "t1", ExpiresAt: now.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UseEmailToken(ctx, store.PurposeReset, "t1", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("wrong purpose: %v", err)
		}
		if _, err := s.UseEmailToken(ctx, store.PurposeVerify, "t1", now.Add(2*time.Hour)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired: %v", err)
		}
		tok, err := s.UseEmailToken(ctx, store.PurposeVerify, "t1", now)
		if err != nil || tok.UserID != ada.ID || tok.UsedAt == nil {
			t.Fatalf("first use = %+v, %v", tok, err)
		}
		if _, err := s.UseEmailToken(ctx, store.PurposeVerify, "t1", now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("second use: %v", err)
		}
	})
}

func TestAPITokensAreScoped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		acme, ada, _ := seed(t, s, "acme", "ada@example.com")
		bobco, bob, _ := seed(t, s, "bobco", "bob@example.com")
		now := time.Now().UTC()
		tok := &store.APIToken{OrganizationID: bobco.ID, UserID: bob.ID, Name: "n", TokenHash: "h", Prefix: "cw_abcde"}
		if err := s.CreateAPIToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeAPIToken(ctx, acme.ID, ada.ID, tok.ID, now); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("cross-tenant revoke: %v", err)
		}
		if got, err := s.APITokenByHash(ctx, "h"); err != nil || got.ID != tok.ID {
			t.Fatalf("APITokenByHash = %+v, %v", got, err)
		}
		if err := s.TouchAPIToken(ctx, tok.ID, now); err != nil {
			t.Fatal(err)
		}
		if list, _ := s.APITokens(ctx, bobco.ID, bob.ID); len(list) != 1 || list[0].LastUsedAt == nil {
			t.Fatalf("APITokens = %+v", list)
		}
		if err := s.RevokeMemberAPITokens(ctx, bobco.ID, bob.ID, now); err != nil {
			t.Fatal(err)
		}
		if _, err := s.APITokenByHash(ctx, "h"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("revoked token found: %v", err)
		}
	})
}
