package app

import (
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
)

func TestAPIChangeProvisionsNeedComplianceAnalysis(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	freeToken, _ := apiToken(t, ta, "free@example.com", "Free Org", "")
	monitorToken, _ := apiToken(t, ta, "mon@example.com", "Mon Org", billing.PlanMonitor)
	complianceToken, _ := apiToken(t, ta, "comp@example.com", "Comp Org", billing.PlanCompliance)
	path := "/api/v1/changes/" + itoa(f.acmeChange.ID)

	tests := []struct {
		name, token, query string
		status             int
		provisions         bool
	}{
		{"anonymous", "", "", http.StatusOK, false},
		{"anonymous asking for analysis", "", "?analysis=1", http.StatusPaymentRequired, false},
		{"free", freeToken, "", http.StatusOK, false},
		{"free asking for analysis", freeToken, "?analysis=1", http.StatusPaymentRequired, false},
		{"monitor asking for analysis", monitorToken, "?analysis=1", http.StatusPaymentRequired, false},
		{"compliance", complianceToken, "", http.StatusOK, true},
		{"compliance asking for analysis", complianceToken, "?analysis=1", http.StatusOK, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, out := ta.apiCall("GET", path+tt.query, tt.token, "")
			wantStatus(t, res, tt.status)
			if tt.status != http.StatusOK {
				if errorCode(out) == "" || !strings.Contains(res.Body, "Compliance") {
					t.Errorf("402 body = %s", res.Body)
				}
				return
			}
			if out["summary"] != f.acmeChange.Summary || out["severity"] != "high" || out["materiality"] != "substantive" {
				t.Errorf("change = %v", out)
			}
			sections, _ := out["sections"].([]any)
			if len(sections) != 2 || sections[0].(map[string]any)["heading"] == nil {
				t.Errorf("sections = %v", out["sections"])
			}
			ps, has := out["provisions"]
			if has != tt.provisions {
				t.Fatalf("provisions present = %v, want %v: %s", has, tt.provisions, res.Body)
			}
			if !has {
				if strings.Contains(res.Body, "evidence") {
					t.Error("evidence leaked without entitlement")
				}
				return
			}
			cats := map[string]bool{}
			for _, p := range ps.([]any) {
				pm := p.(map[string]any)
				cats[pm["category"].(string)] = true
				if pm["evidence"] == "" || pm["severity"] == "" || pm["change"] != "added" {
					t.Errorf("provision = %v", pm)
				}
			}
			if !cats["ai_training"] || !cats["data_sale"] {
				t.Errorf("categories = %v", cats)
			}
		})
	}
}

func TestCustomDocumentsAreTheirOrganizationsOnly(t *testing.T) {
	ta := newTestApp(t)
	f, ownerToken := seedEngine(t, ta)
	otherToken, _ := apiToken(t, ta, "other@example.com", "Other Org", billing.PlanCompliance)

	apiPath := "/api/v1/changes/" + itoa(f.customChange.ID)
	res, out := ta.apiCall("GET", apiPath, ownerToken, "")
	wantStatus(t, res, http.StatusOK)
	if doc := out["document"].(map[string]any); doc["name"] != "Supplier terms" {
		t.Errorf("owner sees %v", out)
	}
	for _, token := range []string{"", otherToken} {
		res, out := ta.apiCall("GET", apiPath, token, "")
		wantStatus(t, res, http.StatusNotFound)
		if errorCode(out) != "not_found" {
			t.Errorf("error = %v", out)
		}
	}

	pages := []string{
		"/changes/" + itoa(f.customChange.ID),
		"/documents/" + itoa(f.customDoc.ID),
		"/documents/" + itoa(f.customDoc.ID) + "/versions/" + itoa(f.customChange.ToVersionID),
		"/documents/" + itoa(f.customDoc.ID) + "/compare",
	}
	owner := ta.browser()
	wantRedirect(t, owner.login("owner@example.com", goodPassword), "/app")
	other := ta.browser()
	wantRedirect(t, other.login("other@example.com", goodPassword), "/app")
	anonymous := ta.browser()
	for _, path := range pages {
		res := owner.get(path)
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.Body, "Supplier terms") && !strings.Contains(res.Body, "ten years") {
			t.Errorf("owner's %s lacks the document", path)
		}
		for _, b := range []*browser{other, anonymous} {
			res := b.get(path)
			wantStatus(t, res, http.StatusNotFound)
			if strings.Contains(res.Body, "ten years") || strings.Contains(res.Body, "Supplier terms") {
				t.Errorf("%s leaks the custom document", path)
			}
		}
	}
	// Custom documents never appear in the catalogue.
	for _, b := range []*browser{owner, anonymous} {
		if body := b.get("/platforms/acme").Body; strings.Contains(body, "Supplier terms") {
			t.Error("platform page lists a custom document")
		}
	}
}
