package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

func membershipID(t *testing.T, ta *testApp, orgSlug, email string) int64 {
	t.Helper()
	ctx := context.Background()
	org, err := ta.store.OrganizationBySlug(ctx, orgSlug)
	if err != nil {
		t.Fatal(err)
	}
	u, err := ta.store.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ta.store.MembershipOfUser(ctx, org.ID, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return m.ID
}

func TestInvitationsAndMemberLimit(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner := ta.browser()
	wantRedirect(t, owner.signup("ada@example.com", goodPassword, "Acme"), "/app")
	ta.verified("ada@example.com")

	invite := url.Values{"email": {"bob@example.com"}, "role": {"member"}}
	res := owner.post("/app/members/invite", invite)
	wantStatus(t, res, http.StatusPaymentRequired)
	if !strings.Contains(res.Body, "The Free plan has 1 member") || !strings.Contains(res.Body, `value="bob@example.com"`) {
		t.Fatalf("limit page lacks the explanation or the input:\n%s", res.Body)
	}

	org, _ := ta.store.OrganizationBySlug(ctx, "acme")
	if err := ta.store.SetOrganizationPlan(ctx, org.ID, billing.PlanMonitor); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, owner.post("/app/members/invite", url.Values{"email": {"bob@"}, "role": {"member"}}), http.StatusUnprocessableEntity)
	wantStatus(t, owner.post("/app/members/invite", url.Values{"email": {"ada@example.com"}, "role": {"member"}}), http.StatusUnprocessableEntity)
	wantRedirect(t, owner.post("/app/members/invite", invite), "/app/members")
	if page := owner.get("/app/members"); !strings.Contains(page.Body, "bob@example.com") {
		t.Fatal("pending invitation not listed")
	}

	// Bob has no account: the link offers a password form.
	link := ta.mailLink("bob@example.com", "/invitations/")
	bob := ta.browser()
	page := bob.get(link)
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.Body, "Join Acme") || !strings.Contains(page.Body, `name="password"`) {
		t.Fatalf("invitation page:\n%s", page.Body)
	}
	wantStatus(t, bob.post(link, url.Values{"password": {"short"}}), http.StatusUnprocessableEntity)
	wantRedirect(t, bob.post(link, url.Values{"password": {goodPassword}}), "/app")
	dash := bob.get("/app")
	if !strings.Contains(dash.Body, "Acme") || strings.Contains(dash.Body, "Please confirm") {
		t.Fatal("invited member does not land verified in Acme")
	}
	wantStatus(t, bob.get(link), http.StatusNotFound) // used

	// Members cannot invite or remove.
	wantStatus(t, bob.post("/app/members/invite", url.Values{"email": {"cy@example.com"}, "role": {"member"}}), http.StatusForbidden)
	adaID := membershipID(t, ta, "acme", "ada@example.com")
	wantStatus(t, bob.post("/app/members/"+itoa(adaID)+"/remove", nil), http.StatusForbidden)

	// An existing account accepts while logged in.
	cy := ta.browser()
	wantRedirect(t, cy.signup("cy@example.com", goodPassword, "Cy Ltd"), "/app")
	wantRedirect(t, owner.post("/app/members/invite", url.Values{"email": {"cy@example.com"}, "role": {"admin"}}), "/app/members")
	cyLink := ta.mailLink("cy@example.com", "/invitations/")
	if p := ta.browser().get(cyLink); !strings.Contains(p.Body, "Log in to accept") {
		t.Fatal("anonymous visitor with an existing account is not asked to log in")
	}
	if p := bob.get(cyLink); !strings.Contains(p.Body, "this invitation is for cy@example.com") {
		t.Fatal("someone else's invitation not refused")
	}
	wantRedirect(t, cy.post(cyLink, nil), "/app")
	if d := cy.get("/app"); !strings.Contains(d.Body, "<h1>Acme</h1>") {
		t.Fatal("session not switched to the joined organization")
	}

	// Audit trail.
	entries, err := ta.store.AuditLog(ctx, org.ID, 20)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, e := range entries {
		actions[e.Action]++
	}
	if actions[store.AuditInvite] != 2 || actions[store.AuditAccept] != 2 || actions[store.AuditSignup] != 1 {
		t.Fatalf("audit actions = %v", actions)
	}
}

