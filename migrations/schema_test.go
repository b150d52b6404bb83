package migrations_test

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/store/storetest"
)

// schema is a migrated database reduced to what both dialects must agree
// on: per table, its columns and its indexes.
type schema map[string]*table

type table struct {
	// columns maps a column name to "family null|not null".
	columns map[string]string
	// primaryKey is the primary key's columns in key order.
	primaryKey []string
	// indexes are "unique|index (col, …)" plus " partial" for a WHERE
	// clause, sorted; the names are left out (SQLite names the indexes of
	// UNIQUE constraints itself).
	indexes []string
}

// goose's own bookkeeping table differs between dialects by design.
const gooseTable = "goose_db_version"

// TestMigratedSchemasMatch migrates an empty SQLite and an empty PostgreSQL
// database and compares what came out: same tables, same columns with the
// same type family and nullability, same primary keys, same indexes. The
// file-name check (TestDialectsHaveTheSameFiles) cannot see a column or an
// index that one dialect's file forgot.
func TestMigratedSchemasMatch(t *testing.T) {
	ctx := context.Background()
	pgURL := storetest.NewPostgresDatabase(t) // fails under CI without PostgreSQL, skips elsewhere
	storetest.Open(t, pgURL)
	pg, err := sql.Open("pgx", pgURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pg.Close() })
	pgSchema, err := postgresSchema(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}

	liteURL := storetest.SQLiteURL(t)
	storetest.Open(t, liteURL)
	lite := openSQLite(t, strings.TrimPrefix(liteURL, "sqlite://"))
	liteSchema, err := sqliteSchema(ctx, lite)
	if err != nil {
		t.Fatal(err)
	}

	if len(pgSchema) < 10 {
		t.Fatalf("only %d tables read from PostgreSQL: %v", len(pgSchema), slices.Sorted(maps.Keys(pgSchema)))
	}
	for _, d := range compareSchemas(pgSchema, liteSchema) {
		t.Error(d)
	}
}

// compareSchemas lists every difference, PostgreSQL's side first.
func compareSchemas(pg, lite schema) []string {
	var diffs []string
	for _, name := range union(maps.Keys(pg), maps.Keys(lite)) {
		p, l := pg[name], lite[name]
		switch {
		case p == nil:
			diffs = append(diffs, fmt.Sprintf("table %s only in SQLite", name))
			continue
		case l == nil:
			diffs = append(diffs, fmt.Sprintf("table %s only in PostgreSQL", name))
			continue
		}
		for _, c := range union(maps.Keys(p.columns), maps.Keys(l.columns)) {
			pc, pok := p.columns[c]
			lc, lok := l.columns[c]
			switch {
			case !pok:
				diffs = append(diffs, fmt.Sprintf("column %s.%s only in SQLite (%s)", name, c, lc))
			case !lok:
				diffs = append(diffs, fmt.Sprintf("column %s.%s only in PostgreSQL (%s)", name, c, pc))
			case pc != lc:
				diffs = append(diffs, fmt.Sprintf("column %s.%s is %s in PostgreSQL, %s in SQLite", name, c, pc, lc))
			}
		}
		if !slices.Equal(p.primaryKey, l.primaryKey) {
			diffs = append(diffs, fmt.Sprintf("primary key of %s is %v in PostgreSQL, %v in SQLite", name, p.primaryKey, l.primaryKey))
		}
		for _, ix := range missing(p.indexes, l.indexes) {
			diffs = append(diffs, fmt.Sprintf("index on %s %s only in PostgreSQL", name, ix))
		}
		for _, ix := range missing(l.indexes, p.indexes) {
			diffs = append(diffs, fmt.Sprintf("index on %s %s only in SQLite", name, ix))
		}
	}
	return diffs
}

// union returns the names in a or b, sorted, each once.
func union(a, b iter.Seq[string]) []string {
	names := slices.AppendSeq(slices.Collect(a), b)
	slices.Sort(names)
	return slices.Compact(names)
}

