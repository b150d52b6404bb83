package app

import (
	"net/http"
	"testing"
)

func TestAPIPlatformsShapes(t *testing.T) {
	ta := newTestApp(t)
	f, _ := seedEngine(t, ta)

	res, out := ta.apiCall("GET", "/api/v1/platforms", "", "")
	wantStatus(t, res, http.StatusOK)
	list := out["platforms"].([]any)
	if len(list) != 2 {
		t.Fatalf("platforms = %v", list)
	}
	acme := list[0].(map[string]any)
	if acme["slug"] != "acme" || acme["name"] != "Acme" || acme["category"] != "Productivity" ||
		acme["documents"] != 2.0 || acme["last_change_at"] != "2026-03-02T09:00:00Z" || acme["url"] != "/platforms/acme" {
		t.Errorf("acme = %v", acme)
	}
	if globex := list[1].(map[string]any); globex["last_change_at"] != nil || globex["documents"] != 1.0 {
		t.Errorf("globex = %v", globex)
	}
	_, out = ta.apiCall("GET", "/api/v1/platforms?q=GLOB", "", "")
	if l := out["platforms"].([]any); len(l) != 1 || l[0].(map[string]any)["slug"] != "globex" {
		t.Errorf("search = %v", l)
	}

	res, out = ta.apiCall("GET", "/api/v1/platforms/acme", "", "")
	wantStatus(t, res, http.StatusOK)
	if p := out["platform"].(map[string]any); p["slug"] != "acme" || p["jurisdiction"] != "US" {
		t.Errorf("platform = %v", p)
	}
	docs := out["documents"].([]any)
	if len(docs) != 2 {
		t.Fatalf("documents = %v", docs)
	}
	pending, terms := docs[0].(map[string]any), docs[1].(map[string]any)
	if pending["type"] != "Privacy Policy" || pending["state"] != "pending" || pending["latest_version"] != nil || pending["last_checked_at"] != nil {
		t.Errorf("pending document = %v", pending)
	}
	latest, _ := terms["latest_version"].(map[string]any)
	if terms["state"] != "ok" || terms["last_checked_at"] != "2026-03-02T09:00:00Z" || latest["sha256"] != f.acmeV2.SHA256 || latest["id"] != float64(f.acmeV2.ID) {
		t.Errorf("terms = %v", terms)
	}

	res, out = ta.apiCall("GET", "/api/v1/platforms/acme/changes", "", "")
	wantStatus(t, res, http.StatusOK)
	changes := out["changes"].([]any)
	if len(changes) != 1 {
		t.Fatalf("changes = %v", changes)
	}
	c := changes[0].(map[string]any)
	stats, _ := c["stats"].(map[string]any)
	doc, _ := c["document"].(map[string]any)
	if c["id"] != float64(f.acmeChange.ID) || c["summary"] != f.acmeChange.Summary || c["severity"] != "high" ||
		c["created_at"] != "2026-03-02T09:00:00Z" || doc["type"] != "Terms of Service" ||
		stats["added_words"] != float64(f.acmeChange.AddedWords) || stats["sections_changed"] != 2.0 || stats["removed_words"] == nil {
		t.Errorf("change = %v", c)
	}
	if _, hasProvisions := c["provisions"]; hasProvisions {
		t.Error("the timeline lists provisions")
	}

	tests := []struct {
		path   string
		status int
	}{
		{"/api/v1/platforms/nope", http.StatusNotFound},
		{"/api/v1/platforms/nope/changes", http.StatusNotFound},
		{"/api/v1/platforms/acme/changes?limit=0", http.StatusBadRequest},
		{"/api/v1/platforms/acme/changes?limit=x", http.StatusBadRequest},
	}
	for _, tt := range tests {
		res, out := ta.apiCall("GET", tt.path, "", "")
		wantStatus(t, res, tt.status)
		if errorCode(out) == "" {
			t.Errorf("%s: no error code in %v", tt.path, out)
		}
	}
	// A bad token is refused even where none is needed.
	res, _ = ta.apiCall("GET", "/api/v1/platforms", "cw_bogus", "")
	wantStatus(t, res, http.StatusUnauthorized)
}
