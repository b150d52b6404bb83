package app

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/clausewatch/clausewatch/store"
)

func TestAPIWatchlistStatusCodes(t *testing.T) {
	ta := newWatchlistTestApp(t)
	f, _ := seedEngine(t, ta)
	freeToken, _ := apiToken(t, ta, "free@example.com", "Free Co", "")

	res, out := ta.apiCall("POST", "/api/v1/watchlist", freeToken, `{"platform":"acme"}`)
	wantStatus(t, res, http.StatusCreated)
	watchID := int64(out["id"].(float64))
	if out["kind"] != "platform" || out["platform"].(map[string]any)["slug"] != "acme" || len(out["documents"].([]any)) != 2 {
		t.Errorf("created watch = %v", out)
	}

	res, out = ta.apiCall("POST", "/api/v1/watchlist", freeToken, `{"platform":"acme"}`)
	wantStatus(t, res, http.StatusConflict)
	if msg := out["error"].(map[string]any)["message"]; msg != "You already watch Acme." {
		t.Errorf("conflict message = %v", msg)
	}

	res, _ = ta.apiCall("POST", "/api/v1/watchlist", freeToken, `{"platform":"globex"}`)
	wantStatus(t, res, http.StatusPaymentRequired)
	want := `{"error":{"code":"plan_limit","message":"The Free plan watches 1 platform; upgrade to Monitor to watch up to 25.","limit":1,"plan":"free"}}`
	if got := strings.TrimSpace(res.Body); got != want {
		t.Errorf("402 body =\n%s\nwant\n%s", got, want)
	}

	tests := []struct {
		name, body string
		status     int
		field      string
	}{
		{"unknown platform", `{"platform":"nope"}`, 422, "platform"},
		{"nothing", `{}`, 422, "platform"},
		{"both", `{"platform":"acme","url":"https://example.com"}`, 422, "platform"},
		{"custom URL on Free", `{"url":"https://example.com/terms","name":"Terms"}`, 402, ""},
		{"unknown field", `{"platfrom":"acme"}`, 400, ""},
	}
	for _, tt := range tests {
		res, out := ta.apiCall("POST", "/api/v1/watchlist", freeToken, tt.body)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.name, res.StatusCode, tt.status, res.Body)
			continue
		}
		if tt.field != "" {
			if fields, _ := out["error"].(map[string]any)["fields"].(map[string]any); fields[tt.field] == nil {
				t.Errorf("%s: no error on %s: %s", tt.name, tt.field, res.Body)
			}
		}
	}

	res, out = ta.apiCall("GET", "/api/v1/watchlist", freeToken, "")
	wantStatus(t, res, http.StatusOK)
	if ws := out["watches"].([]any); len(ws) != 1 {
		t.Errorf("watchlist = %v", out)
	}

	// The owner organization watches Acme too; its watch id is not Free
	// Co's to delete.
	ownerWatch, err := ta.store.AddPlatformWatch(context.Background(), f.ownerOrg.ID, f.acme.ID, nil, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, _ = ta.apiCall("DELETE", "/api/v1/watchlist/"+itoa(ownerWatch.ID), freeToken, "")
	wantStatus(t, res, http.StatusNotFound)
	if _, err := ta.store.Watch(context.Background(), f.ownerOrg.ID, ownerWatch.ID); err != nil {
		t.Errorf("the other organization's watch is gone: %v", err)
	}

	res, out = ta.apiCall("GET", "/api/v1/changes?since=2026-03-01T00:00:00Z", freeToken, "")
	wantStatus(t, res, http.StatusOK)
	cs := out["changes"].([]any)
	if len(cs) != 1 || int64(cs[0].(map[string]any)["id"].(float64)) != f.acmeChange.ID {
		t.Errorf("changes = %v", out)
	}
	res, out = ta.apiCall("GET", "/api/v1/changes?since=2026-03-05T00:00:00Z", freeToken, "")
	wantStatus(t, res, http.StatusOK)
	if cs := out["changes"].([]any); len(cs) != 0 {
		t.Errorf("changes since after the change = %v", cs)
	}
	res, _ = ta.apiCall("GET", "/api/v1/changes?since=yesterday", freeToken, "")
	wantStatus(t, res, http.StatusBadRequest)

	req, _ := http.NewRequest("DELETE", ta.URL+"/api/v1/watchlist/"+itoa(watchID), nil)
	req.Header.Set("Authorization", "Bearer "+freeToken)
	wantStatus(t, ta.browser().do(req), http.StatusNoContent)
	res, _ = ta.apiCall("DELETE", "/api/v1/watchlist/"+itoa(watchID), freeToken, "")
	wantStatus(t, res, http.StatusNotFound)
}

