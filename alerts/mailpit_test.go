package alerts_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/mail/mailtest"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/workers"
)

// mailpitSubjects lists the subjects of the messages mailpit holds for an
// address.
func mailpitSubjects(t *testing.T, api, addr string) []string {
	t.Helper()
	res, err := http.Get(api + "/api/v1/search?query=" + url.QueryEscape("to:"+addr))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var list struct {
		Messages []struct {
			Subject string
			To      []struct{ Address string }
		} `json:"messages"`
	}
	if err := json.NewDecoder(res.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range list.Messages {
		for _, a := range m.To {
			if strings.EqualFold(a.Address, addr) {
				out = append(out, m.Subject)
			}
		}
	}
	return out
}

// waitSubjects polls mailpit until the address has n messages (10 s at
// most), then makes sure no more arrive for a moment.
func waitSubjects(t *testing.T, api, addr string, n int) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && len(mailpitSubjects(t, api, addr)) < n {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	got := mailpitSubjects(t, api, addr)
	if len(got) != n {
		t.Fatalf("%s has %d mails %q, want %d", addr, len(got), got, n)
	}
	return got
}

// worker runs the alert tasks on r until the test ends.
func worker(t *testing.T, r *workers.Redis, st *store.Store, al *alerts.Service) {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// Only the alert tasks: this worker checks no documents.
	handlers := map[string]asynq.Handler{
		workers.TypeDeliverAlert: &workers.DeliverAlertHandler{Alerts: al},
		workers.TypeAlertSweep:   &workers.AlertSweepHandler{Alerts: al, Log: log},
		workers.TypeDigests:      &workers.DigestsHandler{Alerts: al},
	}
	srv, err := workers.NewServer(r, workers.ServerOptions{Concurrency: 4, Log: log, PollInterval: 20 * time.Millisecond}, handlers)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
}

// queue opens an in-process Redis and an Asynq client on it.
func queue(t *testing.T) (*workers.Redis, workers.AlertQueue) {
	t.Helper()
	r, err := workers.OpenRedis(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	client, err := workers.NewClient(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close(); r.Close() })
	return r, workers.AlertQueue{Client: client}
}

func TestMailpitSameDayThenDigest(t *testing.T) {
	api, smtpURL := mailtest.Mailpit(t)
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		sender, err := mail.NewSMTPSender(smtpURL, "Clausewatch <alerts@example.com>")
		if err != nil {
			t.Fatal(err)
		}
		r, q := queue(t)
		f := newFixture(t, st, fixtureOptions{sender: sender, queue: q})
		worker(t, r, st, f.al)

		start := time.Now()
		f.change(t)
		got := waitSubjects(t, api, f.monitorUser.Email, 1)
		t.Logf("same-day alert in mailpit %v after the change", time.Since(start).Round(time.Millisecond))
		if !strings.Contains(got[0], "Acme's Terms of Service changed") {
			t.Errorf("subject %q", got[0])
		}
		waitSubjects(t, api, f.freeUser.Email, 0)

		rep, err := f.al.SendDigests(context.Background(), 0, true)
		if err != nil || rep.Digests != 2 {
			t.Fatalf("digests: %+v %v", rep, err)
		}
		got = waitSubjects(t, api, f.freeUser.Email, 1)
		if !strings.HasPrefix(got[0], "Weekly digest: 1 change") {
			t.Errorf("digest subject %q", got[0])
		}
		if rep, err := f.al.SendDigests(context.Background(), 0, true); err != nil || rep.Digests != 0 {
			t.Fatalf("second run: %+v %v", rep, err)
		}
		waitSubjects(t, api, f.freeUser.Email, 1)
		waitSubjects(t, api, f.monitorUser.Email, 2) // the alert and the digest
	})
}

func TestRedisFlushedBeforeDeliveryLosesNothing(t *testing.T) {
	api, smtpURL := mailtest.Mailpit(t)
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		sender, err := mail.NewSMTPSender(smtpURL, "Clausewatch <alerts@example.com>")
		if err != nil {
			t.Fatal(err)
		}
		r, q := queue(t)
		f := newFixture(t, st, fixtureOptions{sender: sender, queue: q})
		colleagues := make([]*store.User, 3)
		for i := range colleagues {
			colleagues[i] = f.member(t, f.monitorOrg, fmt.Sprintf("colleague%d", i), store.RoleMember, true)
		}
		f.change(t) // enqueued, but no worker runs yet
		if err := r.Client.FlushDB(context.Background()).Err(); err != nil {
			t.Fatal(err)
		}
		worker(t, r, st, f.al)
		n, err := f.al.Sweep(context.Background())
		if err != nil || n != 4 {
			t.Fatalf("sweep relayed %d: %v", n, err)
		}
		waitSubjects(t, api, f.monitorUser.Email, 1)
		for _, u := range colleagues {
			waitSubjects(t, api, u.Email, 1)
		}
	})
}
