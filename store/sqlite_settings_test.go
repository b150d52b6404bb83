package store

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
)

// The embedded database's settings that the check round's speed rests on:
// one connection, WAL with 16 KiB pages, checkpoints every 4096 pages,
// and temporary files (the statement journal) in memory.
func TestSQLiteSettings(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "sqlite://"+filepath.Join(t.TempDir(), "settings.db"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sqlDB, err := s.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	if got := sqlDB.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("max open connections = %d, want 1", got)
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "page_size": "16384", "wal_autocheckpoint": "4096", "synchronous": "1", "foreign_keys": "1", "temp_store": "2"} {
		var got string
		if err := s.db.WithContext(ctx).Raw("PRAGMA " + pragma).Row().Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", pragma, err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
}
