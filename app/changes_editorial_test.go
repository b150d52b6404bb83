package app

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestEditorialChangeShownAsEditorial(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)
	typo := strings.Replace(acmeTermsV2, "advertising partners", "advertsing partners", 1)
	_, c := recordVersion(t, ta.store, f.acmeTerms.ID, typo, time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC))
	if c == nil || c.Materiality != "editorial" {
		t.Fatalf("change = %+v, want an editorial change", c)
	}

	res := ta.browser().get("/platforms/acme")
	wantStatus(t, res, http.StatusOK)
	i := strings.Index(res.Body, "/changes/"+itoa(c.ID)+`"`)
	if i < 0 || !strings.Contains(res.Body[i:min(i+400, len(res.Body))], "Editorial") {
		t.Errorf("the timeline entry of change %d is not marked Editorial", c.ID)
	}

	res, out := ta.apiCall("GET", "/api/v1/changes/"+itoa(c.ID), "", "")
	wantStatus(t, res, http.StatusOK)
	if out["materiality"] != "editorial" {
		t.Errorf("API change = %v, want materiality editorial", out)
	}
	res, _ = ta.apiCall("GET", "/api/v1/platforms/acme/changes", "", "")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, `"materiality":"editorial"`) || !strings.Contains(res.Body, `"materiality":"substantive"`) {
		t.Errorf("platform changes = %s, want both materialities", res.Body)
	}
}
