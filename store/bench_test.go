package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// benchText is about size bytes of policy-like text that differs with
// seed, as the pages and versions of different documents do.
func benchText(seed, size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p>Section %d.%d: we keep the records of account %d for %d days after it is closed.</p>\n", seed, i, seed*7919+i, 30+i%90)
	}
	return b.String()
}

// BenchmarkRecordFirstVersion measures what round 1 of a check round
// writes per document: an 80 KB snapshot, a 30 KB version and the
// document's health, in one transaction.
func BenchmarkRecordFirstVersion(b *testing.B) {
	st := storetest.SQLite(b)
	ctx := context.Background()
	ids := make([]int64, b.N)
	for i := range ids {
		d := &store.Document{DocType: fmt.Sprintf("Terms %d", i), Name: "Terms", Sources: store.JSONText("[]")}
		if err := st.CreateDocument(ctx, d); err != nil {
			b.Fatal(err)
		}
		ids[i] = d.ID
	}
	at := time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
	health := store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(6 * time.Hour),
		Conditionals: []store.Conditional{{ETag: `"v1"`}}}
	b.ReportAllocs()
	b.ResetTimer()
	for i, id := range ids {
		nv := store.NewVersion{DocumentID: id, Kind: store.VersionFirst, Markdown: benchText(i, 30_000),
			SHA256: fmt.Sprintf("sha-%d", i), Health: health,
			Snapshots: []store.SnapshotInput{{SHA256: fmt.Sprintf("snap-%d", i), URL: "https://example.com/terms",
				ContentType: "text/html", Body: []byte(benchText(i+1_000_000, 80_000))}}}
		if _, _, err := st.RecordVersion(ctx, nv); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckUnchangedQueries measures the statements of the most
// common check: the document read before fetching and its health
// written after.
func BenchmarkCheckUnchangedQueries(b *testing.B) {
	st := storetest.SQLite(b)
	ctx := context.Background()
	const docs = 100
	ids := make([]int64, docs)
	at := time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
	health := store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(6 * time.Hour)}
	for i := range ids {
		d := &store.Document{DocType: fmt.Sprintf("Terms %d", i), Name: "Terms", Sources: store.JSONText(`[{"url":"https://example.com/terms"}]`)}
		if err := st.CreateDocument(ctx, d); err != nil {
			b.Fatal(err)
		}
		ids[i] = d.ID
		nv := store.NewVersion{DocumentID: d.ID, Kind: store.VersionFirst, Markdown: benchText(i, 30_000),
			SHA256: fmt.Sprintf("sha-%d", i), Health: health}
		if _, _, err := st.RecordVersion(ctx, nv); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		id := ids[i%docs]
		if _, _, err := st.DocumentForCheck(ctx, id); err != nil {
			b.Fatal(err)
		}
		if _, err := st.RecordHealth(ctx, id, health); err != nil {
			b.Fatal(err)
		}
	}
}
