package app

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// isolationCase says how a route that takes an id is probed with another
// organization's id, or why it takes no organization's id.
type isolationCase struct {
	path   func(foreign *foreignIDs) string // the route filled with the other organization's ids
	public string                           // why the route is not organization-scoped
}

// foreignIDs are the ids of the organization the probing user is not in.
type foreignIDs struct {
	org, watch, membership, invitation, token int64
	customDoc, customVersion, change          int64
	oldFeedToken                              string
}

// isolationTable lists every route with a path parameter. A route added
// later without an entry fails TestEveryIDRouteIsTenantScoped, so that nobody forgets
// to decide how it is scoped.
var isolationTable = map[string]isolationCase{
	"DELETE /api/v1/watchlist/:id": {path: func(f *foreignIDs) string { return "/api/v1/watchlist/" + itoa(f.watch) }},
	"GET /api/v1/changes/:id":      {path: func(f *foreignIDs) string { return "/api/v1/changes/" + itoa(f.change) }},
	"GET /changes/:id":             {path: func(f *foreignIDs) string { return "/changes/" + itoa(f.change) }},
	"GET /documents/:id":           {path: func(f *foreignIDs) string { return "/documents/" + itoa(f.customDoc) }},
	"GET /documents/:id/compare":   {path: func(f *foreignIDs) string { return "/documents/" + itoa(f.customDoc) + "/compare" }},
	"GET /documents/:id/versions/:vid": {path: func(f *foreignIDs) string {
		return "/documents/" + itoa(f.customDoc) + "/versions/" + itoa(f.customVersion)
	}},
	"GET /feeds/org/:file":           {path: func(f *foreignIDs) string { return "/feeds/org/" + f.oldFeedToken + ".atom" }},
	"POST /app/members/:id/remove":   {path: func(f *foreignIDs) string { return "/app/members/" + itoa(f.membership) + "/remove" }},
	"POST /app/members/:id/transfer": {path: func(f *foreignIDs) string { return "/app/members/" + itoa(f.membership) + "/transfer" }},
	"POST /app/members/invitations/:id/revoke": {path: func(f *foreignIDs) string {
		return "/app/members/invitations/" + itoa(f.invitation) + "/revoke"
	}},
	"POST /app/tokens/:id/revoke":               {path: func(f *foreignIDs) string { return "/app/tokens/" + itoa(f.token) + "/revoke" }},
	"POST /app/organizations/:id/switch":        {path: func(f *foreignIDs) string { return "/app/organizations/" + itoa(f.org) + "/switch" }},
	"POST /app/watchlist/:id/pause":             {path: func(f *foreignIDs) string { return "/app/watchlist/" + itoa(f.watch) + "/pause" }},
	"POST /app/watchlist/:id/remove":            {path: func(f *foreignIDs) string { return "/app/watchlist/" + itoa(f.watch) + "/remove" }},
	"POST /app/watchlist/:id/resume":            {path: func(f *foreignIDs) string { return "/app/watchlist/" + itoa(f.watch) + "/resume" }},
	"GET /api/v1/platforms/:slug":               {public: "the public catalogue, by slug"},
	"GET /api/v1/platforms/:slug/changes":       {public: "the public catalogue, by slug"},
	"GET /platforms/:slug":                      {public: "the public catalogue, by slug"},
	"GET /platforms/:slug/provisions/:category": {public: "a provision of a public catalogue platform, by slug and category"},
	"GET /provisions/:category":                 {public: "the public catalogue's stances, by category"},
	"GET /provisions/:category/stances.csv":     {public: "the public catalogue's stances, by category (plan-gated, not tenant data)"},
	"GET /feeds/platforms/:file":                {public: "the public catalogue, by slug"},
	"GET /app/audit/:file":                      {public: "audit export of a public catalogue platform, by slug"},
	"GET /verify/:token":                        {public: "single-use e-mail secret, not an organization's id"},
	"GET /invitations/:token":                   {public: "single-use e-mail secret, not an organization's id"},
	"POST /invitations/:token":                  {public: "single-use e-mail secret, not an organization's id"},
	"GET /password/reset/:token":                {public: "single-use e-mail secret, not an organization's id"},
	"POST /password/reset/:token":               {public: "single-use e-mail secret, not an organization's id"},
}

