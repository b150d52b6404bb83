package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
	"github.com/clausewatch/clausewatch/watchlist"
)

// ssrfPayload is one URL a user might submit to reach inside the network.
type ssrfPayload struct{ name, url string }

// ssrfPayloads are the hostile URLs, many aimed at the port of the
// loopback listener that must never see a connection.
func ssrfPayloads(port uint16) []ssrfPayload {
	p := func(format string) string { return fmt.Sprintf(format, port) }
	payloads := []ssrfPayload{
		{"loopback", p("http://127.0.0.1:%d/terms")},
		{"loopback short", p("http://127.1:%d/")},
		{"loopback hex", p("http://0x7f.1:%d/")},
		{"loopback decimal", p("http://2130706433:%d/")},
		{"loopback octal", p("http://017700000001:%d/")},
		{"loopback zero-padded", "http://127.000.000.001/"},
		{"loopback octal dotted", "http://0177.0.0.1/"},
		{"loopback hex whole", "http://0x7f000001/"},
		{"loopback IPv6", p("http://[::1]:%d/")},
		{"loopback IPv4-mapped", p("http://[::ffff:127.0.0.1]:%d/")},
		{"loopback IPv4-mapped long", p("http://[0:0:0:0:0:ffff:7f00:1]:%d/")},
		{"loopback IPv4-mapped hex", "http://[::ffff:7f00:1]/"},
		{"loopback port 80", "http://127.0.0.1/"},
		{"unspecified", p("http://0.0.0.0:%d/")},
		{"unspecified short", "http://0/"},
		{"unspecified IPv6", "http://[::]/"},
		{"localhost", p("http://localhost:%d/")},
		{"localhost dot", p("http://localhost.:%d/")},
		{"localhost upper dot", "http://LOCALHOST./"},
		{"localhost subdomain", "http://app.localhost/"},
		{"private 10/8", "http://10.0.0.1/"},
		{"private 172.16/12", "http://172.16.0.1/"},
		{"private 192.168/16", "http://192.168.1.1/"},
		{"private IPv6 ULA", "http://[fd00::1]/"},
		{"link-local metadata", "http://169.254.169.254/latest/meta-data/"},
		{"link-local IPv6", "http://[fe80::1%25eth0]/"},
		{"metadata name GCP", "http://metadata.google.internal/computeMetadata/v1/"},
		{"metadata name AWS", "http://instance-data.ec2.internal/latest/meta-data/"},
		{"metadata Alibaba (CGNAT)", "http://100.100.100.200/latest/meta-data/"},
		{"CGNAT", "http://100.64.0.1/"},
		{"NAT64 of loopback", "http://[64:ff9b::7f00:1]/"},
		{"6to4 of loopback", "http://[2002:7f00:1::]/"},
		{"mDNS name", "http://printer.local/"},
		{"odd port", "https://example.com:8443/terms"},
		{"odd port ssh", "http://example.com:22/"},
		{"file", "file:///etc/passwd"},
		{"gopher", p("gopher://127.0.0.1:%d/_GET%20/")},
		{"ftp", "ftp://example.com/terms"},
		{"javascript", "javascript:alert(1)"},
		{"data", "data:text/html,<script>alert(1)</script>"},
		{"credentials", "http://user:pass@example.com/"},
		{"no host", "http:///terms"},
		{"scheme-relative", "//example.com/terms"},
	}
	// Names that this machine's resolver maps to loopback (hosts file):
	// the resolution check must refuse them as it would a DNS answer.
	host, _ := os.Hostname()
	seen := map[string]bool{}
	for _, name := range []string{host, "vm", "runsc", "ip6-localhost"} {
		if !seen[name] && resolvesToLoopback(name) {
			seen[name] = true
			payloads = append(payloads, ssrfPayload{"name resolving to loopback " + name, "http://" + name + "/terms"})
		}
	}
	return payloads
}

func resolvesToLoopback(name string) bool {
	if name == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", name)
	if err != nil || len(addrs) == 0 {
		return false
	}
	for _, a := range addrs {
		if !a.Unmap().IsLoopback() {
			return false
		}
	}
	return true
}

// loopbackListener is a server on the loopback interface counting every
// connection it accepts.
func loopbackListener(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "<main>internal secret</main>")
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// productionTracker is the real recorder on the production fetch policy:
// whatever validation let through would really be fetched.
func productionTracker(st *store.Store) *recorder.Service {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	f := fetch.New(fetch.Options{DialTimeout: time.Second, HeaderTimeout: time.Second, TotalTimeout: 3 * time.Second})
	return recorder.New(st, engine.New(f), log, time.Hour, recorder.Hooks{})
}

