package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"testing"
	"time"

	"code.dny.dev/ssrf"
	"github.com/clausewatch/clausewatch/docstate"
)

// TestCheckRedirectRefusesDeniedTargets calls the production fetcher's
// redirect checker directly with each hop a hostile server could send.
func TestCheckRedirectRefusesDeniedTargets(t *testing.T) {
	f := New(Options{})
	first, err := http.NewRequest(http.MethodGet, "https://example.com/terms", nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		want   error // nil: the hop is allowed
	}{
		{"https://example.com/privacy", nil},
		{"http://www.example.org/terms", nil},
		{"http://127.0.0.1/", ErrDeniedAddress},
		{"http://127.1/", ErrDeniedAddress},
		{"http://0x7f.1/", ErrDeniedAddress},
		{"http://2130706433/", ErrDeniedAddress},
		{"http://017700000001/", ErrDeniedAddress},
		{"http://[::1]/", ErrDeniedAddress},
		{"http://[::ffff:127.0.0.1]/", ErrDeniedAddress},
		{"http://[0:0:0:0:0:ffff:7f00:1]/", ErrDeniedAddress},
		{"http://0.0.0.0/", ErrDeniedAddress},
		{"http://localhost./", ErrDeniedAddress},
		{"http://169.254.169.254/latest/meta-data/", ErrDeniedAddress},
		{"http://metadata.google.internal/computeMetadata/v1/", ErrDeniedAddress},
		{"http://100.64.0.1/", ErrDeniedAddress},
		{"http://10.1.2.3/", ErrDeniedAddress},
		{"https://example.com:8443/", ErrDeniedAddress},
		{"file:///etc/passwd", ErrDeniedAddress},
		{"gopher://example.com/", ErrDeniedAddress},
		{"ftp://example.com/", ErrDeniedAddress},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = f.checkRedirect(req, []*http.Request{first})
			if tt.want == nil && err != nil {
				t.Fatalf("checkRedirect = %v, want the hop allowed", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("checkRedirect = %v, want %v", err, tt.want)
			}
		})
	}
	t.Run("chain too long", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, "https://example.com/6", nil)
		via := make([]*http.Request, MaxRedirects+1)
		for i := range via {
			via[i] = first
		}
		if err := f.checkRedirect(req, via); !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("checkRedirect = %v, want too many redirects", err)
		}
	})
}

// TestProductionFetcherRefusesLoopbackRedirector points the production
// policy at a loopback server that would redirect to another loopback
// server: the guard refuses the first hop, so neither sees a connection.
func TestProductionFetcherRefusesLoopbackRedirector(t *testing.T) {
	internal := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "internal")
	}))
	redirector := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/", http.StatusFound)
	}))
	fe := fetchErr(t, New(Options{}), Request{URL: redirector.URL + "/to-internal"})
	if fe.State != docstate.Blocked || !errors.Is(fe, ErrDeniedAddress) {
		t.Fatalf("error = %+v", fe)
	}
	if n := redirector.conns.Load() + internal.conns.Load(); n != 0 {
		t.Fatalf("loopback servers saw %d connections, want 0", n)
	}
}

// TestSpecialUseNamesAreDenied covers names that can only ever lead inside
// a network (cloud metadata, mDNS, home networks) and that a resolver
// without network access would let through unresolved.
func TestSpecialUseNamesAreDenied(t *testing.T) {
	f := New(Options{})
	for _, u := range []string{
		"http://metadata.google.internal/computeMetadata/v1/",
		"http://instance-data.ec2.internal/latest/meta-data/",
		"http://METADATA.GOOGLE.INTERNAL./",
		"http://printer.local/",
		"http://router.home.arpa/",
		"http://internal/",
	} {
		t.Run(u, func(t *testing.T) {
			if err := ValidateURL(u, false); !errors.Is(err, ErrDeniedAddress) {
				t.Fatalf("ValidateURL = %v, want a denied address", err)
			}
			fe := fetchErr(t, f, Request{URL: u})
			if fe.State != docstate.Blocked || !fe.Permanent {
				t.Fatalf("error = %+v", fe)
			}
			if err := ValidateURL(u, true); err != nil {
				t.Fatalf("ValidateURL with private addresses allowed = %v", err)
			}
		})
	}
	for _, u := range []string{"https://internal.example.com/terms", "https://example.local.example.org/"} {
		if _, err := checkURL(u, defaultPolicy(false)); err != nil {
			t.Errorf("checkURL(%s) = %v, want allowed", u, err)
		}
	}
}

// TestGuardedClientRefusesLoopback is the webhook delivery client: the
// dial-time guard refuses loopback in any spelling before a connection.
func TestGuardedClientRefusesLoopback(t *testing.T) {
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	c := NewGuardedClient(false, 2*time.Second)
	for _, u := range []string{
		srv.URL,
		fmt.Sprintf("http://[::1]:%d/", port),
		fmt.Sprintf("http://localhost:%d/", port),
		"http://127.0.0.1/",
		"http://169.254.169.254/",
	} {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
		res, err := c.Do(req)
		if err == nil {
			res.Body.Close()
			t.Errorf("POST %s = %d, want refused", u, res.StatusCode)
			continue
		}
		if !errors.Is(err, ssrf.ErrProhibitedIP) && !errors.Is(err, ssrf.ErrProhibitedPort) {
			t.Errorf("POST %s: %v, want a prohibited address", u, err)
		}
	}
	if n := srv.conns.Load(); n != 0 {
		t.Fatalf("loopback server saw %d connections, want 0", n)
	}
}
