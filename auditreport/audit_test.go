package auditreport_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// record appends a version (and the change from the previous one) to a
// document the way the recorder does.
func record(t *testing.T, st *store.Store, docID int64, markdown string) *store.Version {
	t.Helper()
	ctx := context.Background()
	nv := store.NewVersion{DocumentID: docID, Kind: store.VersionFirst, Markdown: markdown,
		Health: store.Health{State: docstate.OK, CheckedAt: time.Now().UTC(), NextCheckAt: time.Now().UTC().Add(time.Hour)}}
	if prev, err := st.LatestVersion(ctx, docID); err == nil {
		rep := analysis.Analyze(prev.Markdown, markdown)
		provisions, _ := json.Marshal(rep.Provisions)
		sections, _ := json.Marshal(rep.Sections)
		nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionChange
		nv.Change = &store.Change{Summary: rep.Summary, AddedWords: rep.Stats.AddedWords,
			RemovedWords: rep.Stats.RemovedWords, SectionsChanged: rep.Stats.SectionsChanged,
			Sections: sections, Provisions: provisions, Severity: analysis.SeverityHigh.String()}
	} else if !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	nv.SHA256 = recorder.ChainHash(nv.PrevSHA, markdown)
	v, _, err := st.RecordVersion(ctx, nv)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// seed makes a platform with two documents and a few versions each.
func seed(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	p := &store.Platform{Slug: "acme", Name: "Acme", Category: "Productivity"}
	if err := st.UpsertPlatform(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"Terms of Service", "Privacy Policy"} {
		d := &store.Document{PlatformID: &p.ID, DocType: typ, Name: typ, Sources: store.JSONText(`[]`)}
		if err := st.CreateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
		record(t, st, d.ID, "# "+typ+"\n\n## Data\n\nWe do not sell your personal data.\n")
		record(t, st, d.ID, "# "+typ+"\n\n## Data\n\nWe sell your personal data to advertising partners.\n")
		record(t, st, d.ID, "# "+typ+"\n\n## Data\n\nWe sell your personal data to advertising partners.\n\n## AI\n\nWe may use your content to train our artificial intelligence models.\n")
	}
}

func TestBuildAndVerify(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		seed(t, st)
		r, err := auditreport.Build(context.Background(), st, "acme", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Documents) != 2 || len(r.Versions) != 6 || len(r.Changes) != 4 {
			t.Fatalf("report has %d documents, %d versions, %d changes", len(r.Documents), len(r.Versions), len(r.Changes))
		}
		if r.Versions[0].PrevSHA256 != "" || r.Versions[1].PrevSHA256 != r.Versions[0].SHA256 {
			t.Errorf("chain not exported: %+v", r.Versions[:2])
		}
		found := false
		for _, c := range r.Changes {
			for _, p := range c.Provisions {
				found = found || p.Category == "data_sale"
			}
		}
		if !found {
			t.Errorf("no data_sale provision in changes: %+v", r.Changes)
		}
		// Through JSON, as the CLI reads it.
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back auditreport.Report
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		n, err := auditreport.Verify(&back)
		if err != nil || n != 6 {
			t.Fatalf("Verify = %d, %v", n, err)
		}
		if _, err := auditreport.Build(context.Background(), st, "nobody", time.Now()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown platform: %v", err)
		}
	})
}

func TestVerifyFindsTampering(t *testing.T) {
	st := storetest.SQLite(t)
	seed(t, st)
	good, err := auditreport.Build(context.Background(), st, "acme", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(good)
	fresh := func() *auditreport.Report {
		var r auditreport.Report
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		return &r
	}
	tests := []struct {
		name    string
		tamper  func(r *auditreport.Report)
		version int64 // index into the good report's versions, or -1 for a change
		reason  string
	}{
		{"edited text", func(r *auditreport.Report) {
			r.Versions[1].Markdown = strings.Replace(r.Versions[1].Markdown, "sell", "never sell", 1)
		}, 1, "does not match its text"},
		{"edited text with a recomputed hash", func(r *auditreport.Report) {
			v := &r.Versions[1]
			v.Markdown += "\nExtra.\n"
			v.SHA256 = recorder.ChainHash(v.PrevSHA256, v.Markdown)
		}, 2, "prev_sha256 does not match"},
		{"removed middle version", func(r *auditreport.Report) {
			r.Versions = append(r.Versions[:1], r.Versions[2:]...)
		}, 2, "prev_sha256 does not match"},
		{"removed first version", func(r *auditreport.Report) {
			r.Versions = r.Versions[1:]
		}, 1, "a version is missing"},
		{"reordered versions", func(r *auditreport.Report) {
			r.Versions[1], r.Versions[2] = r.Versions[2], r.Versions[1]
		}, 2, "prev_sha256 does not match"},
		{"duplicated version", func(r *auditreport.Report) {
			r.Versions = append(r.Versions[:2], r.Versions[1:]...)
		}, 1, "out of order"},
		{"change pointing elsewhere", func(r *auditreport.Report) {
			r.Changes[0].ToVersionID = r.Versions[5].ID
		}, -1, "does not join"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fresh()
			tt.tamper(r)
			_, err := auditreport.Verify(r)
			var be *auditreport.BrokenError
			if !errors.As(err, &be) || !errors.Is(err, auditreport.ErrBroken) {
				t.Fatalf("Verify = %v, want a broken chain", err)
			}
			if tt.version >= 0 && be.VersionID != good.Versions[tt.version].ID {
				t.Errorf("blamed version %d, want %d (%v)", be.VersionID, good.Versions[tt.version].ID, err)
			}
			if tt.version < 0 && be.ChangeID != good.Changes[0].ID {
				t.Errorf("blamed %v", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not say %q", err, tt.reason)
			}
		})
	}
	r := fresh()
	r.Format = "other"
	if _, err := auditreport.Verify(r); err == nil || errors.Is(err, auditreport.ErrBroken) {
		t.Errorf("unknown format: %v", err)
	}
}
