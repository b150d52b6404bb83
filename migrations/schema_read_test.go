package migrations_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/glebarez/sqlite"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver to read the PostgreSQL catalog
	"gorm.io/gorm"
)

// The readers below reduce each dialect's catalog to a schema.

func postgresSchema(ctx context.Context, db *sql.DB) (schema, error) {
	s := schema{}
	rows, err := db.QueryContext(ctx, `
		SELECT c.table_name, c.column_name, c.data_type, c.is_nullable = 'NO'
		FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> $1`, gooseTable)
	if err != nil {
		return nil, fmt.Errorf("read PostgreSQL columns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var tbl, col, typ string
		var notNull bool
		if err := rows.Scan(&tbl, &col, &typ, &notNull); err != nil {
			return nil, err
		}
		s.table(tbl).columns[col] = column(typ, notNull)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// One row per index with its key columns in order; an expression
	// column has no name and shows as "(expression)".
	rows, err = db.QueryContext(ctx, `
		SELECT t.relname, i.indisprimary, i.indisunique, i.indpred IS NOT NULL,
		       array_to_string(ARRAY(
		           SELECT COALESCE(a.attname, '(expression)')
		           FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
		           LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
		           ORDER BY k.n), ',')
		FROM pg_index i
		JOIN pg_class t ON t.oid = i.indrelid
		JOIN pg_namespace ns ON ns.oid = t.relnamespace
		WHERE ns.nspname = current_schema() AND t.relname <> $1`, gooseTable)
	if err != nil {
		return nil, fmt.Errorf("read PostgreSQL indexes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var tbl, cols string
		var primary, unique, partial bool
		if err := rows.Scan(&tbl, &primary, &unique, &partial, &cols); err != nil {
			return nil, err
		}
		t := s.table(tbl)
		if primary {
			t.primaryKey = strings.Split(cols, ",")
			continue
		}
		t.indexes = append(t.indexes, index(unique, partial, strings.Split(cols, ",")))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.sortIndexes()
	return s, nil
}

func sqliteSchema(ctx context.Context, db *sql.DB) (schema, error) {
	s := schema{}
	var tables []string
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?`, gooseTable)
	if err != nil {
		return nil, fmt.Errorf("read SQLite tables: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range tables {
		if err := readSQLiteTable(ctx, db, name, s.table(name)); err != nil {
			return nil, fmt.Errorf("read SQLite table %s: %w", name, err)
		}
	}
	s.sortIndexes()
	return s, nil
}

func readSQLiteTable(ctx context.Context, db *sql.DB, name string, t *table) error {
	rows, err := db.QueryContext(ctx, `SELECT name, type, "notnull", pk FROM pragma_table_info(?)`, name)
	if err != nil {
		return err
	}
	defer rows.Close()
	pk := map[int]string{}
	for rows.Next() {
		var col, typ string
		var notNull bool
		var pkPos int
		if err := rows.Scan(&col, &typ, &notNull, &pkPos); err != nil {
			return err
		}
		if pkPos > 0 {
			// SQLite lets primary key columns hold NULL unless declared
			// otherwise, and never for an INTEGER PRIMARY KEY; the
			// application never stores one, and PostgreSQL forbids it.
			notNull = true
			pk[pkPos] = col
		}
		t.columns[col] = column(typ, notNull)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := 1; i <= len(pk); i++ {
		t.primaryKey = append(t.primaryKey, pk[i])
	}
	type ix struct {
		name            string
		unique, partial bool
	}
	var ixs []ix
	rows, err = db.QueryContext(ctx, `SELECT name, "unique", origin, partial FROM pragma_index_list(?)`, name)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x ix
		var origin string
		if err := rows.Scan(&x.name, &x.unique, &origin, &x.partial); err != nil {
			return err
		}
		if origin == "pk" {
			continue // the primary key, compared above
		}
		ixs = append(ixs, x)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, x := range ixs {
		cols, err := sqliteIndexColumns(ctx, db, x.name)
		if err != nil {
			return err
		}
		t.indexes = append(t.indexes, index(x.unique, x.partial, cols))
	}
	return nil
}

func sqliteIndexColumns(ctx context.Context, db *sql.DB, index string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM pragma_index_info(?) ORDER BY seqno`, index)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var col sql.NullString
		if err := rows.Scan(&col); err != nil {
			return nil, err
		}
		if col.Valid {
			cols = append(cols, col.String)
		} else {
			cols = append(cols, "(expression)")
		}
	}
	return cols, rows.Err()
}

// openSQLite opens the database file read-only through the same driver
// the store uses.
func openSQLite(t *testing.T, path string) *sql.DB {
	t.Helper()
	g, err := gorm.Open(sqlite.Open(path+"?mode=ro"), &gorm.Config{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := g.DB()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}
