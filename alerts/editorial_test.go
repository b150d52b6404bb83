package alerts_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// Editorial versions of clauseV1: a typo, then its correction.
const (
	clauseV1Typo  = "We do not sell your personl data."
	clauseV1Fixed = clauseV1
)

func TestEditorialChangeAlertsOnlyWhenAsked(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec, backoff: func(int) time.Duration { return 0 }})
		rcv := &receiver{}
		hook := httptest.NewServer(rcv)
		defer hook.Close()
		owner := alerts.Actor{OrganizationID: f.monitorOrg.ID, UserID: f.monitorUser.ID, Role: store.RoleOwner, Verified: true}
		url := hook.URL + "/hook"
		set, err := f.al.UpdateSettings(ctx, owner, alerts.Update{WebhookURL: &url})
		if err != nil {
			t.Fatal(err)
		}
		rcv.mu.Lock()
		rcv.secret = set.WebhookSecret
		rcv.mu.Unlock()
		sweep := func() {
			t.Helper()
			if _, err := f.al.Sweep(ctx); err != nil {
				t.Fatal(err)
			}
		}
		editorial := func(clause, nonce string) int64 {
			t.Helper()
			f.site.set(200, page(nonce, "3 March 2026", clause))
			out := f.check(t)
			if out.ChangeID == 0 || out.VersionID == 0 {
				t.Fatalf("an editorial change must record a version and a change: %+v", out)
			}
			c, err := st.Change(ctx, f.monitorOrg.ID, out.ChangeID)
			if err != nil {
				t.Fatal(err)
			}
			if c.Materiality != store.MaterialityEditorial || c.Severity != "" || string(c.Provisions) != "[]" {
				t.Fatalf("change: materiality %q, severity %q, provisions %s; want editorial with none", c.Materiality, c.Severity, c.Provisions)
			}
			sweep()
			return out.ChangeID
		}

		if out := f.check(t); out.VersionID == 0 {
			t.Fatalf("first check recorded nothing: %+v", out)
		}
		first := editorial(clauseV1Typo, "n2")
		editorial(clauseV1Fixed, "n3")
		if got := len(to(rec, f.monitorUser.Email)); got != 0 {
			t.Errorf("editorial changes sent %d same-day mails, want none", got)
		}
		if counts, err := st.CountDeliveries(ctx, store.DeliveryCause{ChangeID: first}); err != nil || len(counts) != 0 {
			t.Errorf("deliveries of an editorial change: %v %v, want none", counts, err)
		}

		// The digest lists both corrections of the document on one line.
		if rep, err := f.al.SendDigests(ctx, 0, true); err != nil || rep.Digests != 2 {
			t.Fatalf("digests: %+v %v", rep, err)
		}
		digest := to(rec, f.freeUser.Email)
		if len(digest) != 1 {
			t.Fatalf("free user got %d mails, want the digest", len(digest))
		}
		if n := strings.Count(digest[0].Text, "https://cw.example/changes/"); n != 1 {
			t.Errorf("digest has %d change lines, want 1:\n%s", n, digest[0].Text)
		}
		if !strings.Contains(digest[0].Text, "2 editorial changes only") || !strings.Contains(digest[0].HTML, "2 editorial changes only") {
			t.Errorf("digest does not say the two changes were editorial:\n%s", digest[0].Text)
		}

		// With editorial alerts on, the next one alerts once by mail and once by webhook.
		on := true
		if st, err := f.al.UpdateSettings(ctx, owner, alerts.Update{Editorial: &on}); err != nil || !st.Editorial {
			t.Fatalf("turn editorial alerts on: %+v %v", st, err)
		}
		third := editorial(clauseV1Typo, "n4")
		sweep()
		mails := to(rec, f.monitorUser.Email)
		if len(mails) != 2 || strings.HasPrefix(mails[1].Subject, "Weekly digest") { // the digest, then the alert
			t.Fatalf("monitor owner got %d mails, want the digest and one alert", len(mails))
		}
		if got := len(to(rec, f.freeUser.Email)); got != 1 {
			t.Errorf("free user got %d mails, want only the digest", got)
		}
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if len(rcv.accepted) != 1 || rcv.accepted[0].Change.ID != third || rcv.accepted[0].Change.Materiality != store.MaterialityEditorial {
			t.Errorf("webhooks accepted %+v, want one for change %d marked editorial", rcv.accepted, third)
		}
	})
}
