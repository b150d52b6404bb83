// Command seed fills a PostgreSQL database for the load benchmark
// (bench/load.sh): platforms with a recorded change and a failing
// document, and organizations that each have an owner and watch the same
// number of platforms, written with a handful of set-based INSERTs. It
// migrates the database first and does nothing when the organizations are
// already there.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for the bulk inserts

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "seed:", err)
		os.Exit(1)
	}
}

func run() error {
	dbURL := flag.String("database", os.Getenv("DATABASE_URL"), "postgres:// URL")
	orgs := flag.Int("orgs", 10000, "organizations, each with one owner benchN@example.com")
	watches := flag.Int("watches", 25, "platforms each organization watches")
	password := flag.String("password", "bench passphrase 42", "every owner's password")
	flag.Parse()
	ctx := context.Background()
	start := time.Now()

	st, err := store.Open(ctx, *dbURL, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	db, err := sql.Open("pgx", *dbURL)
	if err != nil {
		return fmt.Errorf("open %s: %w", *dbURL, err)
	}
	defer db.Close()

	var have int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM organizations WHERE slug LIKE 'bench-org-%'`).Scan(&have); err != nil {
		return fmt.Errorf("count organizations: %w", err)
	}
	if have >= *orgs {
		fmt.Printf("seed: %d organizations already there\n", have)
		return nil
	}
	hash, err := accounts.HashPassword(*password)
	if err != nil {
		return err
	}
	steps := []struct {
		what, sql string
		args      []any
	}{
		{"platforms", `INSERT INTO platforms (slug, name, category)
			SELECT 'bench-p' || g, 'Bench Platform ' || g, 'Benchmark' FROM generate_series(1, $1) g`, []any{*watches}},
		{"documents", `INSERT INTO documents (platform_id, doc_type, name, sources, state, next_check_at)
			SELECT p.id, t.doc_type, t.doc_type, '[]', t.state, now() + interval '365 days'
			FROM platforms p CROSS JOIN (VALUES ('Terms of Service', 'ok'), ('Privacy Policy', 'unreachable')) AS t(doc_type, state)
			WHERE p.slug LIKE 'bench-p%'`, nil},
		{"versions", `INSERT INTO versions (document_id, kind, markdown, sha256, created_at)
			SELECT d.id, k.kind, '# ' || d.name || E'\n\n' || k.body, md5(d.id || k.kind), now() - k.age
			FROM documents d JOIN platforms p ON p.id = d.platform_id
			CROSS JOIN (VALUES ('first', 'We keep your data safe.', interval '2 days'),
			                   ('change', 'We sell your personal data to advertisers.', interval '1 day')) AS k(kind, body, age)
			WHERE p.slug LIKE 'bench-p%' AND d.doc_type = 'Terms of Service'`, nil},
		{"changes", `INSERT INTO changes (document_id, from_version_id, to_version_id, summary, severity, added_words, removed_words, sections_changed, provisions, created_at)
			SELECT a.document_id, a.id, b.id, 'Sale of personal data added.', 'high', 7, 5, 1,
			       '[{"category":"data_sale","change":"added","severity":"high","evidence":"We sell your personal data to advertisers.","regulations":["CCPA/CPRA"]}]', b.created_at
			FROM versions a JOIN versions b ON b.document_id = a.document_id AND a.kind = 'first' AND b.kind = 'change'
			JOIN documents d ON d.id = a.document_id JOIN platforms p ON p.id = d.platform_id WHERE p.slug LIKE 'bench-p%'`, nil},
		{"latest versions", `UPDATE documents d SET latest_version_id = v.id, last_checked_at = now(), last_success_at = now()
			FROM versions v WHERE v.document_id = d.id AND v.kind = 'change'`, nil},
		{"failing documents", `UPDATE documents d SET consecutive_failures = 3, last_error = 'dial tcp: connection refused', last_checked_at = now()
			FROM platforms p WHERE p.id = d.platform_id AND p.slug LIKE 'bench-p%' AND d.state = 'unreachable'`, nil},
		{"organizations", `INSERT INTO organizations (name, slug, plan)
			SELECT 'Bench Org ' || g, 'bench-org-' || g, 'compliance' FROM generate_series(1, $1) g`, []any{*orgs}},
		{"users", `INSERT INTO users (email, password_hash, email_verified_at)
			SELECT 'bench' || g || '@example.com', $2, now() FROM generate_series(1, $1) g`, []any{*orgs, hash}},
		{"memberships", `INSERT INTO memberships (organization_id, user_id, role)
			SELECT o.id, u.id, 'owner' FROM generate_series(1, $1) g
			JOIN organizations o ON o.slug = 'bench-org-' || g JOIN users u ON u.email = 'bench' || g || '@example.com'`, []any{*orgs}},
		{"watches", `INSERT INTO watches (organization_id, platform_id)
			SELECT o.id, p.id FROM organizations o CROSS JOIN platforms p
			WHERE o.slug LIKE 'bench-org-%' AND p.slug LIKE 'bench-p%'`, nil},
		{"statistics", `ANALYZE`, nil},
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	for _, s := range steps {
		if s.what == "statistics" {
			if err := tx.Commit(); err != nil {
				return fmt.Errorf("commit: %w", err)
			}
			if _, err := db.ExecContext(ctx, s.sql); err != nil {
				return fmt.Errorf("%s: %w", s.what, err)
			}
			continue
		}
		res, err := tx.ExecContext(ctx, s.sql, s.args...)
		if err != nil {
			return fmt.Errorf("%s: %w", s.what, err)
		}
		n, _ := res.RowsAffected()
		fmt.Printf("seed: %-17s %8d rows\n", s.what, n)
	}
	fmt.Printf("seed: done in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
