package app

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

func TestAuditExportRoundTrip(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	b := ta.browser()

	wantStatus(t, b.get("/app/audit/acme.json"), http.StatusSeeOther) // log in first
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")
	for _, plan := range []string{billing.PlanFree, billing.PlanMonitor} {
		if err := ta.store.SetOrganizationPlan(context.Background(), f.ownerOrg.ID, plan); err != nil {
			t.Fatal(err)
		}
		res := b.get("/app/audit/acme.json")
		wantStatus(t, res, http.StatusPaymentRequired)
		if strings.Contains(res.Body, "sha256") {
			t.Error("402 page leaks the report")
		}
	}
	if err := ta.store.SetOrganizationPlan(context.Background(), f.ownerOrg.ID, billing.PlanCompliance); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get("/app/audit/nope.json"), http.StatusNotFound)
	wantStatus(t, b.get("/app/audit/acme.csv"), http.StatusNotFound)

	res := b.get("/app/audit/acme.json")
	wantStatus(t, res, http.StatusOK)
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "clausewatch-audit-acme.json") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	var r auditreport.Report
	if err := json.Unmarshal([]byte(res.Body), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Versions) != 2 || len(r.Changes) != 1 || r.Versions[1].Markdown != acmeTermsV2 ||
		r.Versions[1].PrevSHA256 != f.acmeV1.SHA256 || len(r.Changes[0].Provisions) == 0 {
		t.Fatalf("report = %+v", r)
	}
	for _, v := range r.Versions {
		if v.Document == f.customDoc.ID {
			t.Error("report includes a custom document")
		}
	}
	if n, err := auditreport.Verify(&r); err != nil || n != 2 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	r.Versions[0].Markdown = strings.Replace(r.Versions[0].Markdown, "do not sell", "sell", 1)
	var be *auditreport.BrokenError
	if _, err := auditreport.Verify(&r); !errors.As(err, &be) || be.VersionID != f.acmeV1.ID {
		t.Fatalf("tampered report: %v", err)
	}

	entries, err := ta.store.AuditLog(context.Background(), f.ownerOrg.ID, 10)
	if err != nil || len(entries) == 0 || entries[0].Action != store.AuditExport {
		t.Errorf("audit log = %+v, %v", entries, err)
	}
}