func TestAPICustomURLValidation(t *testing.T) {
	var conns atomic.Int64
	site := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	site.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	site.Start()
	defer site.Close()

	ta := newWatchlistTestApp(t)
	token, _ := apiToken(t, ta, "paid@example.com", "Paid Co", "monitor")
	tests := []struct {
		name, body string
		status     int
		field      string
	}{
		{"ftp", `{"url":"ftp://example.com/terms","name":"Terms"}`, 422, "url"},
		{"loopback", `{"url":"` + site.URL + `/terms","name":"Terms"}`, 422, "url"},
		{"bad selector", `{"url":"https://example.com/terms","name":"Terms","select":["p["]}`, 422, "select"},
		{"no name", `{"url":"https://example.com/terms"}`, 422, "name"},
	}
	for _, tt := range tests {
		res, out := ta.apiCall("POST", "/api/v1/watchlist", token, tt.body)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d: %s", tt.name, res.StatusCode, tt.status, res.Body)
			continue
		}
		if fields, _ := out["error"].(map[string]any)["fields"].(map[string]any); fields[tt.field] == nil {
			t.Errorf("%s: no error on %s: %s", tt.name, tt.field, res.Body)
		}
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the loopback site saw %d connections, want 0", n)
	}

	res, out := ta.apiCall("POST", "/api/v1/watchlist", token, `{"url":"https://example.com/terms","name":"Supplier terms","select":["main"]}`)
	wantStatus(t, res, http.StatusCreated)
	check, _ := out["check"].(map[string]any)
	if out["kind"] != "custom" || out["url"] != "https://example.com/terms" || check["state"] != "selector_missing" {
		t.Errorf("custom watch = %v", out)
	}
}

func TestAPIParallelAddsOnFree(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	for i := range 20 {
		p := &store.Platform{Slug: "p" + strconv.Itoa(i), Name: "P" + strconv.Itoa(i)}
		if err := ta.store.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	token, org := apiToken(t, ta, "free@example.com", "Free Co", "")
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		statuses = map[int]int{}
	)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", ta.URL+"/api/v1/watchlist", strings.NewReader(`{"platform":"p`+strconv.Itoa(i)+`"}`))
			req.Header.Set("Authorization", "Bearer "+token)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			res.Body.Close()
			mu.Lock()
			statuses[res.StatusCode]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	n, err := ta.store.CountWatches(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if statuses[201] != 1 || statuses[402] != 19 || n.Platforms != 1 {
		t.Fatalf("statuses %v, %d watches stored; want one 201, nineteen 402, one watch", statuses, n.Platforms)
	}
}

func TestAPIRateLimitPerToken(t *testing.T) {
	ta := newWatchlistTestApp(t)
	token, _ := apiToken(t, ta, "free@example.com", "Free Co", "")
	for i := 1; i <= 60; i++ {
		res, _ := ta.apiCall("GET", "/api/v1/me", token, "")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("request %d: status %d", i, res.StatusCode)
		}
	}
	res, out := ta.apiCall("GET", "/api/v1/watchlist", token, "")
	wantStatus(t, res, http.StatusTooManyRequests)
	retry, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if err != nil || retry < 1 || retry > 60 {
		t.Errorf("Retry-After = %q", res.Header.Get("Retry-After"))
	}
	if errorCode(out) != "rate_limited" {
		t.Errorf("body = %s", res.Body)
	}
	// Another token has its own window; a paid plan has ten times as many.
	paid, _ := apiToken(t, ta, "paid@example.com", "Paid Co", "monitor")
	for i := 1; i <= 61; i++ {
		res, _ := ta.apiCall("GET", "/api/v1/me", paid, "")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("paid request %d: status %d", i, res.StatusCode)
		}
	}
}
