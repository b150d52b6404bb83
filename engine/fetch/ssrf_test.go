package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"testing"

	"code.dny.dev/ssrf"
	"github.com/clausewatch/clausewatch/docstate"
)

// TestFetchDeniesPrivateAddresses fetches the loopback test server through
// every spelling of a denied address; all are blocked and the server sees
// no connection at all.
func TestFetchDeniesPrivateAddresses(t *testing.T) {
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	urls := []string{
		srv.URL,
		fmt.Sprintf("http://127.0.0.1:%d/", port),
		fmt.Sprintf("http://127.1:%d/", port),
		fmt.Sprintf("http://2130706433:%d/", port),
		fmt.Sprintf("http://0x7f.0.0.1:%d/", port),
		fmt.Sprintf("http://017700000001:%d/", port),
		fmt.Sprintf("http://[::1]:%d/", port),
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port),
		fmt.Sprintf("http://0.0.0.0:%d/", port),
		fmt.Sprintf("http://localhost:%d/", port),
		fmt.Sprintf("http://LOCALHOST.:%d/", port),
		"http://127.0.0.1/",
		"http://127.1/",
		"http://2130706433/",
		"http://[::1]/",
		"http://[::ffff:127.0.0.1]/",
		"http://[::ffff:7f00:1]/",
		"http://0.0.0.0/",
		"http://0/",
		"http://localhost/",
		"http://app.localhost/",
		"http://169.254.169.254/latest/meta-data/",
		"http://[fe80::1%25eth0]/",
		"http://10.0.0.1/",
		"http://172.16.0.1/",
		"http://192.168.1.1/",
		"http://100.64.0.1/",
		"http://[fd00::1]/",
		"http://[fc00::1]/",
		"https://example.com:8080/",
		"file:///etc/passwd",
		"ftp://example.com/terms",
		"gopher://example.com/",
		"javascript:alert(1)",
		"http://user:pass@example.com/",
		"//example.com/terms",
		"http:///terms",
	}
	f := New(Options{}) // the production policy
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			fe := fetchErr(t, f, Request{URL: u})
			if fe.State != docstate.Blocked || !fe.Permanent || !errors.Is(fe, ErrDeniedAddress) {
				t.Fatalf("error = %+v", fe)
			}
			if err := ValidateURL(u, false); !errors.Is(err, ErrDeniedAddress) {
				t.Fatalf("ValidateURL = %v, want a denied address", err)
			}
		})
	}
	if n := srv.conns.Load(); n != 0 {
		t.Fatalf("test server saw %d connections, want 0", n)
	}
}

// TestFetchDeniesRedirectToLoopback lets a test policy allow 127.0.0.1 (the
// "public" first step) and checks that a redirect to another loopback
// address is refused: by the URL check on each hop and, for a client that
// skipped it, by the dial-time guard.
func TestFetchDeniesRedirectToLoopback(t *testing.T) {
	internal := newCountingServer(t, "127.0.0.2:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "internal")
	}))
	internalPort := internal.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	targets := map[string]string{
		"/to-127.0.0.2":  internal.URL + "/",
		"/to-127.2":      fmt.Sprintf("http://127.2:%d/", internalPort),
		"/to-ipv6":       fmt.Sprintf("http://[::1]:%d/", internalPort),
		"/to-mapped":     fmt.Sprintf("http://[::ffff:127.0.0.2]:%d/", internalPort),
		"/to-localhost":  fmt.Sprintf("http://localhost:%d/", internalPort),
		"/to-metadata":   "http://169.254.169.254/latest/meta-data/",
		"/to-file":       "file:///etc/passwd",
		"/to-self/twice": "/ok",
	}
	public := newCountingServer(t, "127.0.0.1:0", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ok" {
			fmt.Fprint(w, "public")
			return
		}
		http.Redirect(w, r, targets[r.URL.Path], http.StatusFound)
	}))
	p := policy{
		anyPort: true,
		guard:   ssrf.New(ssrf.WithAnyPort(), ssrf.WithAllowedV4Prefixes(netip.MustParsePrefix("127.0.0.1/32"))),
	}
	f := newFetcher(testOptions(), p)

	resp, err := f.Fetch(context.Background(), Request{URL: public.URL + "/to-self/twice"})
	if err != nil || string(resp.Body) != "public" {
		t.Fatalf("allowed redirect: %v %v", resp, err)
	}
	for path := range targets {
		if path == "/to-self/twice" {
			continue
		}
		t.Run(path, func(t *testing.T) {
			fe := fetchErr(t, f, Request{URL: public.URL + path})
			if fe.State != docstate.Blocked || !errors.Is(fe, ErrDeniedAddress) {
				t.Fatalf("error = %+v", fe)
			}
		})
	}
	t.Run("dial-time guard", func(t *testing.T) {
		// Straight through the client, past the URL checks: the dialer's
		// control function alone must refuse the connection.
		_, err := f.client.Get(internal.URL)
		if !errors.Is(err, ssrf.ErrProhibitedIP) {
			t.Fatalf("err = %v, want a prohibited IP", err)
		}
	})
	if n := internal.conns.Load(); n != 0 {
		t.Fatalf("internal server saw %d connections, want 0", n)
	}
}

func TestAllowPrivate(t *testing.T) {
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "demo")
	}))
	u, _ := url.Parse(srv.URL)
	for _, raw := range []string{srv.URL, "http://localhost:" + u.Port()} {
		resp, err := New(Options{AllowPrivate: true}).Fetch(context.Background(), Request{URL: raw})
		if err != nil || string(resp.Body) != "demo" {
			t.Fatalf("%s: %v %v", raw, resp, err)
		}
		if err := ValidateURL(raw, true); err != nil {
			t.Fatalf("ValidateURL(%s, true) = %v", raw, err)
		}
	}
	for _, raw := range []string{"file:///etc/passwd", "ftp://localhost/"} {
		if err := ValidateURL(raw, true); !errors.Is(err, ErrDeniedAddress) {
			t.Fatalf("ValidateURL(%s, true) = %v, want denied scheme", raw, err)
		}
	}
}

func TestValidateURLAcceptsPublic(t *testing.T) {
	for _, raw := range []string{"https://93.184.215.14/terms", "http://[2606:4700::6810:84e5]/", "https://8.8.8.8:443/x?y=1"} {
		if err := ValidateURL(raw, false); err != nil {
			t.Errorf("ValidateURL(%s) = %v", raw, err)
		}
	}
}

func TestParseLegacyIPv4(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" = not an address
	}{
		{"127.0.0.1", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"127.0.1", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"0x7f.1", "127.0.0.1"},
		{"017700000001", "127.0.0.1"},
		{"0177.0.0.01", "127.0.0.1"},
		{"0", "0.0.0.0"},
		{"10.0.258", "10.0.1.2"},
		{"256.1", ""},
		{"1.2.3.4.5", ""},
		{"1.2.3.256", ""},
		{"example.com", ""},
		{"1..2", ""},
		{"4294967296", ""},
	}
	for _, tt := range tests {
		got, ok := parseLegacyIPv4(tt.in)
		if (tt.want == "") == ok || (ok && got.String() != tt.want) {
			t.Errorf("parseLegacyIPv4(%q) = %v, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}
