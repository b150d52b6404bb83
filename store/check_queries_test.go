package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// DocumentForCheck reads in one statement what DocumentRow and
// LatestVersionMeta read in two: every column of the document, and the
// newest version without its text or none.
func TestDocumentForCheck(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		newDoc := func(docType string) *store.Document {
			d := &store.Document{DocType: docType, Name: docType + " page", Sources: store.JSONText(`[{"URL":"https://example.com/terms"}]`)}
			if err := st.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
			return d
		}
		fresh := newDoc("Fresh")
		versioned := newDoc("Versioned")
		addVersion(t, st, versioned.ID, "first text", t0)
		addVersion(t, st, versioned.ID, "second text", t0.Add(time.Hour))
		if err := st.SetVersionFingerprints(ctx, mustLatest(t, st, versioned.ID).ID, store.Fingerprints{Significant: "sig", Content: "content", ExtractionVersion: 7}); err != nil {
			t.Fatal(err)
		}
		failing := newDoc("Failing")
		addVersion(t, st, failing.ID, "only text", t0)
		if _, err := st.RecordHealth(ctx, failing.ID, store.Health{State: docstate.OK, CheckedAt: t0, NextCheckAt: t0.Add(time.Hour),
			Conditionals: []store.Conditional{{ETag: `"e1"`, LastModified: "Sun, 01 Mar 2026 12:00:00 GMT"}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.RecordHealth(ctx, failing.ID, store.Health{State: docstate.Unreachable, Error: "refused", CheckedAt: t0.Add(time.Hour),
			NextCheckAt: t0.Add(2 * time.Hour), Failed: true}); err != nil {
			t.Fatal(err)
		}
		if err := st.UpdateDocumentHistory(ctx, failing.ID, store.JSONText(`[{"validUntil":"2026-01-01"}]`)); err != nil {
			t.Fatal(err)
		}

		tests := []struct {
			name        string
			id          int64
			wantVersion bool
		}{
			{"no version", fresh.ID, false},
			{"two versions", versioned.ID, true},
			{"validators, failures and history", failing.ID, true},
		}
		for _, tt := range tests {
			doc, latest, err := st.DocumentForCheck(ctx, tt.id)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			row, err := st.DocumentRow(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(doc, row) {
				t.Errorf("%s: document\n%+v\nwant\n%+v", tt.name, doc, row)
			}
			if !tt.wantVersion {
				if latest != nil {
					t.Errorf("%s: latest version %+v, want none", tt.name, latest)
				}
				continue
			}
			want, err := st.LatestVersionMeta(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(latest, want) {
				t.Errorf("%s: latest version\n%+v\nwant\n%+v", tt.name, latest, want)
			}
		}
		if _, _, err := st.DocumentForCheck(ctx, failing.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing document: %v, want ErrNotFound", err)
		}
	})
}

func mustLatest(t *testing.T, st *store.Store, docID int64) *store.Version {
	t.Helper()
	v, err := st.LatestVersionMeta(context.Background(), docID)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
