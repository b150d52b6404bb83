package app

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
)

const testWebhookSecret = "whsec_app_test"

// stripeMockBase returns TEST_STRIPE_API_BASE, skipping outside CI when
// it is unset.
func stripeMockBase(t *testing.T) string {
	t.Helper()
	base := os.Getenv("TEST_STRIPE_API_BASE")
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TEST_STRIPE_API_BASE is not set; run the tests with `make test`")
		}
		t.Skip("TEST_STRIPE_API_BASE not set")
	}
	return base
}

// newBillingTestApp is the test app with Stripe billing against apiBase;
// an empty apiBase leaves billing unconfigured.
func newBillingTestApp(t *testing.T, apiBase string) *testApp {
	t.Helper()
	rec := &mail.Recorder{}
	return serveTestApp(t, rec, func(d *Deps) {
		if apiBase == "" {
			return
		}
		c := d.Config
		c.StripeSecretKey, c.StripeWebhookSecret = "sk_test_123", testWebhookSecret
		c.StripePriceMonitor, c.StripePriceCompliance = "price_monitor", "price_compliance"
		c.StripeAPIBase = apiBase
		var err error
		if d.Billing, err = stripebilling.New(stripebilling.Deps{Config: c, Store: d.Store, Mail: rec, Templates: d.Templates, Log: d.Log, Metrics: d.Metrics}); err != nil {
			t.Fatal(err)
		}
	})
}

