package app

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/analysis"
)

func TestCompliancePagesShowEvidenceOnlyToEntitledOrganizations(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	evidence := "We may use your content to train our artificial intelligence models."
	peerEvidence := "Globex uses customer content to train its machine learning models."

	b := ta.browser()
	wantRedirect(t, b.login("owner@example.com", goodPassword), "/app")
	anonymous := ta.browser()
	changePath := "/changes/" + itoa(f.acmeChange.ID)

	// Free plan and anonymous visitors: category names and the way to
	// upgrade, never the evidence.
	for _, who := range []*browser{anonymous, b} {
		for _, path := range []string{"/platforms/acme", changePath} {
			res := who.get(path)
			wantStatus(t, res, http.StatusOK)
			if !strings.Contains(res.Body, "AI training") || !strings.Contains(res.Body, `href="/pricing"`) {
				t.Errorf("%s: no teaser", path)
			}
			for _, secret := range []string{"<blockquote>", "Governance exposure", peerEvidence, "What to do", "GDPR"} {
				if strings.Contains(res.Body, secret) {
					t.Errorf("%s shows %q without the Compliance plan", path, secret)
				}
			}
		}
	}

	if err := ta.store.SetOrganizationPlan(context.Background(), f.ownerOrg.ID, billing.PlanCompliance); err != nil {
		t.Fatal(err)
	}
	aiTraining, _ := analysis.Lookup("ai_training")
	res := b.get("/platforms/acme")
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{
		"Governance exposure: <span class=\"severity-high\">High</span>",
		"<blockquote>" + evidence + "</blockquote>",
		"How other platforms handle this", `<a href="/platforms/globex">Globex</a>`, peerEvidence,
		aiTraining.Regulations[0].Name, "What to do:", `href="/app/audit/acme.json"`, "Governance timeline", `href="/changes/` + itoa(f.acmeChange.ID) + `"`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("platform page lacks %q", want)
		}
	}
	if strings.Contains(res.Body, "Provisions found:") {
		t.Error("entitled visitor sees the teaser")
	}
	// The governance timeline narrows to one provision.
	filtered := b.get("/platforms/acme?provision=arbitration").Body
	if !strings.Contains(filtered, "No provision changes recorded for this provision") {
		t.Error("provision filter ignored")
	}

	res = b.get(changePath)
	wantStatus(t, res, http.StatusOK)
	for _, want := range []string{"<blockquote>" + evidence + "</blockquote>", "added", "severity-high", "Regulations:"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("change page lacks %q", want)
		}
	}
}
