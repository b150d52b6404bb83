package store_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// planNode is the part of EXPLAIN (FORMAT JSON) the test reads.
type planNode struct {
	NodeType     string     `json:"Node Type"`
	RelationName string     `json:"Relation Name"`
	IndexName    string     `json:"Index Name"`
	Plans        []planNode `json:"Plans"`
}

func (n planNode) walk(fn func(planNode)) {
	fn(n)
	for _, c := range n.Plans {
		c.walk(fn)
	}
}

// TestDueDocumentsPlanAtAMillionDocuments seeds 1,000,000 documents on
// PostgreSQL, all due, and checks that the sweep's page query, as GORM builds
// it, reads documents through documents_due_idx and never scans the table,
// on the first page and on a page deep into the sweep.
func TestDueDocumentsPlanAtAMillionDocuments(t *testing.T) {
	const documents = 1_000_000
	s := storetest.Postgres(t)
	db, err := store.SQLDB(s)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := time.Now().UTC()
	// Catalogue documents without a platform (the unique index ignores
	// NULLs), every seventh a custom document of one organization, spread over
	// a week of due times with a thousand documents per second so ties are
	// common. A third of the custom documents are watched.
	if _, err := db.ExecContext(ctx, `INSERT INTO organizations (name, slug) VALUES ('Org', 'org')`); err != nil {
		t.Fatal(err)
	}
	_, err = db.ExecContext(ctx, `
		INSERT INTO documents (organization_id, doc_type, sources, next_check_at)
		SELECT CASE WHEN g % 7 = 0 THEN (SELECT id FROM organizations) END,
		       'Terms of Service', '[]',
		       $1::timestamptz - interval '1 second' * ((g::bigint * 7919) % ($2::int / 1000))
		FROM generate_series(1, $2::int) AS g`, now, documents)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.ExecContext(ctx, `
		INSERT INTO watches (organization_id, document_id)
		SELECT organization_id, id FROM documents WHERE organization_id IS NOT NULL AND id % 3 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"documents", "watches"} {
		if _, err := db.ExecContext(ctx, "ANALYZE "+table); err != nil {
			t.Fatal(err)
		}
	}

	var deep store.DueDocument
	err = db.QueryRowContext(ctx, `SELECT id, next_check_at FROM documents ORDER BY next_check_at, id OFFSET $1 LIMIT 1`, documents/2).
		Scan(&deep.ID, &deep.NextCheckAt)
	if err != nil {
		t.Fatal(err)
	}
	// The statement explained below must be the one DueDocuments runs.
	var ran []string
	if err := s.OnStatement("due_plan_test", func(sql string) { ran = append(ran, sql) }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DueDocuments(ctx, now, deep, 500); err != nil {
		t.Fatal(err)
	}
	ranSQL := slices.Clone(ran)
	if want, _ := store.DueDocumentsStatement(s, now, deep, 500); len(ranSQL) != 1 || ranSQL[0] != want {
		t.Fatalf("DueDocuments ran %q, want %q", ranSQL, want)
	}

	for _, page := range []struct {
		name  string
		after store.DueDocument
	}{{"first page", store.DueDocument{}}, {"page half-way", deep}} {
		query, args := store.DueDocumentsStatement(s, now, page.after, 500)
		var raw string
		if err := db.QueryRowContext(ctx, "EXPLAIN (FORMAT JSON) "+query, args...).Scan(&raw); err != nil {
			t.Fatalf("%s: explain %s: %v", page.name, query, err)
		}
		var plans []struct {
			Plan planNode `json:"Plan"`
		}
		if err := json.Unmarshal([]byte(raw), &plans); err != nil || len(plans) != 1 {
			t.Fatalf("%s: read plan %s: %v", page.name, raw, err)
		}
		usesIndex := false
		plans[0].Plan.walk(func(n planNode) {
			switch {
			case n.NodeType == "Seq Scan":
				// Also on watches: a hashed subplan would read every watch
				// on every page.
				t.Errorf("%s: sequential scan of %s", page.name, n.RelationName)
			case n.RelationName == "documents" && strings.Contains(n.NodeType, "Index") && n.IndexName == "documents_due_idx":
				usesIndex = true
			}
		})
		if !usesIndex {
			t.Errorf("%s: documents_due_idx not used", page.name)
		}
		if plans[0].Plan.NodeType != "Limit" || plans[0].Plan.Plans[0].NodeType == "Sort" {
			t.Errorf("%s: the page is not read in index order under its limit", page.name)
		}

		rows, err := db.QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+query, args...)
		if err != nil {
			t.Fatalf("%s: explain analyze: %v", page.name, err)
		}
		var text []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			text = append(text, line)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		_ = rows.Close()
		t.Logf("%s: %s\n%s", page.name, query, strings.Join(text, "\n"))
	}
}