// TestSSRFCorpusEveryUserSuppliedURL sends every payload through each place
// a user supplies a URL: the API and the watchlist form for custom
// documents, and the alerts webhook setting. Each is refused with 422 and
// the loopback listener never sees a connection, although the first check
// of a custom URL runs the real recorder on the production fetcher.
func TestSSRFCorpusEveryUserSuppliedURL(t *testing.T) {
	srv, conns := loopbackListener(t)
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	ta := newWatchlistTestAppWith(t, func(st *store.Store) watchlist.Checker { return productionTracker(st) })
	ctx := context.Background()

	token, org := apiToken(t, ta, "api@example.com", "API Co", "compliance")
	b := ta.browser()
	wantRedirect(t, b.signup("form@example.com", goodPassword, "Form Co"), "/app")
	formOrg, err := ta.store.OrganizationBySlug(ctx, "form-co")
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetOrganizationPlan(ctx, formOrg.ID, "compliance"); err != nil {
		t.Fatal(err)
	}
	owner, err := ta.store.UserByEmail(ctx, "api@example.com")
	if err != nil {
		t.Fatal(err)
	}
	al := alerts.New(alerts.Deps{Store: ta.store})

	payloads := ssrfPayloads(port)
	if len(payloads) < 40 {
		t.Fatalf("only %d payloads", len(payloads))
	}
	for _, pl := range payloads {
		t.Run(pl.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]string{"url": pl.url, "name": "Terms"})
			res, out := ta.apiCall("POST", "/api/v1/watchlist", token, string(body))
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("API: status %d, want 422: %s", res.StatusCode, res.Body)
			} else if fields, _ := out["error"].(map[string]any)["fields"].(map[string]any); fields["url"] == nil {
				t.Errorf("API: no error on url: %s", res.Body)
			}

			form := b.post("/app/watchlist/custom", url.Values{"url": {pl.url}, "name": {"Terms"}})
			if form.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("form: status %d, want 422", form.StatusCode)
			}

			hook := pl.url
			_, err := al.UpdateSettings(ctx, alerts.Actor{OrganizationID: org.ID, UserID: owner.ID, Role: store.RoleOwner, Verified: true},
				alerts.Update{WebhookURL: &hook})
			var verrs validation.Errors
			if !errors.As(err, &verrs) || verrs["webhook_url"] == "" {
				t.Errorf("webhook URL: %v, want a validation error on webhook_url", err)
			}
		})
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the loopback listener saw %d connections, want 0", n)
	}
	for _, o := range []*store.Organization{org, formOrg} {
		if n, err := ta.store.CountWatches(ctx, o.ID); err != nil || n.CustomURLs != 0 {
			t.Errorf("%s stored %d custom URLs (%v), want 0", o.Name, n.CustomURLs, err)
		}
	}
	if s, err := al.Settings(ctx, alerts.Actor{OrganizationID: org.ID, UserID: owner.ID, Role: store.RoleOwner, Verified: true}); err != nil || s.Webhook != nil {
		t.Errorf("webhook stored: %+v, %v", s, err)
	}
}

// TestStoredLoopbackURLIsBlockedAtCheck covers URLs that reach the
// database without the form (a catalogue declaration, an older row): the
// recorder's check on the production fetcher records the blocked state and
// makes no connection, redirects included.
func TestStoredLoopbackURLIsBlockedAtCheck(t *testing.T) {
	srv, conns := loopbackListener(t)
	ta := newTestApp(t)
	ctx := context.Background()
	tr := productionTracker(ta.store)
	for _, u := range []string{srv.URL + "/terms", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), "http://169.254.169.254/"} {
		sources, _ := json.Marshal([]engine.Source{{URL: u}})
		doc := &store.Document{Name: "Stored " + u, DocType: "Custom", Sources: sources}
		if err := ta.store.CreateDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
		out, err := tr.Check(ctx, doc.ID)
		if err != nil {
			t.Fatalf("%s: %v", u, err)
		}
		if out.State != docstate.Blocked || out.NewVersion() {
			t.Errorf("%s: outcome %+v, want blocked without a version", u, out)
		}
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the loopback listener saw %d connections, want 0", n)
	}
}