func TestEveryIDRouteIsTenantScoped(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	fx, _ := seedEngine(t, ta) // "Owner Co" is the other organization

	// Fill the other organization with one of everything.
	victim := fx.ownerOrg
	f := &foreignIDs{org: victim.ID, customDoc: fx.customDoc.ID, change: fx.customChange.ID, oldFeedToken: "cwf_old_secret"}
	w, err := ta.store.AddPlatformWatch(ctx, victim.ID, fx.acme.ID, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	f.watch = w.ID
	now := time.Now()
	member := &store.User{Email: "secret-member@example.com", PasswordHash: "x", EmailVerifiedAt: &now}
	if err := ta.store.CreateUser(ctx, member); err != nil {
		t.Fatal(err)
	}
	m, err := ta.store.AddMember(ctx, victim.ID, member.ID, store.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	f.membership = m.ID
	inv := &store.Invitation{OrganizationID: victim.ID, Email: "secret-invitee@example.com", Role: store.RoleMember,
		TokenHash: "secret-invite-hash", ExpiresAt: time.Now().Add(time.Hour)}
	if err := ta.store.CreateInvitation(ctx, inv); err != nil {
		t.Fatal(err)
	}
	f.invitation = inv.ID
	_, tok, err := ta.server.accounts().CreateAPIToken(ctx, victim.ID, member.ID, "secret-token-name")
	if err != nil {
		t.Fatal(err)
	}
	f.token = tok.ID
	versions, err := ta.store.Versions(ctx, fx.customDoc.ID)
	if err != nil || len(versions) == 0 {
		t.Fatalf("versions of the custom document: %v", err)
	}
	f.customVersion = versions[0].ID
	if err := ta.store.SetFeedToken(ctx, victim.ID, f.oldFeedToken); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.server.watchlist().RegenerateFeedToken(ctx, victim.ID, 0); err != nil {
		t.Fatal(err)
	}
	foreign := []string{"Owner Co", "owner@example.com", "secret-member@example.com", "secret-invitee@example.com",
		"secret-token-name", "Supplier terms", "ten years", fx.customChange.Summary}

	// The prober owns another organization, on the top plan, with a
	// session and an API token.
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
	res, out := ta.apiCall("POST", "/api/v1/tokens", "", `{"email":"prober@example.com","password":"`+goodPassword+`"}`)
	wantStatus(t, res, http.StatusCreated)
	token := out["token"].(string)

	var keys []string
	for _, r := range ta.server.Echo().Routes() {
		if !strings.Contains(r.Path, ":") {
			continue
		}
		key := r.Method + " " + r.Path
		keys = append(keys, key)
		tc, ok := isolationTable[key]
		if !ok {
			t.Errorf("%s takes a path parameter but has no entry in isolationTable: add how it is scoped", key)
			continue
		}
		if tc.public != "" {
			continue
		}
		path := tc.path(f)
		var got *response
		switch {
		case strings.HasPrefix(path, "/api/"):
			req, _ := http.NewRequest(r.Method, ta.URL+path, strings.NewReader(`{}`))
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/json")
			got = b.do(req)
		case r.Method == http.MethodPost:
			got = b.post(path, url.Values{})
		default:
			got = b.get(path)
		}
		if got.StatusCode != http.StatusNotFound {
			t.Errorf("%s as another organization: status %d, want 404", path, got.StatusCode)
		}
		for _, s := range foreign {
			if strings.Contains(got.Body, s) {
				t.Errorf("%s leaks %q", path, s)
			}
		}
	}
	sort.Strings(keys)
	for key := range isolationTable {
		if i := sort.SearchStrings(keys, key); i == len(keys) || keys[i] != key {
			t.Errorf("isolationTable has %s, which is no longer a route", key)
		}
	}

	// The prober still works in its own organization.
	if d := b.get("/app"); !strings.Contains(d.Body, "<h1>Prober</h1>") {
		t.Error("the prober's session left its organization")
	}
	// Nothing of the other organization changed.
	if _, err := ta.store.Watch(ctx, victim.ID, f.watch); err != nil {
		t.Errorf("watch: %v", err)
	}
	if _, err := ta.store.Membership(ctx, victim.ID, f.membership); err != nil {
		t.Errorf("membership: %v", err)
	}
	if ws, _ := ta.store.Watches(ctx, victim.ID); len(ws) != 1 || ws[0].Paused() {
		t.Errorf("watches of the other organization = %+v", ws)
	}
}
