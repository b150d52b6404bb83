package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
)

// TestPagesFollowTheRole checks what the templates decide from the role:
// how the dashboard and the invitation name it, the role labels on the
// members page, and the activity link only owners and admins get.
func TestPagesFollowTheRole(t *testing.T) {
	ta := newTestApp(t)
	owner := ta.browser()
	wantRedirect(t, owner.signup("ada@example.com", goodPassword, "Acme"), "/app")
	ta.verified("ada@example.com")
	org, _ := ta.store.OrganizationBySlug(context.Background(), "acme")
	if err := ta.store.SetOrganizationPlan(context.Background(), org.ID, billing.PlanMonitor); err != nil {
		t.Fatal(err)
	}
	member := ta.invite(owner, "bob@example.com", nil)

	wantRedirect(t, owner.post("/app/members/invite", url.Values{"email": {"cy@example.com"}, "role": {"admin"}}), "/app/members")
	link := ta.mailLink("cy@example.com", "/invitations/")
	admin := ta.browser()
	page := admin.get(link)
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.Body, "You are invited as an admin") {
		t.Fatalf("invitation page does not name the admin role:\n%s", page.Body)
	}
	wantRedirect(t, admin.post(link, url.Values{"password": {goodPassword}}), "/app")

	tests := []struct {
		name     string
		b        *browser
		you      string
		activity bool
	}{
		{"owner", owner, "you are the owner", true},
		{"admin", admin, "you are an admin", true},
		{"member", member, "you are a member", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dash := tt.b.get("/app")
			wantStatus(t, dash, http.StatusOK)
			if !strings.Contains(dash.Body, tt.you) {
				t.Errorf("dashboard lacks %q", tt.you)
			}
			if got := strings.Contains(dash.Body, `href="/app/activity"`); got != tt.activity {
				t.Errorf("activity link shown = %v, want %v", got, tt.activity)
			}
		})
	}

	members := owner.get("/app/members")
	wantStatus(t, members, http.StatusOK)
	for _, want := range []string{"<td>Owner</td>", "<td>Admin</td>", "<td>Member</td>"} {
		if !strings.Contains(members.Body, want) {
			t.Errorf("members page lacks %q", want)
		}
	}
	orgs := admin.get("/app/organizations")
	wantStatus(t, orgs, http.StatusOK)
	if !strings.Contains(orgs.Body, "<td>Admin</td>") {
		t.Errorf("organizations page does not show the admin role:\n%s", orgs.Body)
	}
}
