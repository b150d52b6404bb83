package alerts_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/validation"
)

// receiver is a webhook endpoint that fails a number of times first and
// checks every signature with the documented scheme, computed here
// independently of the code under test.
type receiver struct {
	mu       sync.Mutex
	secret   string
	failures int
	requests int
	accepted []alerts.WebhookEvent
	badSigs  int
	// deliveries are the Clausewatch-Delivery headers seen, in order.
	deliveries []string
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests++
	r.deliveries = append(r.deliveries, req.Header.Get("Clausewatch-Delivery"))
	header := req.Header.Get("Clausewatch-Signature")
	ts, sig, _ := strings.Cut(header, ",v1=")
	mac := hmac.New(sha256.New, []byte(r.secret))
	mac.Write([]byte(strings.TrimPrefix(ts, "t=") + "." + string(body)))
	if !strings.HasPrefix(ts, "t=") || !hmac.Equal([]byte(sig), []byte(hex.EncodeToString(mac.Sum(nil)))) {
		r.badSigs++
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	if r.failures > 0 {
		r.failures--
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	var ev alerts.WebhookEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	r.accepted = append(r.accepted, ev)
}

func TestWebhookSignedAndRetriedUntilAccepted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, fixtureOptions{sender: &mail.Recorder{}, backoff: func(int) time.Duration { return 0 }})
		rcv := &receiver{failures: 2}
		hook := httptest.NewServer(rcv)
		defer hook.Close()
		owner := alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true}
		url := hook.URL + "/hook"
		set, err := f.al.UpdateSettings(ctx, owner, alerts.Update{WebhookURL: &url})
		if err != nil || !strings.HasPrefix(set.WebhookSecret, "whsec_") {
			t.Fatalf("set webhook: %+v %v", set, err)
		}
		rcv.mu.Lock()
		rcv.secret = set.WebhookSecret
		rcv.mu.Unlock()
		if again, err := f.al.Settings(ctx, owner); err != nil || again.WebhookSecret != "" || again.Webhook.URL != url {
			t.Fatalf("the secret must be shown once: %+v %v", again, err)
		}

		id := f.change(t) // first attempt: 500
		for range 4 {     // second: 500, third: 200, then nothing is due
			if _, err := f.al.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
		}
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if rcv.badSigs != 0 || rcv.requests != 3 || len(rcv.accepted) != 1 {
			t.Fatalf("requests %d, bad signatures %d, accepted %d; want 3, 0, 1", rcv.requests, rcv.badSigs, len(rcv.accepted))
		}
		if d := rcv.deliveries; d[0] == "" || d[1] != d[0] || d[2] != d[0] {
			t.Errorf("Clausewatch-Delivery headers of the retries = %q, want one id repeated", d)
		}
		ev := rcv.accepted[0]
		if ev.Event != "change.recorded" || ev.Change.ID != id || ev.Change.Platform == nil || ev.Change.Platform.Slug != "acme" || ev.Change.Summary == "" {
			t.Errorf("webhook body: %+v", ev)
		}
		counts, err := st.CountDeliveries(ctx, store.DeliveryCause{ChangeID: id})
		if err != nil || counts[store.DeliverySent] != 2 || len(counts) != 1 {
			t.Errorf("delivery states %v %v, want 2 sent (mail and webhook)", counts, err)
		}
	})
}

// A receiver that keeps failing is tried DefaultMaxAttempts times; one that
// answers 410 Gone says the endpoint is no more, and is not tried again.
func TestWebhookGivesUp(t *testing.T) {
	for _, tc := range []struct {
		status       int
		wantAttempts int
		wantError    string
	}{
		{http.StatusBadGateway, alerts.DefaultMaxAttempts, "502"},
		{http.StatusGone, 1, "410"},
	} {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			st := storetest.SQLite(t)
			ctx := context.Background()
			f := newFixture(t, st, fixtureOptions{sender: &mail.Recorder{}, backoff: func(int) time.Duration { return 0 }})
			var requests atomic.Int64
			hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				requests.Add(1)
				w.WriteHeader(tc.status)
			}))
			defer hook.Close()
			url := hook.URL
			if _, err := f.al.UpdateSettings(ctx, alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true},
				alerts.Update{WebhookURL: &url}); err != nil {
				t.Fatal(err)
			}
			f.change(t)
			for range alerts.DefaultMaxAttempts + 2 {
				if _, err := f.al.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
			}
			failed, err := f.al.FailedDeliveries(ctx, f.monitorOrg.ID)
			if err != nil || len(failed) != 1 || failed[0].Attempts != tc.wantAttempts || !strings.Contains(failed[0].LastError, tc.wantError) {
				t.Fatalf("failed deliveries: %+v %v", failed, err)
			}
			if n := requests.Load(); n != int64(tc.wantAttempts) {
				t.Fatalf("the receiver got %d requests, want %d", n, tc.wantAttempts)
			}
		})
	}
}

func TestSettingsRules(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	f := newFixture(t, st, fixtureOptions{sender: &mail.Recorder{}})
	yes, local := true, "http://127.0.0.1/hook"
	bad := "someday"
	strict := alerts.New(alerts.Deps{Store: st})
	member := f.member(t, f.monitorOrg, "plain", store.RoleMember, true)
	var feat *billing.FeatureError
	var verrs validation.Errors
	for _, tc := range []struct {
		name  string
		al    *alerts.Service
		actor alerts.Actor
		u     alerts.Update
		check func(error) bool
	}{
		{"same-day on Free", f.al, alerts.Actor{OrganizationID: f.freeOrg.ID, UserID: f.freeUser.ID, Role: store.RoleOwner, Verified: true},
			alerts.Update{SameDay: &yes}, func(err error) bool { return errors.As(err, &feat) }},
		{"webhook on Free", f.al, alerts.Actor{OrganizationID: f.freeOrg.ID, UserID: f.freeUser.ID, Role: store.RoleOwner, Verified: true},
			alerts.Update{WebhookURL: &local}, func(err error) bool { return errors.As(err, &feat) }},
		{"private webhook URL", strict, alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true},
			alerts.Update{WebhookURL: &local}, func(err error) bool { return errors.As(err, &verrs) && verrs["webhook_url"] != "" }},
		{"bad weekday", f.al, alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true},
			alerts.Update{DigestWeekday: &bad}, func(err error) bool { return errors.As(err, &verrs) && verrs["digest_weekday"] != "" }},
		{"member changes the organization", f.al, alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: member.ID, Role: store.RoleMember},
			alerts.Update{SameDay: &yes}, func(err error) bool { return err != nil && strings.Contains(err.Error(), "role") }},
		{"member opts out", f.al, alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: member.ID, Role: store.RoleMember},
			alerts.Update{Member: &alerts.MemberUpdate{Digest: new(bool)}}, func(err error) bool { return err == nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.al.UpdateSettings(ctx, tc.actor, tc.u); !tc.check(err) {
				t.Errorf("unexpected result: %v", err)
			}
		})
	}
	got, err := f.al.Settings(ctx, alerts.Actor{OrganizationID: f.freeOrg.ID, UserID: f.freeUser.ID, Role: store.RoleOwner, Verified: true})
	if err != nil || got.SameDay || got.SameDayAvailable || got.DigestWeekday != "monday" {
		t.Errorf("free settings: %+v %v", got, err)
	}
}
