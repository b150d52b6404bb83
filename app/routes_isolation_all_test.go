package app

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// TestNoRouteShowsAnotherOrganizationsData complements the id probes of
// TestEveryIDRouteIsTenantScoped: another organization is filled with one
// of everything, and every GET route of the router, with and without a
// path parameter, is read as a member of a second organization (session
// for pages, token for the API). No answer carries a byte of the first
// organization's data.
func TestNoRouteShowsAnotherOrganizationsData(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	fx, _ := seedEngine(t, ta)
	victim := fx.ownerOrg
	if err := ta.store.SetOrganizationPlan(ctx, victim.ID, "compliance"); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddPlatformWatch(ctx, victim.ID, fx.acme.ID, nil, 25); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	member := &store.User{Email: "secret-member@example.com", PasswordHash: "x", EmailVerifiedAt: &now}
	if err := ta.store.CreateUser(ctx, member); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddMember(ctx, victim.ID, member.ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	inv := &store.Invitation{OrganizationID: victim.ID, Email: "secret-invitee@example.com", Role: store.RoleMember,
		TokenHash: "secret-invite-hash", ExpiresAt: time.Now().Add(time.Hour)}
	if err := ta.store.CreateInvitation(ctx, inv); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ta.server.accounts().CreateAPIToken(ctx, victim.ID, member.ID, "secret-token-name"); err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetFeedToken(ctx, victim.ID, "cwf_victim_secret"); err != nil {
		t.Fatal(err)
	}
	// The custom document's name is matched as an element's text or a JSON
	// string: the watchlist form's placeholder says "Supplier terms of
	// service".
	foreign := []string{"Owner Co", "owner-co", "owner@example.com", "secret-member@example.com", "secret-invitee@example.com",
		"secret-token-name", "cwf_victim_secret", ">Supplier terms<", `"Supplier terms"`, "ten years", fx.customChange.Summary}

	b := ta.browser()
	wantRedirect(t, b.signup("prober@example.com", goodPassword, "Prober"), "/app")
	ta.verified("prober@example.com")
	prober, err := ta.store.OrganizationBySlug(ctx, "prober")
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetOrganizationPlan(ctx, prober.ID, "compliance"); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddPlatformWatch(ctx, prober.ID, fx.acme.ID, nil, 25); err != nil {
		t.Fatal(err)
	}
	res, out := ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"prober@example.com","password":"`+goodPassword+`"}`)
	wantStatus(t, res, http.StatusCreated)
	token := out["token"].(string)

	// Parameters take the public catalogue's values: the prober may read
	// those, and they lead to pages that list other organizations' activity
	// if any page does.
	params := strings.NewReplacer(":slug", "acme", ":vid", itoa(fx.acmeV2.ID), ":token", "x", ":file", "acme.atom")
	ids := map[string]string{"/changes/": itoa(fx.acmeChange.ID), "/documents/": itoa(fx.acmeTerms.ID)}
	var read int
	for _, r := range ta.server.Echo().Routes() {
		if r.Method != http.MethodGet || strings.HasPrefix(r.Path, "/static") {
			continue
		}
		path := params.Replace(r.Path)
		for prefix, id := range ids {
			if strings.HasPrefix(path, prefix) || strings.HasPrefix(path, "/api/v1"+prefix) {
				path = strings.Replace(path, ":id", id, 1)
			}
		}
		path = strings.ReplaceAll(path, ":id", itoa(fx.acmeChange.ID))
		req, _ := http.NewRequest(http.MethodGet, ta.URL+path, nil)
		if strings.HasPrefix(path, "/api/") {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		got := b.do(req)
		read++
		for _, s := range foreign {
			if strings.Contains(got.Body, s) {
				i := strings.Index(got.Body, s)
				t.Errorf("GET %s (%d) shows the other organization's %q: %s", path, got.StatusCode, s, got.Body[max(0, i-400):min(len(got.Body), i+200)])
			}
		}
	}
	if read < 25 {
		t.Fatalf("only %d routes read", read)
	}
}
