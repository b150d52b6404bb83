package app

// Attacks that make the service send mail to chosen addresses, find out
// who has an account, or choke a page on its query; over HTTP against the
// real app and store, as in attacks_test.go.

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// mailsTo counts the mails recorded to address once background sends are
// done.
func (ta *testApp) mailsTo(address string) int {
	ta.server.deps.Accounts.Wait()
	n := 0
	for _, m := range ta.mail.Messages() {
		if m.To == address {
			n++
		}
	}
	return n
}

func TestAttackMailFloodToOneAddress(t *testing.T) {
	const requests = 10
	tests := []struct {
		name    string
		to      string
		request func(ta *testApp, owner, unverified *browser) *response
		answer  int
	}{
		{"password reset", "ada@example.com", func(ta *testApp, _, _ *browser) *response {
			return ta.browser().post("/password/reset", url.Values{"email": {"ada@example.com"}})
		}, http.StatusOK},
		{"verification resend", "eve@example.com", func(_ *testApp, _, unverified *browser) *response {
			return unverified.post("/verify/resend", nil)
		}, http.StatusSeeOther},
		{"re-invitation", "victim@example.org", func(_ *testApp, owner, _ *browser) *response {
			return owner.post("/app/members/invite", url.Values{"email": {"victim@example.org"}, "role": {"member"}})
		}, 0}, // the inviter is told when the address has had enough

	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			eachAttackApp(t, func(t *testing.T, ta *testApp) {
				owner, _ := ta.owner("ada@example.com", "Acme", "compliance")
				unverified := ta.browser()
				wantRedirect(t, unverified.signup("eve@example.com", goodPassword, "Eve"), "/app")
				before := ta.mailsTo(tt.to)
				statuses := map[int]int{}
				for range requests {
					statuses[tt.request(ta, owner, unverified).StatusCode]++
				}
				sent := ta.mailsTo(tt.to) - before
				t.Logf("%d requests: answers %v, %d mails", requests, statuses, sent)
				if sent != mailPerAddress {
					t.Fatalf("%d mails to %s, want the limit, %d", sent, tt.to, mailPerAddress)
				}
				if tt.answer != 0 && statuses[tt.answer] != requests {
					t.Fatalf("answers %v: want every answer %d, limited or not", statuses, tt.answer)
				}
			})
		})
	}
}

func TestAttackResetAnswersAreUniformAndLimitedPerClient(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
		strip := func(r *response, email string) string { return strings.ReplaceAll(r.Body, email, "EMAIL") }
		// Past its own limit, a known address answers like a new one.
		for range mailPerAddress + 1 {
			ta.browser().post("/password/reset", url.Values{"email": {"ada@example.com"}})
		}
		known := ta.browser().post("/password/reset", url.Values{"email": {"ada@example.com"}})
		unknown := ta.browser().post("/password/reset", url.Values{"email": {"nobody@example.com"}})
		wantStatus(t, known, http.StatusOK)
		wantStatus(t, unknown, http.StatusOK)
		if strip(known, "ada@example.com") != strip(unknown, "nobody@example.com") {
			t.Fatal("the answers for a known and an unknown address differ")
		}
		// One client asking for many addresses is stopped.
		statuses := map[int]int{}
		for i := range mailPerClient + 5 {
			statuses[ta.sendOne(attempt{path: "/password/reset", body: url.Values{"email": {fmt.Sprintf("x%d@example.com", i)}}.Encode(), client: "203.0.113.9", form: true})]++
		}
		t.Logf("%d reset requests for distinct addresses from one client: %v", mailPerClient+5, statuses)
		if statuses[http.StatusOK] != mailPerClient || statuses[http.StatusTooManyRequests] != 5 {
			t.Fatalf("answers %v: want %d × 200 then 429", statuses, mailPerClient)
		}
	})
}

// gatedSender holds every mail, once armed, until released.
type gatedSender struct {
	armed   atomic.Bool
	release chan struct{}
	rec     mail.Recorder
}

func (g *gatedSender) Send(ctx context.Context, m mail.Message) error {
	if g.armed.Load() {
		<-g.release
	}
	return g.rec.Send(ctx, m)
}

func TestAttackResetAnswersBeforeMailing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		sender := &gatedSender{release: make(chan struct{})}
		ta := serveAttackApp(t, st, sender, nil)
		res, _ := ta.apiCall("POST", "/api/v1/signup", "", `{"email":"ada@example.com","password":"`+goodPassword+`","organization":"Acme"}`)
		wantStatus(t, res, http.StatusCreated)
		// With mail held, a known address is answered all the same: the
		// answer cannot wait for (or time) the mail.
		sender.armed.Store(true)
		done := make(chan *response, 1)
		go func() {
			b := ta.browser()
			req, _ := http.NewRequest(http.MethodPost, ta.URL+"/password/reset", strings.NewReader("email=ada%40example.com"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			res, err := b.client.Do(req)
			if err == nil {
				res.Body.Close()
			}
			done <- &response{Response: res}
		}()
		r := <-done
		close(sender.release)
		if r.Response == nil || r.StatusCode != http.StatusOK {
			t.Fatalf("reset request for a known address with mail held: %v", r.Response)
		}
		ta.server.deps.Accounts.Wait()
		if _, ok := sender.rec.Last("ada@example.com"); !ok {
			t.Fatal("the reset mail never went")
		}
	})
}

func TestAttackSignupsPerClient(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		statuses := map[int]int{}
		for i := range signupsPerClient + 3 {
			body := fmt.Sprintf(`{"email":"s%d@example.com","password":%q,"organization":"Org %d"}`, i, goodPassword, i)
			statuses[ta.sendOne(attempt{path: "/api/v1/signup", body: body, client: "203.0.113.50"})]++
		}
		t.Logf("%d API sign-ups from one client: %v", signupsPerClient+3, statuses)
		if statuses[http.StatusCreated] != signupsPerClient || statuses[http.StatusTooManyRequests] != 3 {
			t.Fatalf("answers %v: want %d × 201 then 429", statuses, signupsPerClient)
		}
		// The API keeps its 409 for a registered address.
		body := fmt.Sprintf(`{"email":"s0@example.com","password":%q,"organization":"Again"}`, goodPassword)
		if s := ta.sendOne(attempt{path: "/api/v1/signup", body: body, client: "198.51.100.60"}); s != http.StatusConflict {
			t.Fatalf("API sign-up with a registered address: %d, want 409", s)
		}
	})
}

func TestAttackWatchlistHugeQuery(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ta := serveAttackApp(t, st, &mail.Recorder{}, nil)
		if err := st.UpsertPlatform(context.Background(), &store.Platform{Slug: "acme", Name: "Acme", Category: "Productivity"}); err != nil {
			t.Fatal(err)
		}
		b, _ := ta.owner("ada@example.com", "Acme", "free")
		q := url.QueryEscape(strings.Repeat("a", 100000))
		for _, path := range []string{"/app/watchlist?q=" + q, "/platforms?q=" + q} {
			if r := b.get(path); r.StatusCode != http.StatusOK {
				t.Fatalf("%s with a 100,000-character query: %d", path[:15], r.StatusCode)
			}
		}
	})
}
