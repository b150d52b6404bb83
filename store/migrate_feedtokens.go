package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"

	"github.com/pressly/goose/v3"
)

// feedTokenHashVersion is the migration that stores feed tokens hashed. It
// is written in Go, not SQL, for both dialects: SQLite has no SHA-256, and
// the existing tokens must be hashed in the migration so that the feed
// addresses readers already follow keep working.
const feedTokenHashVersion = 7

func feedTokenHashMigration(dialect string) *goose.Migration {
	return goose.NewGoMigration(feedTokenHashVersion,
		&goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return hashFeedTokens(ctx, tx, dialect) }},
		&goose.GoFunc{RunTx: func(ctx context.Context, tx *sql.Tx) error { return unhashFeedTokens(ctx, tx, dialect) }},
	)
}

// hashFeedToken is how a feed token is stored: SHA-256, hex.
func hashFeedToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// recreateFeedTokens drops feed_tokens and creates it again with the
// secret in tokenColumn (token or token_hash).
func recreateFeedTokens(ctx context.Context, tx *sql.Tx, dialect, tokenColumn string) error {
	intType, timeType := "BIGINT", "TIMESTAMPTZ NOT NULL DEFAULT now()"
	if dialect == "sqlite" {
		intType, timeType = "INTEGER", "DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
	}
	for _, q := range []string{
		"DROP TABLE feed_tokens",
		`CREATE TABLE feed_tokens (
    organization_id ` + intType + ` PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
    ` + tokenColumn + ` TEXT NOT NULL UNIQUE,
    created_at ` + timeType + `
)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("feed tokens with %s: %w", tokenColumn, err)
		}
	}
	return nil
}

func hashFeedTokens(ctx context.Context, tx *sql.Tx, dialect string) error {
	type row struct {
		org     int64
		token   string
		created any
	}
	rows, err := tx.QueryContext(ctx, "SELECT organization_id, token, created_at FROM feed_tokens")
	if err != nil {
		return fmt.Errorf("read feed tokens: %w", err)
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.org, &r.token, &r.created); err != nil {
			rows.Close()
			return fmt.Errorf("read feed tokens: %w", err)
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read feed tokens: %w", err)
	}
	if err := recreateFeedTokens(ctx, tx, dialect, "token_hash"); err != nil {
		return err
	}
	insert := "INSERT INTO feed_tokens (organization_id, token_hash, created_at) VALUES ($1, $2, $3)"
	for _, r := range all {
		if _, err := tx.ExecContext(ctx, insert, r.org, hashFeedToken(r.token), r.created); err != nil {
			return fmt.Errorf("hash feed token of organization %d: %w", r.org, err)
		}
	}
	return nil
}

// unhashFeedTokens goes back to plaintext tokens; a hash cannot be turned
// back into its token, so every private feed is turned off.
func unhashFeedTokens(ctx context.Context, tx *sql.Tx, dialect string) error {
	return recreateFeedTokens(ctx, tx, dialect, "token")
}
