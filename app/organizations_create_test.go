package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/store"
)

func TestCreateAnotherOrganization(t *testing.T) {
	ta := newTestApp(t)
	owner, first := ta.owner("owner@example.com", "First Co", "monitor")

	res := owner.post("/app/organizations", url.Values{"organization": {"  "}})
	wantStatus(t, res, http.StatusUnprocessableEntity)

	wantRedirect(t, owner.post("/app/organizations", url.Values{"organization": {"Second Co"}}), "/app")
	res = owner.get("/app/organizations")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, "You belong to 2 organizations") {
		t.Fatalf("new organization not listed:\n%s", res.Body)
	}
	ctx := context.Background()
	u, err := ta.store.UserByEmail(ctx, "owner@example.com")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := ta.store.MembershipsOfUser(ctx, u.ID)
	if err != nil || len(ms) != 2 {
		t.Fatalf("memberships %v %v", ms, err)
	}
	for _, m := range ms {
		if m.OrganizationID == first.ID {
			continue
		}
		if m.Role != store.RoleOwner || m.Organization.Plan != "free" || m.Organization.Name != "Second Co" {
			t.Errorf("new organization %+v, role %s", m.Organization, m.Role)
		}
	}
	// The session now works in the new organization: its watchlist is empty
	// and its plan is Free.
	if res := owner.get("/app/billing"); !strings.Contains(res.Body, "Free") {
		t.Errorf("session did not move to the new organization:\n%s", res.Body)
	}

	unverified := ta.browser()
	wantRedirect(t, unverified.signup("new@example.com", goodPassword, "New Co"), "/app")
	wantStatus(t, unverified.post("/app/organizations", url.Values{"organization": {"Another"}}), http.StatusForbidden)
}
