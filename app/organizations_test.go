package app

import (
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
)

// A member of two organizations lists them and switches between them; an
// organization they are not in cannot be switched to.
func TestSwitchOrganization(t *testing.T) {
	ta := newTestApp(t)
	ada, acme := ta.owner("ada@example.com", "Acme", billing.PlanFree)
	bob, _ := ta.owner("bob@example.com", "Beta", billing.PlanMonitor)
	_, evil := ta.owner("eve@example.com", "Evil Corp", billing.PlanFree)
	ta.invite(bob, "ada@example.com", ada)

	list := ada.get("/app/organizations")
	wantStatus(t, list, http.StatusOK)
	for _, want := range []string{"Acme", "Beta", "Owner", "Member", "Monitor", `action="/app/organizations/` + itoa(acme.ID) + `/switch"`, "<strong>Current</strong>"} {
		if !strings.Contains(list.Body, want) {
			t.Errorf("organizations page lacks %q", want)
		}
	}
	if strings.Contains(list.Body, "Evil Corp") {
		t.Error("organizations page lists an organization the user is not in")
	}

	wantRedirect(t, ada.post("/app/organizations/"+itoa(acme.ID)+"/switch", nil), "/app")
	if d := ada.get("/app"); !strings.Contains(d.Body, "<h1>Acme</h1>") || !strings.Contains(d.Body, "You are now working in Acme.") {
		t.Fatal("the session did not move to Acme")
	}
	wantStatus(t, ada.post("/app/organizations/"+itoa(evil.ID)+"/switch", nil), http.StatusNotFound)
	if d := ada.get("/app"); !strings.Contains(d.Body, "<h1>Acme</h1>") {
		t.Fatal("a refused switch moved the session")
	}
	wantStatus(t, ada.post("/app/organizations/abc/switch", nil), http.StatusNotFound)
}