func TestRemoveLeaveTransfer(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner := ta.browser()
	wantRedirect(t, owner.signup("ada@example.com", goodPassword, "Acme"), "/app")
	ta.verified("ada@example.com")
	org, _ := ta.store.OrganizationBySlug(ctx, "acme")
	if err := ta.store.SetOrganizationPlan(ctx, org.ID, billing.PlanMonitor); err != nil {
		t.Fatal(err)
	}
	join := func(email string) *browser {
		wantRedirect(t, owner.post("/app/members/invite", url.Values{"email": {email}, "role": {"member"}}), "/app/members")
		b := ta.browser()
		wantRedirect(t, b.post(ta.mailLink(email, "/invitations/"), url.Values{"password": {goodPassword}}), "/app")
		return b
	}
	bob, cy := join("bob@example.com"), join("cy@example.com")

	// The only owner cannot leave.
	res := owner.post("/app/members/leave", nil)
	wantStatus(t, res, http.StatusConflict)
	if !strings.Contains(res.Body, "transfer ownership") {
		t.Fatal("no explanation for the last owner")
	}

	// Removing Bob ends his session.
	wantRedirect(t, owner.post("/app/members/"+itoa(membershipID(t, ta, "acme", "bob@example.com"))+"/remove", nil), "/app/members")
	wantRedirect(t, bob.get("/app"), "/login?next=%2Fapp")

	// Transfer to Cy; Ada becomes an admin and may now leave.
	cyID := membershipID(t, ta, "acme", "cy@example.com")
	wantStatus(t, cy.post("/app/members/"+itoa(cyID)+"/transfer", nil), http.StatusForbidden)
	wantRedirect(t, owner.post("/app/members/"+itoa(cyID)+"/transfer", nil), "/app/members")
	if m, _ := ta.store.MembershipOfUser(ctx, org.ID, mustUser(t, ta, "ada@example.com")); m.Role != store.RoleAdmin {
		t.Fatalf("former owner's role = %s", m.Role)
	}
	adaID := membershipID(t, ta, "acme", "ada@example.com")
	wantRedirect(t, owner.post("/app/members/leave", nil), "/login")
	if _, err := ta.store.Membership(ctx, org.ID, adaID); err == nil {
		t.Fatal("membership still there after leaving")
	}
	// Ada has no organization left; logging in gives her a new one.
	wantRedirect(t, owner.login("ada@example.com", goodPassword), "/app")
	if d := owner.get("/app"); d.StatusCode != 200 || strings.Contains(d.Body, "<h1>Acme</h1>") {
		t.Fatalf("login after leaving: %d", d.StatusCode)
	}
}

func mustUser(t *testing.T, ta *testApp, email string) int64 {
	t.Helper()
	u, err := ta.store.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func TestTenantIsolation(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	a, b := ta.browser(), ta.browser()
	wantRedirect(t, a.signup("ada@example.com", goodPassword, "Acme"), "/app")
	wantRedirect(t, b.signup("bob@example.com", goodPassword, "Bobco"), "/app")
	ta.verified("bob@example.com")
	acme, _ := ta.store.OrganizationBySlug(ctx, "acme")
	if err := ta.store.SetOrganizationPlan(ctx, acme.ID, billing.PlanMonitor); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.post("/app/tokens", url.Values{"name": {"bob's"}}), http.StatusCreated)
	bobco, _ := ta.store.OrganizationBySlug(ctx, "bobco")
	toks, err := ta.store.APITokens(ctx, bobco.ID, mustUser(t, ta, "bob@example.com"))
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens: %v %v", toks, err)
	}
	if err := ta.store.SetOrganizationPlan(ctx, bobco.ID, billing.PlanMonitor); err != nil {
		t.Fatal(err)
	}
	wantRedirect(t, b.post("/app/members/invite", url.Values{"email": {"x@example.com"}}), "/app/members")
	invs, err := ta.store.PendingInvitations(ctx, bobco.ID, ta.clock.Now())
	if err != nil || len(invs) != 1 {
		t.Fatalf("invitations: %v %v", invs, err)
	}

	bobMember := itoa(membershipID(t, ta, "bobco", "bob@example.com"))
	for _, path := range []string{
		"/app/members/" + bobMember + "/remove",
		"/app/members/" + bobMember + "/transfer",
		"/app/tokens/" + itoa(toks[0].ID) + "/revoke",
		"/app/members/invitations/" + itoa(invs[0].ID) + "/revoke",
		"/app/members/abc/remove",
	} {
		wantStatus(t, a.post(path, nil), http.StatusNotFound)
	}
	if _, err := ta.store.Membership(ctx, bobco.ID, membershipID(t, ta, "bobco", "bob@example.com")); err != nil {
		t.Fatal("another organization's member was touched")
	}
	if toks, _ := ta.store.APITokens(ctx, bobco.ID, mustUser(t, ta, "bob@example.com")); len(toks) != 1 {
		t.Fatal("another organization's token was revoked")
	}
}
