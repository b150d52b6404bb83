package stripebilling

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// noAPI is an API base nothing listens on: webhook handling never calls
// Stripe.
const noAPI = "http://127.0.0.1:9"

func TestWebhookRefusesBadSignatures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		payload := event(t, "evt_bad", "customer.subscription.created", time.Now().Unix(),
			f.subscriptionObject("sub_bad", "active", testPriceMonitor, false))
		good, header := signed(t, payload, time.Now())
		_, staleHeader := signed(t, payload, time.Now().Add(-SignatureTolerance-time.Minute))
		forged := strings.Replace(header, "v1=", "v1=00", 1)
		tampered := strings.Replace(string(good), "active", "trialing", 1)
		tests := []struct {
			name, body, header string
		}{
			{"missing", string(good), ""},
			{"forged", string(good), forged},
			{"stale", string(good), staleHeader},
			{"other secret", string(good), strings.Replace(header, header[strings.Index(header, "v1="):], "v1=deadbeef", 1)},
			{"tampered body", tampered, header},
		}
		for _, tt := range tests {
			_, err := f.svc.HandleWebhook(context.Background(), []byte(tt.body), tt.header)
			if !errors.Is(err, ErrSignature) {
				t.Errorf("%s: got %v, want ErrSignature", tt.name, err)
			}
		}
		if n, _ := st.CountStripeEvents(context.Background()); n != 0 {
			t.Errorf("%d events recorded", n)
		}
		if f.plan() != "free" {
			t.Errorf("plan changed to %s", f.plan())
		}
	})
}

func TestSameEventConcurrentlyHasOneEffect(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		now := time.Now().Unix()
		created := event(t, "evt_created", "customer.subscription.created", now,
			f.subscriptionObject("sub_1", "active", testPriceMonitor, false))
		failed := event(t, "evt_failed", "invoice.payment_failed", now+1, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 1))
		for _, payload := range [][]byte{created, failed} {
			var wg sync.WaitGroup
			outcomes := make(chan string, 20)
			for range 20 {
				wg.Go(func() {
					out, err := f.deliver(payload)
					if err != nil {
						t.Error(err)
					}
					outcomes <- out
				})
			}
			wg.Wait()
			close(outcomes)
			applied := 0
			for o := range outcomes {
				if o == OutcomeApplied {
					applied++
				} else if o != OutcomeDuplicate {
					t.Errorf("outcome %q", o)
				}
			}
			if applied != 1 {
				t.Errorf("applied %d times", applied)
			}
		}
		if got := f.plan(); got != "monitor" {
			t.Errorf("plan %s, want monitor", got)
		}
		for action, want := range map[string]int{store.AuditPlanChange: 1, store.AuditSubscription: 1, store.AuditPaymentFailed: 1} {
			if got := f.auditCount(action); got != want {
				t.Errorf("%d %s audit rows, want %d", got, action, want)
			}
		}
		if got := len(f.mail.Messages()); got != 1 {
			t.Errorf("%d mails, want 1", got)
		}
		if n, _ := st.CountStripeEvents(context.Background()); n != 2 {
			t.Errorf("%d events stored, want 2", n)
		}
	})
}

// permutations calls fn with every ordering of n indexes.
func permutations(n int, fn func([]int)) {
	var rec func(int, []int)
	rec = func(k int, p []int) {
		if k == len(p) {
			fn(append([]int(nil), p...))
			return
		}
		for i := k; i < len(p); i++ {
			p[k], p[i] = p[i], p[k]
			rec(k+1, p)
			p[k], p[i] = p[i], p[k]
		}
	}
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	rec(0, p)
}

func TestEventOrderDoesNotMatter(t *testing.T) {
	type ev struct {
		typ     string
		dt      int64
		obj     func(f *fixture) map[string]any
		checkOK bool
	}
	sub := func(status string, cancel bool) func(f *fixture) map[string]any {
		return func(f *fixture) map[string]any {
			return f.subscriptionObject("sub_"+f.customer(), status, testPriceMonitor, cancel)
		}
	}
	checkout := func(f *fixture) map[string]any { return f.checkoutObject("cs_"+f.customer(), "sub_"+f.customer()) }
	paid := func(f *fixture) map[string]any {
		return f.invoiceObject("in_"+f.customer(), "sub_"+f.customer(), testPriceMonitor, 1)
	}
	tests := []struct {
		name   string
		events []ev
		want   string
	}{
		{"checkout, one second apart", []ev{
			{"checkout.session.completed", 0, checkout, true}, {"customer.subscription.created", 0, sub("incomplete", false), false},
			{"invoice.paid", 1, paid, false}, {"customer.subscription.updated", 2, sub("active", false), false},
		}, "monitor"},
		{"checkout, all in one second", []ev{
			{"checkout.session.completed", 0, checkout, true}, {"customer.subscription.created", 0, sub("incomplete", false), false},
			{"invoice.paid", 0, paid, false}, {"customer.subscription.updated", 0, sub("active", false), false},
		}, "monitor"},
		{"life ending in deletion", []ev{
			{"customer.subscription.created", 0, sub("active", false), false},
			{"customer.subscription.updated", 1, sub("past_due", false), false},
			{"customer.subscription.updated", 2, sub("active", true), false},
			{"customer.subscription.deleted", 3, sub("canceled", false), false},
		}, "free"},
		{"recovery after past due", []ev{
			{"customer.subscription.created", 0, sub("active", false), false},
			{"customer.subscription.updated", 1, sub("past_due", false), false},
			{"invoice.paid", 2, paid, false},
			{"customer.subscription.updated", 3, sub("active", false), false},
		}, "monitor"},
	}
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		n := 0
		for _, tt := range tests {
			permutations(len(tt.events), func(order []int) {
				n++
				f.org = f.organization(fmt.Sprintf("Org %d", n), fmt.Sprintf("owner%d@example.com", n))
				base := time.Now().Unix() - 100
				for _, i := range order {
					e := tt.events[i]
					payload := event(t, fmt.Sprintf("evt_%d_%d", n, i), e.typ, base+e.dt, e.obj(f))
					f.mustDeliver(payload)
				}
				if got := f.plan(); got != tt.want {
					t.Errorf("%s, order %v: plan %s, want %s", tt.name, order, got, tt.want)
				}
			})
		}
	})
}