// missing returns the elements of a not in b, counting duplicates.
func missing(a, b []string) []string {
	left := slices.Clone(b)
	var out []string
	for _, x := range a {
		if i := slices.Index(left, x); i >= 0 {
			left = slices.Delete(left, i, i+1)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// typeFamily maps a declared or catalog type to the family both dialects
// must agree on; an unknown type is reported as itself so that it shows up
// as a difference rather than slipping through.
func typeFamily(typ string) string {
	t := strings.ToLower(strings.TrimSpace(typ))
	switch {
	case strings.Contains(t, "int") || t == "bigserial" || t == "serial":
		return "integer"
	case strings.HasPrefix(t, "timestamp") || strings.Contains(t, "date") || strings.HasPrefix(t, "time"):
		return "time"
	case strings.Contains(t, "bool"):
		return "bool"
	case t == "bytea" || t == "blob":
		return "bytes"
	case strings.Contains(t, "char") || strings.Contains(t, "text") || strings.Contains(t, "clob"):
		return "text"
	case t == "real" || strings.Contains(t, "double") || strings.Contains(t, "float") || strings.HasPrefix(t, "numeric"):
		return "float"
	}
	return "type " + t
}

func column(typ string, notNull bool) string {
	if notNull {
		return typeFamily(typ) + " not null"
	}
	return typeFamily(typ) + " null"
}

func index(unique, partial bool, cols []string) string {
	s := "index"
	if unique {
		s = "unique"
	}
	s += " (" + strings.Join(cols, ", ") + ")"
	if partial {
		s += " partial"
	}
	return s
}

func (s schema) table(name string) *table {
	t := s[name]
	if t == nil {
		t = &table{columns: map[string]string{}}
		s[name] = t
	}
	return t
}

func (s schema) sortIndexes() {
	for _, t := range s {
		slices.Sort(t.indexes)
	}
}

func TestTypeFamily(t *testing.T) {
	tests := map[string]string{
		"BIGINT": "integer", "bigint": "integer", "INTEGER": "integer", "BIGSERIAL": "integer", "smallint": "integer",
		"TEXT": "text", "character varying": "text", "VARCHAR(255)": "text",
		"BOOLEAN": "bool", "boolean": "bool",
		"timestamp with time zone": "time", "TIMESTAMPTZ": "time", "DATETIME": "time", "date": "time",
		"BLOB": "bytes", "bytea": "bytes",
		"REAL": "float", "double precision": "float", "numeric": "float",
		"jsonb": "type jsonb",
	}
	for in, want := range tests {
		if got := typeFamily(in); got != want {
			t.Errorf("typeFamily(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompareSchemas(t *testing.T) {
	base := func() schema {
		return schema{
			"users": {
				columns:    map[string]string{"id": "integer not null", "email": "text not null"},
				primaryKey: []string{"id"},
				indexes:    []string{"index (email)", "unique (email)"},
			},
			"sessions": {columns: map[string]string{"id_hash": "text not null"}, primaryKey: []string{"id_hash"}},
		}
	}
	tests := []struct {
		name   string
		change func(s schema)
		want   []string
	}{
		{"same", func(schema) {}, nil},
		{"missing table", func(s schema) { delete(s, "sessions") }, []string{"table sessions only in PostgreSQL"}},
		{"extra table", func(s schema) { s["extra"] = &table{columns: map[string]string{}} }, []string{"table extra only in SQLite"}},
		{"missing column", func(s schema) { delete(s["users"].columns, "email") },
			[]string{"column users.email only in PostgreSQL (text not null)"}},
		{"other type family", func(s schema) { s["users"].columns["email"] = "bytes not null" },
			[]string{"column users.email is text not null in PostgreSQL, bytes not null in SQLite"}},
		{"nullable", func(s schema) { s["users"].columns["email"] = "text null" },
			[]string{"column users.email is text not null in PostgreSQL, text null in SQLite"}},
		{"other primary key", func(s schema) { s["users"].primaryKey = []string{"email"} },
			[]string{"primary key of users is [id] in PostgreSQL, [email] in SQLite"}},
		{"index not unique", func(s schema) { s["users"].indexes = []string{"index (email)", "index (email)"} },
			[]string{"index on users unique (email) only in PostgreSQL", "index on users index (email) only in SQLite"}},
		{"index missing", func(s schema) { s["users"].indexes = []string{"unique (email)"} },
			[]string{"index on users index (email) only in PostgreSQL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lite := base()
			tt.change(lite)
			if got := compareSchemas(base(), lite); !slices.Equal(got, tt.want) {
				t.Errorf("differences:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}
