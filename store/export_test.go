package store

import (
	"database/sql"
	"time"

	"gorm.io/gorm"
)

// DueDocumentsStatement returns the SQL and arguments DueDocuments sends,
// built by the same code in a dry-run session, for the plan test. (A dry
// run cannot Scan; the plan test checks that Find builds the same SQL.)
func DueDocumentsStatement(s *Store, now time.Time, after DueDocument, limit int) (string, []any) {
	var out []DueDocument
	stmt := dueDocumentsQuery(s.db.Session(&gorm.Session{DryRun: true}), now, after, limit).Find(&out).Statement
	return stmt.SQL.String(), stmt.Vars
}

// SQLDB returns the store's connection pool, for tests that seed in bulk or
// run EXPLAIN.
func SQLDB(s *Store) (*sql.DB, error) { return s.db.DB() }
