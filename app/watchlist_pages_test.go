package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

func TestFeeds(t *testing.T) {
	ta := newWatchlistTestApp(t)
	f, _ := seedEngine(t, ta)
	ctx := context.Background()
	b := ta.browser()

	res := b.get("/feeds/platforms/acme.atom")
	wantStatus(t, res, http.StatusOK)
	lastMod := res.Header.Get("Last-Modified")
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/atom+xml") || lastMod == "" ||
		!strings.Contains(res.Body, "/changes/"+itoa(f.acmeChange.ID)) {
		t.Fatalf("platform feed: %v\n%s", res.Header, res.Body)
	}
	req, _ := http.NewRequest("GET", ta.URL+"/feeds/platforms/acme.atom", nil)
	req.Header.Set("If-Modified-Since", lastMod)
	wantStatus(t, b.do(req), http.StatusNotModified)
	wantStatus(t, b.get("/feeds/platforms/nope.atom"), http.StatusNotFound)
	wantStatus(t, b.get("/feeds/platforms/acme.rss"), http.StatusNotFound)

	// The owner organization watches Acme and its custom document.
	if _, err := ta.store.AddPlatformWatch(ctx, f.ownerOrg.ID, f.acme.ID, nil, 1); err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetFeedToken(ctx, f.ownerOrg.ID, "cwf_test"); err != nil {
		t.Fatal(err)
	}
	res = b.get("/feeds/org/cwf_test.atom")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, "/changes/"+itoa(f.acmeChange.ID)) {
		t.Errorf("organization feed lacks the watched change:\n%s", res.Body)
	}
	req, _ = http.NewRequest("GET", ta.URL+"/feeds/org/cwf_test.atom", nil)
	req.Header.Set("If-Modified-Since", res.Header.Get("Last-Modified"))
	wantStatus(t, b.do(req), http.StatusNotModified)

	token, err := ta.server.watchlist().RegenerateFeedToken(ctx, f.ownerOrg.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get("/feeds/org/cwf_test.atom"), http.StatusNotFound)
	wantStatus(t, b.get("/feeds/org/"+token+".atom"), http.StatusOK)
	if err := ta.server.watchlist().RevokeFeedToken(ctx, f.ownerOrg.ID, 0); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, b.get("/feeds/org/"+token+".atom"), http.StatusNotFound)
}

func TestWatchlistPage(t *testing.T) {
	ta := newWatchlistTestApp(t)
	seedEngine(t, ta)
	b := ta.browser()
	wantRedirect(t, b.signup("ada@example.com", goodPassword, "Ada Co"), "/app")

	res := b.get("/app/watchlist?q=glob")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, "Globex") || strings.Contains(res.Body, ">Acme<") {
		t.Errorf("search for glob:\n%s", res.Body)
	}
	if !strings.Contains(res.Body, "The Free plan watches 0 custom URLs; upgrade to Monitor to watch up to 5.") {
		t.Errorf("no custom URL upgrade prompt on Free")
	}
	wantRedirect(t, b.post("/app/watchlist/platforms", url.Values{"platform": {"acme"}}), "/app/watchlist")
	res = b.post("/app/watchlist/platforms", url.Values{"platform": {"globex"}})
	wantStatus(t, res, http.StatusPaymentRequired)
	if !strings.Contains(res.Body, "The Free plan watches 1 platform; upgrade to Monitor to watch up to 25.") ||
		!strings.Contains(res.Body, `href="/pricing" role="button"`) {
		t.Errorf("limit page lacks the sentence or the upgrade button:\n%s", res.Body)
	}
	res = b.get("/app")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, `<a href="/platforms/acme">Acme</a>`) || !strings.Contains(res.Body, "/changes/") {
		t.Errorf("dashboard lacks the watched platform or its change:\n%s", res.Body)
	}

	org, err := ta.store.OrganizationBySlug(context.Background(), "ada-co")
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetOrganizationPlan(context.Background(), org.ID, "monitor"); err != nil {
		t.Fatal(err)
	}
	res = b.post("/app/watchlist/custom", url.Values{"url": {"ftp://example.com/x"}, "name": {"Supplier"}, "select": {"main\np["}})
	wantStatus(t, res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.Body, "Only http:// and https:// addresses can be watched.") ||
		!strings.Contains(res.Body, `value="ftp://example.com/x"`) || !strings.Contains(res.Body, "is not a CSS selector") {
		t.Errorf("custom form errors not inline with the input:\n%s", res.Body)
	}
	res = b.post("/app/watchlist/custom", url.Values{"url": {"https://example.com/terms"}, "name": {"Supplier terms"}})
	wantStatus(t, res, http.StatusSeeOther)
	res = b.get(res.Header.Get("Location"))
	if !strings.Contains(res.Body, "First check of Supplier terms") || !strings.Contains(res.Body, "selector matched nothing") {
		t.Errorf("first check not shown:\n%s", res.Body)
	}
	res = b.get("/app")
	if !strings.Contains(res.Body, "Documents in trouble") || !strings.Contains(res.Body, "selector_missing") {
		t.Errorf("dashboard lacks the document in trouble:\n%s", res.Body)
	}
}

func TestReadOnlyMembersCannotChangeTheWatchlist(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	seedEngine(t, ta)
	token, org := apiToken(t, ta, "owner2@example.com", "Team", "monitor")
	now := time.Now()
	u := &store.User{Email: "late@example.com", PasswordHash: "x", EmailVerifiedAt: &now}
	if err := ta.store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddMember(ctx, org.ID, u.ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	lateToken, _, err := ta.server.accounts().CreateAPIToken(ctx, org.ID, u.ID, "script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ta.server.watchlist().ApplyPlan(ctx, org.ID, "free", watchlist.Actor{Source: "operator"}); err != nil {
		t.Fatal(err)
	}
	res, _ := ta.apiCall("POST", "/api/v1/watchlist", lateToken, `{"platform":"acme"}`)
	wantStatus(t, res, http.StatusForbidden)
	res, _ = ta.apiCall("GET", "/api/v1/watchlist", lateToken, "")
	wantStatus(t, res, http.StatusOK)
	res, _ = ta.apiCall("POST", "/api/v1/watchlist", token, `{"platform":"acme"}`)
	wantStatus(t, res, http.StatusCreated)
}
