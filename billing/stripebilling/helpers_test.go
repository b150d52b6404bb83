package stripebilling

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/clausewatch/clausewatch/config"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/templates"
)

const (
	testSecret          = "whsec_test_secret"
	testPriceMonitor    = "price_monitor_test"
	testPriceCompliance = "price_compliance_test"
)

// stripeMock returns TEST_STRIPE_API_BASE, skipping outside CI when unset.
func stripeMock(t *testing.T) string {
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

// clock is a settable clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fixture is a billing service on a store with one organization whose
// owner is owner@example.com.
type fixture struct {
	t     *testing.T
	svc   *Service
	st    *store.Store
	mail  *mail.Recorder
	clock *clock
	org   *store.Organization
}

func newFixture(t *testing.T, st *store.Store, apiBase string, prices ...string) *fixture {
	t.Helper()
	vars := map[string]string{
		"CLAUSEWATCH_BASE_URL": "http://clausewatch.test", "CLAUSEWATCH_DATA_DIR": t.TempDir(),
		"STRIPE_SECRET_KEY": "sk_test_123", "STRIPE_WEBHOOK_SECRET": testSecret,
		"STRIPE_PRICE_MONITOR": testPriceMonitor, "STRIPE_PRICE_COMPLIANCE": testPriceCompliance,
		"STRIPE_API_BASE": apiBase,
	}
	if len(prices) == 2 {
		vars["STRIPE_PRICE_MONITOR"], vars["STRIPE_PRICE_COMPLIANCE"] = prices[0], prices[1]
	}
	cfg, err := config.FromMap(vars)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	rec := &mail.Recorder{}
	clk := &clock{now: time.Now().UTC()}
	svc, err := New(Deps{Config: cfg, Store: st, Mail: rec, Templates: tmpl, Now: clk.Now,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, svc: svc, st: st, mail: rec, clock: clk}
	f.org = f.organization("Acme", "owner@example.com")
	return f
}

// organization creates an organization on the Free plan with its owner.
func (f *fixture) organization(name, owner string) *store.Organization {
	f.t.Helper()
	ctx := context.Background()
	org := &store.Organization{Name: name, Slug: fmt.Sprintf("org-%d", time.Now().UnixNano()), Plan: "free"}
	if err := f.st.CreateOrganization(ctx, org); err != nil {
		f.t.Fatal(err)
	}
	u := &store.User{Email: owner, Name: "Owner"}
	if err := f.st.CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	if _, err := f.st.AddMember(ctx, org.ID, u.ID, store.RoleOwner); err != nil {
		f.t.Fatal(err)
	}
	return org
}

// plan is the organization's current plan id.
func (f *fixture) plan() string {
	f.t.Helper()
	org, err := f.st.Organization(context.Background(), f.org.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return org.Plan
}

// auditCount counts the organization's audit rows with action.
func (f *fixture) auditCount(action string) int {
	f.t.Helper()
	es, err := f.st.AuditLog(context.Background(), f.org.ID, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.Action == action {
			n++
		}
	}
	return n
}

// signed builds a signed webhook request body and header for an event.
func signed(t *testing.T, payload []byte, at time.Time) (body []byte, header string) {
	t.Helper()
	p := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: testSecret, Timestamp: at})
	return p.Payload, p.Header
}

// event is a Stripe event's JSON.
func event(t *testing.T, id, typ string, created int64, object map[string]any) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"id": id, "object": "event", "type": typ, "created": created, "api_version": "2023-10-16",
		"livemode": false, "pending_webhooks": 1, "data": map[string]any{"object": object},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// deliver signs and handles one event now.
func (f *fixture) deliver(payload []byte) (string, error) {
	body, header := signed(f.t, payload, time.Now())
	return f.svc.HandleWebhook(context.Background(), body, header)
}

func (f *fixture) mustDeliver(payload []byte) string {
	f.t.Helper()
	out, err := f.deliver(payload)
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}

// subscriptionObject is a subscription in the 2023-10-16 shape.
func (f *fixture) subscriptionObject(id, status, price string, cancelAtEnd bool) map[string]any {
	return map[string]any{
		"id": id, "object": "subscription", "status": status, "customer": f.customer(),
		"cancel_at_period_end": cancelAtEnd, "current_period_end": f.clock.Now().Add(30 * 24 * time.Hour).Unix(),
		"metadata": map[string]any{"organization_id": fmt.Sprint(f.org.ID)},
		"items": map[string]any{"object": "list", "data": []any{map[string]any{
			"id": "si_1", "object": "subscription_item", "price": map[string]any{"id": price, "object": "price"},
		}}},
	}
}

// invoiceObject is an invoice of the subscription.
func (f *fixture) invoiceObject(id, sub, price string, attempt int) map[string]any {
	return map[string]any{
		"id": id, "object": "invoice", "subscription": sub, "customer": f.customer(), "attempt_count": attempt,
		"amount_due": 4900, "currency": "usd",
		"subscription_details": map[string]any{"metadata": map[string]any{"organization_id": fmt.Sprint(f.org.ID)}},
		"lines": map[string]any{"object": "list", "data": []any{map[string]any{
			"id": "il_1", "object": "line_item", "price": map[string]any{"id": price, "object": "price"},
			"period": map[string]any{"start": f.clock.Now().Unix(), "end": f.clock.Now().Add(30 * 24 * time.Hour).Unix()},
		}}},
	}
}

// checkoutObject is a completed subscription checkout for the
// organization; without metadata on purpose, so that only
// client_reference_id links it.
func (f *fixture) checkoutObject(id, sub string) map[string]any {
	return map[string]any{
		"id": id, "object": "checkout.session", "mode": "subscription", "status": "complete",
		"client_reference_id": fmt.Sprint(f.org.ID), "customer": f.customer(), "subscription": sub,
	}
}

// customer is the organization's Stripe customer id in the events.
func (f *fixture) customer() string { return fmt.Sprintf("cus_org%d", f.org.ID) }
