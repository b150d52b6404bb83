package app

// Attacks on login throttling, tried over HTTP against the real app on a
// real store (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), as a
// client with curl would: many requests at once, from one or many
// addresses. A local proxy (127.0.0.1) is trusted, so a test speaks as any
// client through X-Forwarded-For.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/ratelimit"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// eachAttackApp runs fn once per database on a fresh app that trusts the
// local proxy and counts rates in an in-process Redis.
func eachAttackApp(t *testing.T, fn func(t *testing.T, ta *testApp)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		fn(t, serveAttackApp(t, st, &mail.Recorder{}, map[string]string{"CLAUSEWATCH_TRUSTED_PROXIES": "127.0.0.1"}))
	})
}

func serveAttackApp(t *testing.T, st *store.Store, sender mail.Sender, vars map[string]string) *testApp {
	t.Helper()
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	ts := httptest.NewUnstartedServer(nil)
	base := "http://" + ts.Listener.Addr().String()
	ta := buildTestAppOn(t, st, base, vars, sender, func(d *Deps) { d.RateLimiter = ratelimit.New(rdb) })
	ts.Config.Handler = ta.server.Handler()
	ts.Start()
	t.Cleanup(ts.Close)
	return ta
}

// attempt is one raw request for a burst; safe to call from goroutines.
type attempt struct {
	path, body, client string
	form               bool
}

// fire sends all attempts at once and counts the answers by status.
func (ta *testApp) fire(attempts []attempt) map[int]int {
	ta.t.Helper()
	var (
		mu     sync.Mutex
		counts = map[int]int{}
		wg     sync.WaitGroup
		start  = make(chan struct{})
		errs   = make(chan error, len(attempts))
	)
	for _, a := range attempts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			status, err := ta.send(a)
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			counts[status]++
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		ta.t.Fatal(err)
	}
	return counts
}

func (ta *testApp) send(a attempt) (int, error) {
	req, err := http.NewRequest(http.MethodPost, ta.URL+a.path, strings.NewReader(a.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if a.form {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	if a.client != "" {
		req.Header.Set("X-Forwarded-For", a.client)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if (res.StatusCode == http.StatusTooManyRequests || res.StatusCode == http.StatusServiceUnavailable) && res.Header.Get("Retry-After") == "" {
		return 0, fmt.Errorf("%s: %d without Retry-After", a.path, res.StatusCode)
	}
	return res.StatusCode, nil
}

// sendOne is send for the test goroutine.
func (ta *testApp) sendOne(a attempt) int {
	ta.t.Helper()
	status, err := ta.send(a)
	if err != nil {
		ta.t.Fatal(err)
	}
	return status
}

func tokenAttempt(email, password, client string) attempt {
	return attempt{path: "/api/v1/tokens", body: fmt.Sprintf(`{"email":%q,"password":%q}`, email, password), client: client}
}

func TestAttackParallelWrongPasswordsForOneAccount(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
		const n = 300
		burst := make([]attempt, n)
		for i := range burst {
			burst[i] = tokenAttempt("ada@example.com", "wrong password here", "")
		}
		counts := ta.fire(burst)
		evaluated := counts[http.StatusUnauthorized]
		t.Logf("%d parallel wrong passwords: %v; peak concurrent hashes %d", n, counts, ta.server.deps.Accounts.HashStats().Peak)
		if evaluated > accounts.MaxLoginFailures {
			t.Fatalf("%d passwords evaluated, limit %d", evaluated, accounts.MaxLoginFailures)
		}
		if evaluated+counts[http.StatusTooManyRequests] != n {
			t.Fatalf("answers %v: want only 401 and 429", counts)
		}
		if st := ta.server.deps.Accounts.HashStats(); st.Peak > st.Capacity {
			t.Fatalf("peak concurrent hashes %d over capacity %d", st.Peak, st.Capacity)
		}
	})
}

func TestAttackHashingBurstIsBounded(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		// Every attempt is a fresh account and a fresh client, so no
		// throttle stops any of them: only the hashing gate stands.
		const n = 200
		burst := make([]attempt, n)
		for i := range burst {
			burst[i] = tokenAttempt(fmt.Sprintf("u%d@example.com", i), "wrong password here", fmt.Sprintf("198.51.%d.%d", i/200, i%200+1))
		}
		counts := ta.fire(burst)
		st := ta.server.deps.Accounts.HashStats()
		t.Logf("%d parallel logins to distinct accounts: %v; peak concurrent hashes %d of %d", n, counts, st.Peak, st.Capacity)
		if st.Peak > st.Capacity || st.Peak == 0 {
			t.Fatalf("peak concurrent hashes %d, capacity %d", st.Peak, st.Capacity)
		}
		if counts[http.StatusUnauthorized]+counts[http.StatusTooManyRequests] != n {
			t.Fatalf("answers %v: want only 401 and 429", counts)
		}
	})
}

