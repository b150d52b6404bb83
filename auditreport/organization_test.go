package auditreport_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
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

// day is midnight UTC of a day of March 2026.
func day(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }

// recordAt appends a version (and its change) recorded at a given time,
// with one snapshot of the text.
func recordAt(t *testing.T, st *store.Store, docID int64, markdown string, at time.Time) *store.Version {
	t.Helper()
	ctx := context.Background()
	sum := recorder.ChainHash("", "raw:"+markdown) // any distinct hash will do for a snapshot
	nv := store.NewVersion{DocumentID: docID, Kind: store.VersionFirst, Markdown: markdown,
		Snapshots: []store.SnapshotInput{{SHA256: sum, URL: "https://example.com/terms", ContentType: "text/html", Body: []byte(markdown)}},
		Health:    store.Health{State: docstate.OK, CheckedAt: at, NextCheckAt: at.Add(time.Hour)}}
	if prev, err := st.LatestVersion(ctx, docID); err == nil {
		rep := analysis.Analyze(prev.Markdown, markdown)
		provisions, _ := json.Marshal(rep.Provisions)
		nv.PrevID, nv.PrevSHA, nv.Kind = prev.ID, prev.SHA256, store.VersionChange
		nv.Change = &store.Change{Summary: rep.Summary, Provisions: provisions, Severity: analysis.SeverityHigh.String(),
			AddedWords: rep.Stats.AddedWords, RemovedWords: rep.Stats.RemovedWords, SectionsChanged: rep.Stats.SectionsChanged}
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

// orgFixture is two organizations: "ours" watches the platform Acme and has
// a custom document; "theirs" watches Globex and has its own custom
// document.
type orgFixture struct {
	ours, theirs *store.Organization
	terms        []*store.Version // Acme terms, one version per day 1..5
	custom       []*store.Version // ours' custom document, days 2 and 4
}

const (
	termsV1 = "# Terms\n\n## Data\n\nWe do not sell your personal data.\n"
	termsV2 = "# Terms\n\n## Data\n\nWe sell your personal data to advertising partners.\n"
	termsV3 = "# Terms\n\n## Data\n\nWe sell your personal data to advertising partners.\n\n## AI\n\nWe may use your content to train our artificial intelligence models.\n"
	termsV4 = termsV3 + "\n## Disputes\n\nAny dispute will be resolved by binding arbitration.\n"
	termsV5 = termsV4 + "\n## Law\n\nThese terms are governed by the laws of Ireland.\n"
)

func seedOrgs(t *testing.T, st *store.Store) *orgFixture {
	t.Helper()
	ctx := context.Background()
	f := &orgFixture{ours: &store.Organization{Name: "Ours", Slug: "ours"}, theirs: &store.Organization{Name: "Theirs", Slug: "theirs"}}
	for _, o := range []*store.Organization{f.ours, f.theirs} {
		if err := st.CreateOrganization(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	acme := &store.Platform{Slug: "acme", Name: "Acme"}
	globex := &store.Platform{Slug: "globex", Name: "Globex"}
	for _, p := range []*store.Platform{acme, globex} {
		if err := st.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	terms := &store.Document{PlatformID: &acme.ID, DocType: "Terms of Service", Name: "Terms of Service", Sources: store.JSONText(`[]`)}
	globexDoc := &store.Document{PlatformID: &globex.ID, DocType: "Privacy Policy", Name: "Globex Privacy", Sources: store.JSONText(`[]`)}
	for _, d := range []*store.Document{terms, globexDoc} {
		if err := st.CreateDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for i, md := range []string{termsV1, termsV2, termsV3, termsV4, termsV5} {
		f.terms = append(f.terms, recordAt(t, st, terms.ID, md, day(i+1).Add(9*time.Hour)))
	}
	recordAt(t, st, globexDoc.ID, "# Globex\n\nGLOBEX-SECRET we keep data.\n", day(1))
	recordAt(t, st, globexDoc.ID, "# Globex\n\nGLOBEX-SECRET we keep data for ten years.\n", day(3))

	if _, err := st.AddPlatformWatch(ctx, f.ours.ID, acme.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddPlatformWatch(ctx, f.theirs.ID, globex.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	mine := &store.Document{Name: "Supplier <script>alert(1)</script> terms", Sources: store.JSONText(`[{"fetch":"https://a.example"}]`)}
	if _, err := st.AddCustomWatch(ctx, f.ours.ID, mine, nil, 100); err != nil {
		t.Fatal(err)
	}
	f.custom = append(f.custom, recordAt(t, st, mine.ID, "# Supplier\n\nWe keep logs.\n", day(2)))
	f.custom = append(f.custom, recordAt(t, st, mine.ID, "# Supplier\n\nWe keep logs.\n\n<script>alert('x')</script> We may share your data with our affiliates.\n", day(4)))
	other := &store.Document{Name: "Their supplier", Sources: store.JSONText(`[{"fetch":"https://b.example"}]`)}
	if _, err := st.AddCustomWatch(ctx, f.theirs.ID, other, nil, 100); err != nil {
		t.Fatal(err)
	}
	recordAt(t, st, other.ID, "# Theirs\n\nTHEIRS-SECRET v1\n", day(2))
	recordAt(t, st, other.ID, "# Theirs\n\nTHEIRS-SECRET v2 with more words\n", day(4))
	return f
}

func TestBuildOrganization(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := seedOrgs(t, st)
		// Days 3 and 4: Acme's changes to v3 and v4 and the custom change.
		r, err := auditreport.BuildOrganization(context.Background(), st, f.ours.ID, day(3), day(5), day(6))
		if err != nil {
			t.Fatal(err)
		}
		if r.Format != auditreport.OrganizationFormat || r.Organization.Slug != "ours" || !r.Period.From.Equal(day(3)) {
			t.Errorf("header = %+v %+v", r.Organization, r.Period)
		}
		var got []string
		for _, v := range r.Versions {
			got = append(got, fmt.Sprint(v.ID))
			if len(v.SnapshotSHA256) != 1 || len(v.SnapshotSHA256[0]) != 64 {
				t.Errorf("version %d snapshots = %v", v.ID, v.SnapshotSHA256)
			}
		}
		// Acme: anchor v2 (latest before day 3), then v3 and v4; custom: v1 (day 2) and v2.
		want := []string{fmt.Sprint(f.terms[1].ID), fmt.Sprint(f.terms[2].ID), fmt.Sprint(f.terms[3].ID), fmt.Sprint(f.custom[0].ID), fmt.Sprint(f.custom[1].ID)}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("versions = %v, want %v", got, want)
		}
		if len(r.Changes) != 3 {
			t.Fatalf("changes = %+v", r.Changes)
		}
		for _, c := range r.Changes {
			if c.CreatedAt.Before(day(3)) || !c.CreatedAt.Before(day(5)) || c.Summary == "" || c.FromSHA256 == "" || c.ToSHA256 == "" {
				t.Errorf("change = %+v", c)
			}
		}
		acme := r.Documents[0]
		if acme.Platform != "acme" || acme.AnchorSHA256 != f.terms[0].SHA256 || acme.HeadSHA256 != f.terms[3].SHA256 || acme.VersionCount != 3 {
			t.Errorf("acme segment = %+v", acme)
		}
		if custom := r.Documents[1]; !custom.Custom || custom.AnchorSHA256 != "" || custom.VersionCount != 2 {
			t.Errorf("custom segment = %+v", custom)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{"GLOBEX-SECRET", "THEIRS-SECRET", "Their supplier", "globex"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("report shows another organization's %q", secret)
			}
		}
		back, err := auditreport.Read(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if n, err := auditreport.Verify(back); err != nil || n != 5 {
			t.Errorf("Verify = %d, %v", n, err)
		}

		// A period with no change still carries the segment it sits on.
		quiet, err := auditreport.BuildOrganization(context.Background(), st, f.ours.ID, day(20), day(21), day(22))
		if err != nil || len(quiet.Changes) != 0 || len(quiet.Versions) != 2 {
			t.Fatalf("quiet period = %+v, %v", quiet, err)
		}
		if n, err := auditreport.Verify(quiet); err != nil || n != 2 {
			t.Errorf("Verify quiet = %d, %v", n, err)
		}
		if _, err := auditreport.BuildOrganization(context.Background(), st, f.ours.ID, day(5), day(5), day(6)); err == nil {
			t.Error("empty period accepted")
		}
	})
}

func TestVerifyOrganizationFindsTampering(t *testing.T) {
	st := storetest.SQLite(t)
	f := seedOrgs(t, st)
	good, err := auditreport.BuildOrganization(context.Background(), st, f.ours.ID, day(2), day(6), day(7))
	if err != nil {
		t.Fatal(err)
	}
	// Acme: v1 (anchor) … v5 at indexes 0..4; custom at 5 and 6.
	if len(good.Versions) != 7 {
		t.Fatalf("versions = %d", len(good.Versions))
	}
	b, _ := json.Marshal(good)
	fresh := func() *auditreport.OrganizationReport {
		var r auditreport.OrganizationReport
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		return &r
	}
	tests := []struct {
		name    string
		tamper  func(r *auditreport.OrganizationReport)
		version int // index of the version blamed, -1 for a change, -2 for a document
		reason  string
	}{
		{"edited markdown", func(r *auditreport.OrganizationReport) {
			r.Versions[2].Markdown = strings.Replace(r.Versions[2].Markdown, "sell", "never sell", 1)
		}, 2, "does not match its text"},
		{"edited hash", func(r *auditreport.OrganizationReport) {
			r.Versions[3].SHA256 = strings.Repeat("0", 64)
		}, 3, "does not match its text"},
		{"edited text with a recomputed hash", func(r *auditreport.OrganizationReport) {
			v := &r.Versions[2]
			v.Markdown += "\nExtra.\n"
			v.SHA256 = recorder.ChainHash(v.PrevSHA256, v.Markdown)
		}, 3, "prev_sha256 does not match"},
		{"removed middle version", func(r *auditreport.OrganizationReport) {
			r.Versions = append(r.Versions[:2], r.Versions[3:]...)
		}, 3, "prev_sha256 does not match"},
		{"removed anchor", func(r *auditreport.OrganizationReport) {
			r.Versions = r.Versions[1:]
		}, 1, "anchor_sha256"},
		{"removed head", func(r *auditreport.OrganizationReport) {
			r.Versions = append(r.Versions[:4], r.Versions[5:]...)
		}, 3, "head_sha256"},
		{"reordered versions", func(r *auditreport.OrganizationReport) {
			r.Versions[1], r.Versions[2] = r.Versions[2], r.Versions[1]
		}, 2, "prev_sha256 does not match"},
		{"edited change hash", func(r *auditreport.OrganizationReport) {
			r.Changes[0].ToSHA256 = strings.Repeat("1", 64)
		}, -1, "to_sha256"},
		{"version of an unlisted document", func(r *auditreport.OrganizationReport) {
			r.Documents = r.Documents[:1]
		}, 5, "does not list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fresh()
			tt.tamper(r)
			_, err := auditreport.Verify(r)
			var be *auditreport.BrokenError
			if !errors.As(err, &be) {
				t.Fatalf("Verify = %v, want a broken chain", err)
			}
			switch {
			case tt.version >= 0 && be.VersionID != good.Versions[tt.version].ID:
				t.Errorf("blamed version %d, want %d (%v)", be.VersionID, good.Versions[tt.version].ID, err)
			case tt.version == -1 && be.ChangeID != good.Changes[0].ID:
				t.Errorf("blamed %v", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not say %q", err, tt.reason)
			}
		})
	}
	if _, err := auditreport.Read(strings.NewReader(`{"format":"clausewatch.audit.v9"}`)); err == nil {
		t.Error("unknown format read")
	}
}

func TestWriteCSVAndHTML(t *testing.T) {
	st := storetest.SQLite(t)
	f := seedOrgs(t, st)
	r, err := auditreport.BuildOrganization(context.Background(), st, f.ours.ID, day(1), day(6), day(7))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := auditreport.WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Acme's four changes and the custom document's one, after the header.
	if len(rows) != 6 || rows[0][0] != "timestamp" || rows[0][5] != "provisions" {
		t.Fatalf("rows = %q", rows)
	}
	first := rows[1]
	if first[0] != day(2).Add(9*time.Hour).Format(time.RFC3339) || first[1] != "Acme" || first[2] != "Terms of Service" ||
		!strings.Contains(first[5], "data_sale:added:high") || first[6] != f.terms[0].SHA256 || first[7] != f.terms[1].SHA256 {
		t.Errorf("first row = %q", first)
	}
	customRows := 0
	for _, row := range rows[1:] {
		if strings.HasPrefix(row[2], "Supplier") {
			customRows++
			if row[1] != "" || row[7] != f.custom[1].SHA256 {
				t.Errorf("custom row = %q", row)
			}
		}
	}
	if customRows != 1 {
		t.Errorf("%d rows of the custom document", customRows)
	}

	buf.Reset()
	if err := auditreport.WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"@media print", "Audit report: Ours", "2026-03-01 to 2026-03-05", f.terms[4].SHA256, r.Versions[0].SnapshotSHA256[0], "Sale of", "&lt;script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(strings.ToLower(page), "<script") {
		t.Error("HTML has a script element")
	}
}
