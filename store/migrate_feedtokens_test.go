package store

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// A feed address readers already follow keeps working across the
// migration that hashes feed tokens, and the plaintext is gone.
func TestFeedTokenMigrationHashesExistingTokens(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "m.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.migrator()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, feedTokenHashVersion-1); err != nil {
		t.Fatal(err)
	}
	db := s.conn(ctx)
	if err := db.Exec("INSERT INTO organizations (id, name, slug) VALUES (1, 'Acme', 'acme')").Error; err != nil {
		t.Fatal(err)
	}
	const legacy = "cwf_legacy_plaintext_token"
	if err := db.Exec("INSERT INTO feed_tokens (organization_id, token) VALUES (1, ?)", legacy).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, err := s.FeedTokenOrganization(ctx, legacy)
	if err != nil || org.ID != 1 {
		t.Fatalf("the existing feed address after the migration: %v, %v", org, err)
	}
	var stored []string
	if err := db.Raw("SELECT token_hash FROM feed_tokens").Scan(&stored).Error; err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 || strings.Contains(stored[0], legacy) {
		t.Fatalf("stored %q", stored)
	}
	if err := s.MigrateDown(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
}