// ownerAndMember signs up ada (owner of Acme, moved to Monitor so it has
// room for members) and adds bob as a member; it returns both API tokens.
func ownerAndMember(t *testing.T, ta *testApp) (owner, member string, org *store.Organization) {
	t.Helper()
	ctx := context.Background()
	_, out := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"`+goodPassword+`","organization":"Acme"}`)
	owner, _ = out["token"].(string)
	ta.verified("ada@example.com")
	org, err := ta.store.OrganizationBySlug(ctx, "acme")
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetOrganizationPlan(ctx, org.ID, "monitor"); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	bob := &store.User{Email: "bob@example.com", EmailVerifiedAt: &now}
	if err := ta.store.CreateUser(ctx, bob); err != nil {
		t.Fatal(err)
	}
	if _, err := ta.store.AddMember(ctx, org.ID, bob.ID, store.RoleMember); err != nil {
		t.Fatal(err)
	}
	member, _, err = ta.server.accounts().CreateAPIToken(ctx, org.ID, bob.ID, "bob")
	if err != nil {
		t.Fatal(err)
	}
	return owner, member, org
}

func TestBillingAPI(t *testing.T) {
	ta := newBillingTestApp(t, stripeMockBase(t))
	owner, member, _ := ownerAndMember(t, ta)

	res, out := ta.apiCall("POST", "/api/v1/billing/portal", owner, "")
	wantStatus(t, res, http.StatusConflict)
	res, out = ta.apiCall("POST", "/api/v1/billing/checkout", owner, `{"plan":"compliance"}`)
	wantStatus(t, res, http.StatusOK)
	if u, _ := out["url"].(string); !strings.HasPrefix(u, "https://checkout.stripe.com/") {
		t.Errorf("checkout url = %v", out)
	}
	res, out = ta.apiCall("POST", "/api/v1/billing/portal", owner, "")
	wantStatus(t, res, http.StatusOK)
	if u, _ := out["url"].(string); !strings.HasPrefix(u, "https://") {
		t.Errorf("portal url = %v", out)
	}
	tests := []struct {
		name, path, token, body string
		status                  int
		code                    string
	}{
		{"member checkout", "/api/v1/billing/checkout", member, `{"plan":"monitor"}`, http.StatusForbidden, "forbidden"},
		{"member portal", "/api/v1/billing/portal", member, "", http.StatusForbidden, "forbidden"},
		{"no token", "/api/v1/billing/checkout", "", `{"plan":"monitor"}`, http.StatusUnauthorized, "unauthorized"},
		{"free plan", "/api/v1/billing/checkout", owner, `{"plan":"free"}`, http.StatusUnprocessableEntity, "invalid"},
		{"unknown field", "/api/v1/billing/checkout", owner, `{"tier":"monitor"}`, http.StatusBadRequest, "bad_request"},
	}
	for _, tt := range tests {
		res, out := ta.apiCall("POST", tt.path, tt.token, tt.body)
		if res.StatusCode != tt.status || errorCode(out) != tt.code {
			t.Errorf("%s: %d %v, want %d %s", tt.name, res.StatusCode, out, tt.status, tt.code)
		}
	}
}

func TestBillingNotConfigured(t *testing.T) {
	ta := newBillingTestApp(t, "")
	owner, _, _ := ownerAndMember(t, ta)
	for _, path := range []string{"/api/v1/billing/checkout", "/api/v1/billing/portal"} {
		res, out := ta.apiCall("POST", path, owner, `{"plan":"monitor"}`)
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(res.Body, "plan set") {
			t.Errorf("%s: %d %v", path, res.StatusCode, out)
		}
	}
	b := ta.browser()
	wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
	page := b.get("/app/billing")
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.Body, "Billing is not configured") || !strings.Contains(page.Body, "clausewatch plan set ORG PLAN") {
		t.Errorf("billing page:\n%s", page.Body)
	}
}

func TestBillingFormsRedirectToStripe(t *testing.T) {
	ta := newBillingTestApp(t, stripeMockBase(t))
	ownerAndMember(t, ta)
	b := ta.browser()
	wantRedirect(t, b.login("ada@example.com", goodPassword), "/app")
	page := b.get("/app/billing")
	wantStatus(t, page, http.StatusOK)
	if !strings.Contains(page.Body, "Upgrade to Compliance") {
		t.Fatalf("billing page has no upgrade button:\n%s", page.Body)
	}
	res := b.post("/app/billing/checkout", url.Values{"plan": {"compliance"}})
	wantStatus(t, res, http.StatusSeeOther)
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "https://checkout.stripe.com/") {
		t.Errorf("checkout redirect to %q", loc)
	}
	res = b.post("/app/billing/portal", nil)
	wantStatus(t, res, http.StatusSeeOther)
}

func TestStripeWebhookEndpoint(t *testing.T) {
	ta := newBillingTestApp(t, "http://127.0.0.1:9")
	ctx := context.Background()
	_, _, org := ownerAndMember(t, ta)
	payload := []byte(`{"id":"evt_app_1","object":"event","type":"customer.subscription.created","created":` + itoa(time.Now().Unix()) +
		`,"api_version":"2020-08-27","data":{"object":{"id":"sub_app","object":"subscription","status":"active","customer":"cus_app",` +
		`"metadata":{"organization_id":"` + itoa(org.ID) + `"},"items":{"object":"list","data":[{"id":"si_1","price":{"id":"price_compliance"}}]}}}}`)
	sign := func(body []byte, at time.Time) string {
		return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: body, Secret: testWebhookSecret, Timestamp: at}).Header
	}
	post := func(body []byte, sig string) *response {
		req, err := http.NewRequest(http.MethodPost, ta.URL+"/webhooks/stripe", strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if sig != "" {
			req.Header.Set("Stripe-Signature", sig)
		}
		// A bare client: no cookies, no CSRF token, as Stripe sends it.
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return &response{Response: res, Body: string(b)}
	}
	big := []byte(`{"id":"evt_big","padding":"` + strings.Repeat("x", 100<<10) + `"}`)
	refused := []struct {
		name   string
		body   []byte
		sig    string
		status int
	}{
		{"forged", payload, strings.Replace(sign(payload, time.Now()), "v1=", "v1=ff", 1), http.StatusBadRequest},
		{"missing", payload, "", http.StatusBadRequest},
		{"stale", payload, sign(payload, time.Now().Add(-10*time.Minute)), http.StatusBadRequest},
		{"100 KiB", big, sign(big, time.Now()), http.StatusRequestEntityTooLarge},
	}
	for _, tt := range refused {
		if res := post(tt.body, tt.sig); res.StatusCode != tt.status {
			t.Errorf("%s: %d, want %d: %s", tt.name, res.StatusCode, tt.status, res.Body)
		}
	}
	if n, _ := ta.store.CountStripeEvents(ctx); n != 0 {
		t.Fatalf("%d events recorded after refusals", n)
	}
	if o, _ := ta.store.Organization(ctx, org.ID); o.Plan != "monitor" {
		t.Fatalf("plan changed to %s", o.Plan)
	}
	// A genuine event of another API version is accepted, once.
	for i, want := range []string{"applied", "duplicate"} {
		res := post(payload, sign(payload, time.Now()))
		wantStatus(t, res, http.StatusOK)
		if !strings.Contains(res.Body, want) {
			t.Errorf("delivery %d: %s, want %s", i+1, res.Body, want)
		}
	}
	if o, _ := ta.store.Organization(ctx, org.ID); o.Plan != "compliance" {
		t.Errorf("plan %s after the event, want compliance", o.Plan)
	}
	_, me := ta.apiCall("GET", "/api/v1/me", mustToken(t, ta, org.ID), "")
	if plan := me["organization"].(map[string]any)["plan"]; plan != "compliance" {
		t.Errorf("/api/v1/me plan = %v", plan)
	}
}

// mustToken creates an API token for the organization's owner.
func mustToken(t *testing.T, ta *testApp, orgID int64) string {
	t.Helper()
	tok, _, err := ta.server.accounts().CreateAPIToken(context.Background(), orgID, mustUser(t, ta, "ada@example.com"), "me")
	if err != nil {
		t.Fatal(err)
	}
	return tok
}
