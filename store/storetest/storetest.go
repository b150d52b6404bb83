// Package storetest gives tests a freshly migrated Store on every database
// the machine offers: always SQLite, and PostgreSQL when TEST_DATABASE_URL
// is set (required when CI=true, so integration tests cannot silently skip).
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver to create test databases

	"github.com/clausewatch/clausewatch/store"
)

// Each runs fn as a subtest once per available database, each time on a new,
// empty, migrated database.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	if PostgresURL(t) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
	}
}

// PostgresURL returns TEST_DATABASE_URL, failing the test under CI when it is
// missing.
func PostgresURL(t testing.TB) string {
	u := os.Getenv("TEST_DATABASE_URL")
	if u == "" && os.Getenv("CI") != "" {
		t.Fatal("TEST_DATABASE_URL is not set; run the tests with `make test`")
	}
	return u
}

// SQLite opens a new migrated SQLite database in the test's temp dir.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	return Open(t, "sqlite://"+filepath.Join(t.TempDir(), "test.db"))
}

// SQLiteURL returns the URL of a new, empty SQLite database file.
func SQLiteURL(t testing.TB) string {
	return "sqlite://" + filepath.Join(t.TempDir(), "test.db")
}

// Postgres creates a new database on the TEST_DATABASE_URL server, migrates
// it and drops it when the test ends. It skips outside CI when no server is
// configured.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	return Open(t, NewPostgresDatabase(t))
}

// NewPostgresDatabase creates an empty database and returns its URL.
func NewPostgresDatabase(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	if base == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	buf := make([]byte, 6)
	_, _ = rand.Read(buf)
	name := "cw_test_" + hex.EncodeToString(buf)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// Open opens and migrates the store at dbURL for the test and closes it
// when the test ends; warnings are written to the test's log.
func Open(t testing.TB, dbURL string) *store.Store {
	t.Helper()
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, err := store.Open(ctx, dbURL, log)
	if err != nil {
		t.Fatal(fmt.Errorf("open test store: %w", err))
	}
	t.Cleanup(func() { _ = s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
