package app

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// seedAuditWatches makes the owner organization watch Acme, and another
// organization watch Globex and a custom document of its own with a change
// on the same day as Acme's.
func seedAuditWatches(t *testing.T, ta *testApp, f *engineFixture) {
	t.Helper()
	ctx := context.Background()
	if _, err := ta.store.AddPlatformWatch(ctx, f.ownerOrg.ID, f.acme.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	_, other := apiToken(t, ta, "other@example.com", "Other Co", billing.PlanCompliance)
	globex, err := ta.store.PlatformBySlug(ctx, "globex")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddPlatformWatch(ctx, other.ID, globex.ID, nil, 100); err != nil {
		t.Fatal(err)
	}
	doc := &store.Document{Name: "OTHER-SECRET supplier", Sources: store.JSONText(`[{"fetch":"https://other.example"}]`)}
	if _, err := ta.store.AddCustomWatch(ctx, other.ID, doc, nil, 100); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	recordVersion(t, ta.store, doc.ID, "# Other\n\nOTHER-SECRET one.\n", day)
	recordVersion(t, ta.store, doc.ID, "# Other\n\nOTHER-SECRET two, and we sell your data.\n", day.Add(24*time.Hour))
}

func TestOrganizationAuditExport(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	seedAuditWatches(t, ta, f)
	ctx := context.Background()
	b := ta.browser()
	const period = "?from=2026-03-01&to=2026-03-31"

	wantStatus(t, b.get("/app/audit/report.json"+period), http.StatusSeeOther)
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")
	for _, plan := range []string{billing.PlanFree, billing.PlanMonitor} {
		if err := ta.store.SetOrganizationPlan(ctx, f.ownerOrg.ID, plan); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/app/audit", "/app/audit/report.html" + period, "/app/audit/report.json" + period, "/app/audit/report.csv" + period} {
			res := b.get(path)
			wantStatus(t, res, http.StatusPaymentRequired)
			if strings.Contains(res.Body, f.acmeV2.SHA256) {
				t.Errorf("%s on %s leaks the report", path, plan)
			}
		}
	}
	if err := ta.store.SetOrganizationPlan(ctx, f.ownerOrg.ID, billing.PlanCompliance); err != nil {
		t.Fatal(err)
	}

	page := b.get("/app/audit")
	wantStatus(t, page, http.StatusOK)
	for _, want := range []string{`action="/app/audit/report.html"`, `formaction="/app/audit/report.csv"`, "/app/audit/report.json?from="} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("audit page lacks %s", want)
		}
	}

	res := b.get("/app/audit/report.json" + period)
	wantStatus(t, res, http.StatusOK)
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "clausewatch-audit-owner-co-2026-03-01-2026-03-31.json") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	r, err := auditreport.Read(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := auditreport.Verify(r); err != nil || n != 2 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	org := r.(*auditreport.OrganizationReport)
	if len(org.Changes) != 1 || org.Changes[0].ID != f.acmeChange.ID || org.Changes[0].ToSHA256 != f.acmeV2.SHA256 {
		t.Errorf("changes = %+v", org.Changes)
	}
	for _, body := range []string{res.Body, b.get("/app/audit/report.csv" + period).Body, b.get("/app/audit/report.html" + period).Body} {
		for _, secret := range []string{"OTHER-SECRET", "Globex", globexPrivacy[:20]} {
			if strings.Contains(body, secret) {
				t.Errorf("export shows another organization's %q", secret)
			}
		}
	}

	csvRes := b.get("/app/audit/report.csv" + period)
	wantStatus(t, csvRes, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(csvRes.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][1] != "Acme" || rows[1][6] != f.acmeV1.SHA256 || rows[1][7] != f.acmeV2.SHA256 || !strings.Contains(rows[1][5], "data_sale:") {
		t.Errorf("csv rows = %q", rows)
	}

	html := b.get("/app/audit/report.html" + period)
	wantStatus(t, html, http.StatusOK)
	if !strings.Contains(html.Body, "&lt;script&gt;alert(") || strings.Contains(strings.ToLower(html.Body), "<script") {
		t.Error("policy text's <script> is not escaped in the HTML report")
	}
	if csp := html.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP = %q", csp)
	}

	// Before Acme's change: its first version is the whole segment.
	early := b.get("/app/audit/report.json?from=2026-02-01&to=2026-03-01")
	wantStatus(t, early, http.StatusOK)
	if strings.Contains(early.Body, f.acmeV2.SHA256) || !strings.Contains(early.Body, f.acmeV1.SHA256) {
		t.Error("a report of February holds the wrong versions")
	}

	for _, bad := range []struct{ query, says string }{
		{"", "from=YYYY-MM-DD"},
		{"?from=2026-13-01&to=2026-12-31", "start date"},
		{"?from=2026-03-01&to=31/03/2026", "end date"},
		{"?from=2026-03-31&to=2026-03-01", "before the start date"},
		{"?from=2020-01-01&to=2026-01-01", "longer than 3 years"},
	} {
		res := b.get("/app/audit/report.json" + bad.query)
		wantStatus(t, res, http.StatusBadRequest)
		if !strings.Contains(res.Body, bad.says) {
			t.Errorf("%q: body does not say %q", bad.query, bad.says)
		}
	}

	entries, err := ta.store.AuditLog(ctx, f.ownerOrg.ID, 20)
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, e := range entries {
		if e.Action == store.AuditExport && strings.Contains(e.Detail, "2026-03-01") {
			exports++
		}
	}
	if exports < 5 { // json, csv ×2, html ×2 of March
		t.Errorf("%d exports logged, want at least 5: %+v", exports, entries)
	}
}