func TestLateUpdateAfterDeletionStaysFree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		now := time.Now().Unix()
		f.mustDeliver(event(t, "evt_1", "customer.subscription.created", now-10, f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
		if f.plan() != "monitor" {
			t.Fatalf("plan %s after created", f.plan())
		}
		f.mustDeliver(event(t, "evt_3", "customer.subscription.deleted", now, f.subscriptionObject("sub_1", "canceled", testPriceMonitor, false)))
		out := f.mustDeliver(event(t, "evt_2", "customer.subscription.updated", now-5, f.subscriptionObject("sub_1", "active", testPriceCompliance, false)))
		if out != OutcomeStale {
			t.Errorf("late update: outcome %s, want stale", out)
		}
		// Even a newer event cannot revive a subscription Stripe ended.
		f.mustDeliver(event(t, "evt_4", "customer.subscription.updated", now+5, f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
		if f.plan() != "free" {
			t.Errorf("plan %s, want free", f.plan())
		}
	})
}

func TestPaymentFailedThenPaid(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		ctx := context.Background()
		now := time.Now().Unix()
		f.mustDeliver(event(t, "evt_1", "customer.subscription.created", now-100, f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
		f.mustDeliver(event(t, "evt_2", "invoice.payment_failed", now-50, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 1)))
		row, err := st.Subscription(ctx, "sub_1")
		if err != nil {
			t.Fatal(err)
		}
		if row.Status != "past_due" || row.PastDueSince == nil {
			t.Fatalf("after failure: %+v", row)
		}
		if f.plan() != "monitor" {
			t.Errorf("plan %s during the grace period, want monitor", f.plan())
		}
		msgs := f.mail.Messages()
		if len(msgs) != 1 || msgs[0].To != "owner@example.com" || !strings.Contains(msgs[0].Text, "continue until") {
			t.Fatalf("mails: %+v", msgs)
		}
		// The same attempt announced by another event is not mailed again;
		// the next attempt is.
		f.mustDeliver(event(t, "evt_2b", "invoice.payment_failed", now-40, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 1)))
		f.mustDeliver(event(t, "evt_2c", "invoice.payment_failed", now-30, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 2)))
		if got := len(f.mail.Messages()); got != 2 {
			t.Errorf("%d mails after a repeated and a new attempt, want 2", got)
		}
		f.mustDeliver(event(t, "evt_3", "invoice.paid", now-10, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 3)))
		row, _ = st.Subscription(ctx, "sub_1")
		if row.Status != "active" || row.PastDueSince != nil {
			t.Errorf("after payment: %+v", row)
		}
		if f.auditCount(store.AuditPaymentOK) != 1 {
			t.Errorf("recovery not audited")
		}
		if f.plan() != "monitor" {
			t.Errorf("plan %s after payment", f.plan())
		}
	})
}

func TestGracePeriodEnds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		ctx := context.Background()
		now := time.Now().Unix()
		f.mustDeliver(event(t, "evt_1", "customer.subscription.created", now-100, f.subscriptionObject("sub_1", "active", testPriceMonitor, false)))
		f.mustDeliver(event(t, "evt_2", "invoice.payment_failed", now-50, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 1)))
		f.clock.Advance(6 * 24 * time.Hour)
		if _, err := f.svc.RecheckPlans(ctx); err != nil {
			t.Fatal(err)
		}
		if f.plan() != "monitor" {
			t.Fatalf("plan %s on day 6", f.plan())
		}
		f.clock.Advance(2 * 24 * time.Hour)
		repairs, err := f.svc.RecheckPlans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if f.plan() != "free" || len(repairs) != 1 {
			t.Fatalf("day 8: plan %s, repairs %+v", f.plan(), repairs)
		}
		// The payment finally succeeds: the plan comes back.
		f.mustDeliver(event(t, "evt_3", "invoice.paid", now, f.invoiceObject("in_1", "sub_1", testPriceMonitor, 4)))
		if f.plan() != "monitor" {
			t.Errorf("plan %s after the late payment", f.plan())
		}
	})
}

func TestUnknownEventsAndPrices(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, noAPI)
		now := time.Now().Unix()
		out := f.mustDeliver(event(t, "evt_x", "customer.created", now, map[string]any{"id": "cus_x", "object": "customer"}))
		if out != OutcomeIgnored {
			t.Errorf("unknown type: %s", out)
		}
		_, err := f.deliver(event(t, "evt_p", "customer.subscription.created", now, f.subscriptionObject("sub_p", "active", "price_unknown", false)))
		var up *UnknownPriceError
		if !errors.As(err, &up) {
			t.Fatalf("unknown price: %v", err)
		}
		// Refused events are not recorded, so Stripe's retry is processed
		// once the price is configured.
		if n, _ := st.CountStripeEvents(context.Background()); n != 1 {
			t.Errorf("%d events stored, want 1", n)
		}
		if f.plan() != "free" {
			t.Errorf("plan %s", f.plan())
		}
	})
}
