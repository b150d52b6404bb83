package app

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAlertRulesAPI(t *testing.T) {
	ta := newTestApp(t)
	monitor, _ := apiToken(t, ta, "monitor@example.com", "Monitor Co", "monitor")
	comp, _ := apiToken(t, ta, "comp@example.com", "Comp Co", "compliance")

	res, out := ta.apiCall("GET", "/api/v1/alerts/rules", monitor, "")
	wantStatus(t, res, http.StatusOK)
	if out["available"] != false || out["organization"] != nil {
		t.Errorf("monitor rules = %v", out)
	}
	for _, tt := range []struct {
		name, token, body string
		status            int
		code              string
	}{
		{"plan without rules", monitor, `{"organization":{"categories":["ai_training"]}}`, http.StatusPaymentRequired, "feature_not_in_plan"},
		{"unknown category", comp, `{"organization":{"categories":["weather"]}}`, http.StatusUnprocessableEntity, "invalid"},
		{"unknown watch", comp, `{"watches":[{"watch_id":999999}]}`, http.StatusUnprocessableEntity, "invalid"},
		{"unknown top-level field", comp, `{"colour":"red"}`, http.StatusBadRequest, "bad_request"},
		{"malformed", comp, `{"organization":`, http.StatusBadRequest, "bad_request"},
		{"no token", "", `{}`, http.StatusUnauthorized, "unauthorized"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, out := ta.apiCall("PUT", "/api/v1/alerts/rules", tt.token, tt.body)
			wantStatus(t, res, tt.status)
			if e, _ := out["error"].(map[string]any); e["code"] != tt.code {
				t.Errorf("error = %v, want code %s", out, tt.code)
			}
		})
	}

	res, out = ta.apiCall("PUT", "/api/v1/alerts/rules", comp, `{"organization":{"categories":["ai_training"],"min_severity":"high"},"member":{"change_kinds":["added"]}}`)
	wantStatus(t, res, http.StatusOK)
	res, out = ta.apiCall("GET", "/api/v1/alerts/rules", comp, "")
	wantStatus(t, res, http.StatusOK)
	org, _ := out["organization"].(map[string]any)
	member, _ := out["member"].(map[string]any)
	if out["available"] != true || org["min_severity"] != "high" || member == nil {
		t.Fatalf("stored rules = %v", out)
	}
}

func TestAlertRulesForm(t *testing.T) {
	ta := newTestApp(t)
	owner, _ := ta.owner("owner@example.com", "Comp Co", "compliance")
	res := owner.get("/app/alerts")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, "No rules: every change alerts.") || !strings.Contains(res.Body, "AI training") {
		t.Fatalf("rules section missing:\n%s", res.Body)
	}
	wantRedirect(t, owner.post("/app/alerts/rules", url.Values{
		"scope": {"organization"}, "watch_id": {"0"}, "categories": {"ai_training", "arbitration"}, "min_severity": {"medium"},
	}), "/app/alerts")
	res = owner.get("/app/alerts")
	if !strings.Contains(res.Body, "<td>AI training, ") || !strings.Contains(res.Body, "medium") {
		t.Fatalf("saved rule not listed:\n%s", res.Body)
	}
	res = owner.post("/app/alerts/rules", url.Values{"scope": {"member"}, "categories": {"weather"}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.Body, "Unknown provision category") {
		t.Fatalf("refusal not shown:\n%s", res.Body)
	}
	wantRedirect(t, owner.post("/app/alerts/rules/delete", url.Values{"scope": {"organization"}, "watch_id": {"0"}}), "/app/alerts")
	if res := owner.get("/app/alerts"); !strings.Contains(res.Body, "No rules: every change alerts.") {
		t.Fatalf("rule not removed:\n%s", res.Body)
	}

	free, _ := ta.owner("free@example.com", "Free Co", "free")
	if res := free.get("/app/alerts"); !strings.Contains(res.Body, "come with the Compliance plan") {
		t.Fatalf("no upgrade path on Free:\n%s", res.Body)
	}
	wantStatus(t, free.post("/app/alerts/rules", url.Values{"scope": {"member"}}), http.StatusPaymentRequired)
}
