package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// testOptions are short bounds for tests that reach loopback servers.
func testOptions() Options {
	return Options{
		AllowPrivate:  true,
		DialTimeout:   time.Second,
		HeaderTimeout: time.Second,
		TotalTimeout:  2 * time.Second,
	}
}

// countingServer is an httptest server that counts the connections it
// accepts, to prove a blocked fetch never reached it.
type countingServer struct {
	*httptest.Server
	conns atomic.Int64
}

func newCountingServer(t *testing.T, addr string, h http.Handler) *countingServer {
	t.Helper()
	s := &countingServer{}
	s.Server = httptest.NewUnstartedServer(h)
	if addr != "" {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Skipf("cannot listen on %s: %v", addr, err)
		}
		s.Listener.Close()
		s.Listener = ln
	}
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func fetchErr(t *testing.T, f *Fetcher, req Request) *Error {
	t.Helper()
	resp, err := f.Fetch(context.Background(), req)
	if err == nil {
		t.Fatalf("Fetch(%s) = %d, want an error", req.URL, resp.StatusCode)
	}
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("Fetch(%s) error %T %v is not *Error", req.URL, err, err)
	}
	return fe
}
