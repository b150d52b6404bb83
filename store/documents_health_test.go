package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// TestRecordHealth walks a document through failures and a recovery: a
// failure counts up and keeps the last success and validators, a success
// resets the count and the error, and a missing document is not found.
func TestRecordHealth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		d := &store.Document{DocType: "Terms of Service", Name: "Terms", Sources: store.JSONText("[]")}
		if err := st.CreateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		ok := func(at time.Time, etag string) store.Health {
			return store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour),
				Conditionals: []store.Conditional{{ETag: etag}}}
		}
		fail := func(at time.Time) store.Health {
			return store.Health{State: docstate.Unreachable, Error: "connection refused", CheckedAt: at,
				NextCheckAt: at.Add(5 * time.Minute), Failed: true}
		}
		steps := []struct {
			name         string
			health       store.Health
			wantFailures int
			wantSuccess  time.Time
			wantETag     string
		}{
			{"first success", ok(t0, `"a"`), 0, t0, `"a"`},
			{"first failure", fail(t0.Add(time.Hour)), 1, t0, `"a"`},
			{"second failure", fail(t0.Add(2 * time.Hour)), 2, t0, `"a"`},
			{"recovery", ok(t0.Add(3*time.Hour), `"b"`), 0, t0.Add(3 * time.Hour), `"b"`},
			{"not modified keeps the validators", store.Health{State: docstate.OK, CheckedAt: t0.Add(4 * time.Hour), NextCheckAt: t0.Add(5 * time.Hour)}, 0, t0.Add(4 * time.Hour), `"b"`},
		}
		for _, s := range steps {
			failures, err := st.RecordHealth(ctx, d.ID, s.health)
			if err != nil || failures != s.wantFailures {
				t.Fatalf("%s: failures %d, %v; want %d", s.name, failures, err, s.wantFailures)
			}
			got, err := st.Document(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.ConsecutiveFailures != s.wantFailures || got.State != s.health.State || got.LastError != s.health.Error ||
				got.LastCheckedAt == nil || !got.LastCheckedAt.Equal(s.health.CheckedAt) || !got.NextCheckAt.Equal(s.health.NextCheckAt) ||
				got.LastSuccessAt == nil || !got.LastSuccessAt.Equal(s.wantSuccess) ||
				len(got.Conditionals) != 1 || got.Conditionals[0].ETag != s.wantETag {
				t.Errorf("%s: document %+v", s.name, got)
			}
		}
		for _, h := range []store.Health{ok(t0, ""), fail(t0)} {
			if _, err := st.RecordHealth(ctx, d.ID+1000, h); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("missing document, failed=%v: %v, want ErrNotFound", h.Failed, err)
			}
		}
	})
}

// TestDocumentWithPlatform reads a catalogue document with its platform
// and a custom one without any.
func TestDocumentWithPlatform(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		org := &store.Organization{Name: "Org", Slug: "org", Plan: "free"}
		if err := st.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
		p := &store.Platform{Slug: "acme", Name: "Acme", Category: "Tools"}
		if err := st.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
		catalogue := &store.Document{DocType: "Terms of Service", Name: "Terms", Sources: store.JSONText("[]"), PlatformID: &p.ID}
		custom := &store.Document{DocType: "Custom", Name: "Our supplier", Sources: store.JSONText("[]"), OrganizationID: &org.ID}
		for _, d := range []*store.Document{catalogue, custom} {
			if err := st.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name     string
			id       int64
			platform string // "" for none
		}{
			{"catalogue", catalogue.ID, "acme"},
			{"custom", custom.ID, ""},
		}
		for _, tt := range tests {
			d, err := st.Document(ctx, tt.id)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got := ""
			if d.Platform != nil {
				got = d.Platform.Slug
			}
			if d.ID != tt.id || got != tt.platform || d.Sources == nil {
				t.Errorf("%s: document %d, platform %q; want %d, %q", tt.name, d.ID, got, tt.id, tt.platform)
			}
			row, err := st.DocumentRow(ctx, tt.id)
			if err != nil || row.ID != tt.id || row.Platform != nil || row.Name != d.Name || string(row.Sources) != string(d.Sources) {
				t.Errorf("%s: row %+v, %v; want the document without its platform", tt.name, row, err)
			}
		}
		if _, err := st.Document(ctx, custom.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing document: %v, want ErrNotFound", err)
		}
		if _, err := st.DocumentRow(ctx, custom.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing document row: %v, want ErrNotFound", err)
		}
	})
}

// Lists longer than one IN list are queried chunk by chunk: documents
// named in the second and third chunks are found too.
func TestCheckLabelsAcrossChunks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		ids := make([]int64, 1200)
		for i := range ids {
			ids[i] = int64(100000 + i) // no such documents
		}
		for _, at := range []int{0, 700, 1199} {
			d := &store.Document{DocType: "Terms of Service", Name: fmt.Sprintf("Doc %d", at), Sources: store.JSONText("[]")}
			if err := st.CreateDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
			ids[at] = d.ID
		}
		labels, err := st.CheckLabels(ctx, ids)
		if err != nil || len(labels) != 3 {
			t.Fatalf("labels = %+v, %v; want the 3 documents", labels, err)
		}
		for _, at := range []int{0, 700, 1199} {
			if l, ok := labels[ids[at]]; !ok || l.Platform != fmt.Sprintf("Doc %d", at) {
				t.Errorf("document at %d: %+v, %v", at, l, ok)
			}
		}
	})
}
