package app

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// The activity page shows owners and admins their organization's audit log
// in words, with who acted, and nothing of another organization's; members
// are refused.
func TestActivityPageShowsTheOrganizationsAuditLog(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, acme := ta.owner("ada@example.com", "Acme", billing.PlanMonitor)
	_, evil := ta.owner("eve@example.com", "Evil Corp", billing.PlanFree)
	if err := ta.store.AppendAudit(ctx, &acme.ID, nil, store.AuditPlanChange, "free → monitor (plan set)"); err != nil {
		t.Fatal(err)
	}
	if err := ta.store.AppendAudit(ctx, &evil.ID, nil, store.AuditPlanChange, "evil-secret-detail"); err != nil {
		t.Fatal(err)
	}
	bob := ta.invite(owner, "bob@example.com", nil)

	page := owner.get("/app/activity")
	wantStatus(t, page, http.StatusOK)
	for _, want := range []string{"Plan changed", "free → monitor (plan set)", "System", "Invited a member", "ada@example.com",
		"Joined the organization", "bob@example.com", "Signed up"} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("activity page lacks %q", want)
		}
	}
	if strings.Contains(page.Body, "evil-secret-detail") || strings.Contains(page.Body, "eve@example.com") {
		t.Error("activity page shows another organization's entries")
	}
	if !strings.Contains(owner.get("/app").Body, `href="/app/activity"`) {
		t.Error("owners have no link to the activity page")
	}

	wantStatus(t, bob.get("/app/activity"), http.StatusForbidden)
	if strings.Contains(bob.get("/app").Body, `href="/app/activity"`) {
		t.Error("members see a link to a page they may not open")
	}
	wantRedirect(t, ta.browser().get("/app/activity"), "/login?next=%2Fapp%2Factivity")
}
