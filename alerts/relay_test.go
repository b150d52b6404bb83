package alerts_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver to take a table away

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestSameDayAlertGoesToPaidOrganizationsOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec})
		unverified := f.member(t, f.monitorOrg, "unverified", store.RoleMember, false)
		colleague := f.member(t, f.monitorOrg, "colleague", store.RoleMember, true)
		f.change(t)

		for _, tc := range []struct {
			who  *store.User
			want int
		}{{f.monitorUser, 1}, {colleague, 1}, {f.freeUser, 0}, {unverified, 0}} {
			if got := len(to(rec, tc.who.Email)); got != tc.want {
				t.Errorf("%s got %d same-day mails, want %d", tc.who.Email, got, tc.want)
			}
		}
		m := to(rec, f.monitorUser.Email)[0]
		if !strings.Contains(m.Subject, "Acme") || !strings.Contains(m.Subject, "Terms of Service") {
			t.Errorf("subject does not name platform and document: %q", m.Subject)
		}
		for _, want := range []string{"https://cw.example/changes/", "advertising partners", "https://cw.example/alerts/unsubscribe?token="} {
			if !strings.Contains(m.Text, want) || !strings.Contains(m.HTML, want) {
				t.Errorf("mail lacks %q:\n%s", want, m.Text)
			}
		}
		if !strings.HasPrefix(m.Headers["List-Unsubscribe"], "<https://cw.example/alerts/unsubscribe?token=") ||
			m.Headers["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click" {
			t.Errorf("unsubscribe headers: %v", m.Headers)
		}

		// The digest: everyone gets one, once.
		rep, err := f.al.SendDigests(context.Background(), 0, true)
		if err != nil || rep.Digests != 2 {
			t.Fatalf("digests: %+v %v", rep, err)
		}
		rep, err = f.al.SendDigests(context.Background(), 0, true)
		if err != nil || rep.Digests != 0 {
			t.Fatalf("second run: %+v %v", rep, err)
		}
		for _, u := range []*store.User{f.freeUser, f.monitorUser} {
			var digests int
			for _, m := range to(rec, u.Email) {
				if strings.HasPrefix(m.Subject, "Weekly digest") {
					digests++
					if !strings.Contains(m.Text, "Acme") || !strings.Contains(m.Text, "https://cw.example/changes/") {
						t.Errorf("digest lacks the change:\n%s", m.Text)
					}
				}
			}
			if digests != 1 {
				t.Errorf("%s got %d digests, want 1", u.Email, digests)
			}
		}
	})
}

func TestConcurrentDeliveriesSendOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec, noEnqueue: true})
		id := f.change(t)
		due, err := st.PendingDeliveries(context.Background(), store.DeliveryCause{ChangeID: id})
		if err != nil || len(due) != 1 {
			t.Fatalf("pending deliveries: %v %v", due, err)
		}
		var wg sync.WaitGroup
		for range 5 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := f.al.Deliver(context.Background(), due[0].ID); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if n := len(rec.Messages()); n != 1 {
			t.Fatalf("5 concurrent runs sent %d mails, want 1", n)
		}
	})
}

func TestSweepDeliversWhatWasNeverEnqueued(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec, noEnqueue: true})
		f.change(t)
		if n := len(rec.Messages()); n != 0 {
			t.Fatalf("sent %d mails without a relay", n)
		}
		n, err := f.al.Sweep(context.Background())
		if err != nil || n != 1 {
			t.Fatalf("sweep relayed %d: %v", n, err)
		}
		if got := len(to(rec, f.monitorUser.Email)); got != 1 {
			t.Fatalf("after the sweep %d mails, want 1", got)
		}
		if n, err := f.al.Sweep(context.Background()); err != nil || n != 0 {
			t.Fatalf("second sweep relayed %d: %v", n, err)
		}
	})
}

func TestNoiseAndTechnicalUpgradesSendNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec})
		if out := f.check(t); out.VersionID == 0 {
			t.Fatalf("first check: %+v", out)
		}
		f.site.set(200, page("n2", "9 March 2026", clauseV1)) // noise only
		if out := f.check(t); out.VersionID != 0 {
			t.Fatalf("noise recorded a version: %+v", out)
		}
		f.importRules("article") // a wider selector: a technical upgrade
		if _, err := f.al.Sweep(context.Background()); err != nil {
			t.Fatal(err)
		}
		rep, err := f.al.SendDigests(context.Background(), 0, true)
		if err != nil || rep.Digests != 0 {
			t.Fatalf("digests: %+v %v", rep, err)
		}
		if n := len(rec.Messages()); n != 0 {
			t.Fatalf("noise and upgrades sent %d mails", n)
		}
	})
}

func TestSourceHealthNoticesOnceEachWay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec})
		f.check(t)
		f.site.set(503, "down")
		for range 5 {
			f.check(t)
		}
		f.site.set(200, page("n3", "1 March 2026", clauseV1))
		f.check(t)
		f.check(t)
		// The recorder calls Failing once per streak; a second call (another
		// worker) must not send again.
		doc, err := st.Document(context.Background(), f.doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.al.DocumentRecovered(doc)

		for _, u := range []*store.User{f.monitorUser, f.freeUser} {
			var failing, resumed int
			for _, m := range to(rec, u.Email) {
				switch {
				case strings.HasPrefix(m.Subject, "We can't read Acme's Terms of Service"):
					failing++
				case strings.HasSuffix(m.Subject, "can be read again"):
					resumed++
				}
			}
			if failing != 1 || resumed != 1 {
				t.Errorf("%s: %d failing and %d resumed notices, want 1 and 1", u.Email, failing, resumed)
			}
		}
	})
}

func TestUnsubscribeLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		rec := &mail.Recorder{}
		f := newFixture(t, st, fixtureOptions{sender: rec})
		ctx := context.Background()
		link := f.al.UnsubscribeURL(f.monitorUser.ID, f.monitorOrg.ID, store.OptOutSameDay)
		token := link[strings.Index(link, "token=")+len("token="):]
		for _, bad := range []string{
			"", "garbage", token + "x", strings.Replace(token, "same_day", "digest", 1),
			strings.Replace(token, itoa(f.monitorUser.ID)+".", itoa(f.freeUser.ID)+".", 1),
		} {
			if _, err := f.al.Unsubscribe(ctx, bad); err == nil {
				t.Errorf("tampered token %q accepted", bad)
			}
		}
		got, err := f.al.Unsubscribe(ctx, token)
		if err != nil || got.Email != f.monitorUser.Email {
			t.Fatalf("unsubscribe: %+v %v", got, err)
		}
		f.change(t)
		if n := len(to(rec, f.monitorUser.Email)); n != 0 {
			t.Fatalf("unsubscribed member got %d mails", n)
		}
	})
}

// flakySender fails its first send, as a mail server that drops the
// connection, then records.
type flakySender struct {
	mail.Recorder
	mu       sync.Mutex
	failed   bool
	attempts []string
}

func (s *flakySender) Send(ctx context.Context, m mail.Message) error {
	s.mu.Lock()
	s.attempts = append(s.attempts, m.ID)
	first := !s.failed
	s.failed = true
	s.mu.Unlock()
	if first {
		return errors.New("connection reset by peer")
	}
	return s.Recorder.Send(ctx, m)
}

// A delivery sent again keeps its Message-ID, so a copy that went out
// twice (the server accepted it, the worker died before recording it)
// shows once in mail clients; different deliveries have different IDs.
func TestRetriedAlertKeepsItsMessageID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		sender := &flakySender{}
		f := newFixture(t, st, fixtureOptions{sender: sender, noEnqueue: true, backoff: func(int) time.Duration { return 0 }})
		f.member(t, f.monitorOrg, "colleague", store.RoleMember, true)
		id := f.change(t)
		due, err := st.PendingDeliveries(ctx, store.DeliveryCause{ChangeID: id})
		if err != nil || len(due) != 2 {
			t.Fatalf("pending deliveries: %v %v", due, err)
		}
		for range 2 {
			if err := f.al.Deliver(ctx, due[0].ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.al.Deliver(ctx, due[1].ID); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("alert-%d@cw.example", due[0].ID)
		if len(sender.attempts) != 3 || sender.attempts[0] != want || sender.attempts[1] != want {
			t.Fatalf("Message-IDs of the attempts = %q, want %q twice first", sender.attempts, want)
		}
		if sender.attempts[2] == want {
			t.Fatalf("two deliveries share the Message-ID %q", want)
		}
		if n := len(sender.Messages()); n != 2 {
			t.Fatalf("%d mails recorded, want 2", n)
		}
	})
}

// A lookup that fails for another reason than "gone" (here the changes
// table is briefly away, as during a database restart) is a failure to
// retry: the delivery goes back to pending and is sent once the database
// answers, never ended as failed or skipped.
func TestLookupErrorIsRetriedNotFailed(t *testing.T) {
	ctx := context.Background()
	dbURL := storetest.NewPostgresDatabase(t)
	st := storetest.Open(t, dbURL)
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rec := &mail.Recorder{}
	f := newFixture(t, st, fixtureOptions{sender: rec, noEnqueue: true, backoff: func(int) time.Duration { return 0 }})
	id := f.change(t)
	due, err := st.PendingDeliveries(ctx, store.DeliveryCause{ChangeID: id})
	if err != nil || len(due) != 1 {
		t.Fatalf("pending deliveries: %v %v", due, err)
	}

	if _, err := db.Exec("ALTER TABLE changes RENAME TO changes_away"); err != nil {
		t.Fatal(err)
	}
	if err := f.al.Deliver(ctx, due[0].ID); err != nil {
		t.Fatal(err)
	}
	if counts, err := st.CountDeliveries(ctx, store.DeliveryCause{ChangeID: id}); err != nil || counts[store.DeliveryPending] != 1 {
		t.Fatalf("after a failed lookup the delivery is %v (%v), want pending for a retry", counts, err)
	}
	if _, err := db.Exec("ALTER TABLE changes_away RENAME TO changes"); err != nil {
		t.Fatal(err)
	}
	if err := f.al.Deliver(ctx, due[0].ID); err != nil {
		t.Fatal(err)
	}
	if counts, err := st.CountDeliveries(ctx, store.DeliveryCause{ChangeID: id}); err != nil || counts[store.DeliverySent] != 1 || len(rec.Messages()) != 1 {
		t.Fatalf("after the database came back: deliveries %v (%v), %d mails; want 1 sent", counts, err, len(rec.Messages()))
	}
}