func TestAttackCannotLockOwnerOutFromAnotherClient(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
		ta.verified("ada@example.com") // an unconfirmed address mints no tokens
		const attacker, owner = "203.0.113.7", "192.0.2.44"
		for range accounts.MaxLoginFailures {
			if s := ta.sendOne(tokenAttempt("ada@example.com", "wrong password here", attacker)); s != http.StatusUnauthorized {
				t.Fatalf("attacker's early attempt: %d", s)
			}
		}
		if s := ta.sendOne(tokenAttempt("ada@example.com", goodPassword, attacker)); s != http.StatusTooManyRequests {
			t.Fatalf("attacker past the limit: %d, want 429 even with the right password", s)
		}
		if s := ta.sendOne(tokenAttempt("ada@example.com", goodPassword, owner)); s != http.StatusCreated {
			t.Fatalf("owner from their own address: %d, want 201", s)
		}
	})
}

func TestAttackForwardedForIgnoredFromUntrustedPeers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ta := serveAttackApp(t, st, &mail.Recorder{}, nil)
		wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
		for i := range accounts.MaxLoginFailures {
			ta.sendOne(tokenAttempt("ada@example.com", "wrong password here", fmt.Sprintf("203.0.113.%d", i+1)))
		}
		if s := ta.sendOne(tokenAttempt("ada@example.com", goodPassword, "203.0.113.200")); s != http.StatusTooManyRequests {
			t.Fatalf("a made-up X-Forwarded-For escaped the limit: %d", s)
		}
	})
}

func TestAttackAccountCeilingAndResetClearsIt(t *testing.T) {
	eachAttackApp(t, func(t *testing.T, ta *testApp) {
		wantRedirect(t, ta.browser().signup("ada@example.com", goodPassword, "Acme"), "/app")
		// Many clients, each under its own limit, together reach the
		// account's ceiling.
		var burst []attempt
		for c := 0; len(burst) < accounts.MaxAccountLoginFailures; c++ {
			for range accounts.MaxLoginFailures {
				burst = append(burst, tokenAttempt("ada@example.com", "wrong password here", fmt.Sprintf("203.0.113.%d", c+1)))
			}
		}
		counts := ta.fire(burst)
		if counts[http.StatusUnauthorized] > accounts.MaxAccountLoginFailures {
			t.Fatalf("ceiling let %v through", counts)
		}
		// Fill the ceiling up, if the gate refused some of the burst.
		for c := 0; counts[http.StatusUnauthorized] < accounts.MaxAccountLoginFailures; c++ {
			counts[ta.sendOne(tokenAttempt("ada@example.com", "wrong password here", fmt.Sprintf("198.51.100.%d", c/accounts.MaxLoginFailures+1)))]++
		}
		owner := "192.0.2.44"
		if s := ta.sendOne(tokenAttempt("ada@example.com", goodPassword, owner)); s != http.StatusTooManyRequests {
			t.Fatalf("owner past the account's ceiling: %d, want 429", s)
		}
		// The owner proves control of the address and gets in.
		b := ta.browser()
		wantStatus(t, b.post("/password/reset", url.Values{"email": {"ada@example.com"}}), http.StatusOK)
		wantRedirect(t, b.post(ta.mailLink("ada@example.com", "/password/reset/"), url.Values{"password": {"a brand new passphrase"}}), "/login")
		if s := ta.sendOne(tokenAttempt("ada@example.com", "a brand new passphrase", owner)); s != http.StatusCreated {
			t.Fatalf("owner after a completed reset: %d, want 201", s)
		}
	})
}
