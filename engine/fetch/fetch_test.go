package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
)

func TestFetchOK(t *testing.T) {
	var ua atomic.Value
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		fmt.Fprint(w, "<p>Caf\xe9</p>")
	}))
	resp, err := New(testOptions()).Fetch(context.Background(), Request{URL: srv.URL + "/terms"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || string(resp.Body) != "<p>Caf\xe9</p>" || resp.ContentType != "text/html; charset=windows-1252" {
		t.Fatalf("unexpected response %+v", resp)
	}
	if resp.ETag != `"v1"` || resp.LastModified != "Mon, 02 Jan 2006 15:04:05 GMT" || resp.NotModified {
		t.Fatalf("validators = %q %q %v", resp.ETag, resp.LastModified, resp.NotModified)
	}
	if got := ua.Load(); got != DefaultUserAgent {
		t.Fatalf("User-Agent = %q", got)
	}
}

// redirectServer redirects /r/N to /r/N-1 and serves /r/0.
func redirectServer(t *testing.T) *countingServer {
	return newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/r/"))
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
			return
		}
		fmt.Fprint(w, "final")
	}))
}

func TestFetchRedirects(t *testing.T) {
	srv := redirectServer(t)
	f := New(testOptions())
	tests := []struct {
		hops      int
		wantState docstate.State
	}{
		{0, ""},
		{3, ""},
		{MaxRedirects, ""},
		{MaxRedirects + 1, docstate.HTTPError},
		{20, docstate.HTTPError},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.hops), func(t *testing.T) {
			req := Request{URL: fmt.Sprintf("%s/r/%d", srv.URL, tt.hops)}
			if tt.wantState != "" {
				fe := fetchErr(t, f, req)
				if fe.State != tt.wantState || !errors.Is(fe, ErrTooManyRedirects) || !fe.Permanent {
					t.Fatalf("error = %+v", fe)
				}
				return
			}
			resp, err := f.Fetch(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != "final" || resp.URL != srv.URL+"/r/0" {
				t.Fatalf("body %q url %q", resp.Body, resp.URL)
			}
		})
	}
}

func TestFetchStatus(t *testing.T) {
	date := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name          string
		status        int
		header        map[string]string
		body          string
		wantState     docstate.State
		wantPermanent bool
		wantRetry     time.Duration // lower bound
	}{
		{"500 is transient", 500, nil, "oops", docstate.HTTPError, false, 0},
		{"502 is transient", 502, nil, "", docstate.HTTPError, false, 0},
		{"404 is permanent", 404, nil, "gone", docstate.HTTPError, true, 0},
		{"410 is permanent", 410, nil, "", docstate.HTTPError, true, 0},
		{"403 is permanent", 403, nil, "Forbidden", docstate.HTTPError, true, 0},
		{"429 with seconds", 429, map[string]string{"Retry-After": "120"}, "", docstate.HTTPError, false, 120 * time.Second},
		{"503 with date", 503, map[string]string{"Retry-After": date}, "", docstate.HTTPError, false, 80 * time.Second},
		{"cloudflare challenge header", 403, map[string]string{"Cf-Mitigated": "challenge"}, "", docstate.Blocked, false, 0},
		{"challenge page body", 503, nil, "<html><head><title>Just a moment...</title>", docstate.Blocked, false, 0},
		{"captcha page body", 429, map[string]string{"Retry-After": "5"}, `<div class="g-recaptcha">`, docstate.Blocked, false, 5 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			}))
			fe := fetchErr(t, New(testOptions()), Request{URL: srv.URL})
			if fe.State != tt.wantState || fe.Permanent != tt.wantPermanent {
				t.Fatalf("state %q permanent %v, want %q %v (%v)", fe.State, fe.Permanent, tt.wantState, tt.wantPermanent, fe)
			}
			if fe.RetryAfter < tt.wantRetry || (tt.wantRetry == 0 && fe.RetryAfter != 0) {
				t.Fatalf("RetryAfter = %v, want at least %v", fe.RetryAfter, tt.wantRetry)
			}
			if !strings.Contains(fe.Error(), strconv.Itoa(tt.status)) {
				t.Fatalf("error %q does not name the status", fe.Error())
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{"30", 30 * time.Second},
		{"999999999", maxRetryAfter},
		{"Wed, 01 Jan 2025 12:02:00 GMT", 2 * time.Minute},
		{"Wed, 01 Jan 2025 11:00:00 GMT", 0},
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFetchTimeouts(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-header" {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>start")
		w.(http.Flusher).Flush()
		select { // a body that never ends
		case <-release:
		case <-r.Context().Done():
		}
	}))
	opts := testOptions()
	opts.HeaderTimeout = 100 * time.Millisecond
	opts.TotalTimeout = 300 * time.Millisecond
	f := New(opts)
	for _, path := range []string{"/slow-header", "/slow-body"} {
		t.Run(path, func(t *testing.T) {
			fe := fetchErr(t, f, Request{URL: srv.URL + path})
			if fe.State != docstate.Unreachable || fe.Permanent {
				t.Fatalf("error = %+v", fe)
			}
		})
	}
}

func TestFetchBodyLimit(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 10<<20)
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(big)
	zw.Close()
	var small bytes.Buffer
	zw = gzip.NewWriter(&small)
	fmt.Fprint(zw, "<p>compressed terms</p>")
	zw.Close()

	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/10mb":
			w.Write(big)
		case "/10mb-chunked":
			for i := 0; i < 10; i++ {
				w.Write(big[:1<<20])
				w.(http.Flusher).Flush()
			}
		case "/bomb", "/small-gzip":
			if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				t.Errorf("client did not accept gzip")
			}
			w.Header().Set("Content-Encoding", "gzip")
			if r.URL.Path == "/bomb" {
				w.Write(bomb.Bytes())
			} else {
				w.Write(small.Bytes())
			}
		}
	}))
	f := New(testOptions())
	for _, path := range []string{"/10mb", "/10mb-chunked", "/bomb"} {
		t.Run(path, func(t *testing.T) {
			fe := fetchErr(t, f, Request{URL: srv.URL + path})
			if fe.State != docstate.TooLarge || !fe.Permanent {
				t.Fatalf("error = %+v", fe)
			}
		})
	}
	t.Run("small gzip is decompressed", func(t *testing.T) {
		resp, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/small-gzip"})
		if err != nil {
			t.Fatal(err)
		}
		if string(resp.Body) != "<p>compressed terms</p>" {
			t.Fatalf("body = %q", resp.Body)
		}
	})
	t.Run("limit is configurable", func(t *testing.T) {
		opts := testOptions()
		opts.MaxBody = 10
		fe := fetchErr(t, New(opts), Request{URL: srv.URL + "/small-gzip"})
		if fe.State != docstate.TooLarge {
			t.Fatalf("error = %+v", fe)
		}
	})
}

func TestFetchConditional(t *testing.T) {
	const etag, lastMod = `"abc"`, "Tue, 03 Jan 2006 15:04:05 GMT"
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "terms")
	}))
	f := New(testOptions())
	tests := []struct {
		name string
		req  Request
		want bool
	}{
		{"unconditional", Request{URL: srv.URL}, false},
		{"etag matches", Request{URL: srv.URL, ETag: etag}, true},
		{"last-modified matches", Request{URL: srv.URL, LastModified: lastMod}, true},
		{"stale etag", Request{URL: srv.URL, ETag: `"old"`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := f.Fetch(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tt.want {
				t.Fatalf("NotModified = %v, want %v", resp.NotModified, tt.want)
			}
			if tt.want && (len(resp.Body) != 0 || resp.StatusCode != 304 || resp.ETag != tt.req.ETag || resp.LastModified != tt.req.LastModified) {
				t.Fatalf("304 response %+v", resp)
			}
			if !tt.want && (string(resp.Body) != "terms" || resp.ETag != etag) {
				t.Fatalf("200 response %+v", resp)
			}
		})
	}
}

func TestFetchRequestsPerHost(t *testing.T) {
	for _, perHost := range []int{0, 3} {
		want := max(perHost, 1)
		t.Run(fmt.Sprintf("per host %d", perHost), func(t *testing.T) {
			var inFlight, peak atomic.Int64
			srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := inFlight.Add(1)
				defer inFlight.Add(-1)
				for {
					p := peak.Load()
					if n <= p || peak.CompareAndSwap(p, n) {
						break
					}
				}
				time.Sleep(20 * time.Millisecond)
				fmt.Fprint(w, "ok")
			}))
			opts := testOptions()
			opts.PerHost = perHost
			f := New(opts)
			var wg sync.WaitGroup
			for i := 0; i < 8; i++ {
				wg.Go(func() {
					if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/doc/%d", srv.URL, i)}); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			if got := peak.Load(); got > int64(want) {
				t.Fatalf("peak concurrent requests to one host = %d, want at most %d", got, want)
			}
			if n := len(f.hosts.hosts); n != 0 {
				t.Fatalf("host limiter keeps %d idle slots", n)
			}
		})
	}
}

func TestFetchHostWaitRespectsContext(t *testing.T) {
	l := newHostLimiter(1)
	release, err := l.acquire(context.Background(), "h")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(ctx, "h"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("second acquire err = %v", err)
	}
	release()
	if len(l.hosts) != 0 {
		t.Fatalf("slots left: %d", len(l.hosts))
	}
}

// A request with HostWait gives up its turn at a busy host instead of
// queuing behind a slow page, sends nothing, and says so with ErrHostBusy
// rather than a document failure.
func TestFetchHostWaitGivesUpOnBusyHost(t *testing.T) {
	entered := make(chan struct{}, 4)
	release := make(chan struct{})
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		entered <- struct{}{}
		if r.URL.Path == "/slow" {
			<-release
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	f := New(testOptions())
	slow := make(chan error, 1)
	go func() {
		_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/slow"})
		slow <- err
	}()
	<-entered

	_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/other", HostWait: 30 * time.Millisecond})
	var fe *Error
	if !errors.Is(err, ErrHostBusy) || errors.As(err, &fe) {
		t.Fatalf("fetch behind a busy host: err = %v, want ErrHostBusy and no document failure", err)
	}
	if n := hits.Load(); n != 1 {
		t.Fatalf("the host saw %d requests, want only the slow one", n)
	}
	close(release)
	if err := <-slow; err != nil {
		t.Fatal(err)
	}
	if _, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/other", HostWait: 30 * time.Millisecond}); err != nil {
		t.Fatalf("fetch with HostWait at a free host: %v", err)
	}
}

// Bodies of unknown length are read through a reused buffer, and gzipped
// ones through a reused decompressor: each response keeps its own bytes
// after later fetches, whatever the framing, and an empty body is empty,
// not nil, also when a server calls no bytes at all gzip.
func TestFetchBodiesDoNotShareMemory(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		fmt.Fprint(zw, s)
		zw.Close()
		return b.Bytes()
	}
	pages := map[string]string{
		"/gzip-a":    "<p>first page of terms</p>",
		"/gzip-b":    "<p>second page, which is longer than the first one</p>",
		"/gzip-none": "",
		"/gzip-zero": "", // no gzip stream at all
		"/chunked":   "<p>sent in two chunks</p>",
		"/length":    "<p>announced length</p>",
		"/empty":     "",
	}
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := pages[r.URL.Path]
		switch {
		case r.URL.Path == "/gzip-zero":
			w.Header().Set("Content-Encoding", "gzip")
		case strings.HasPrefix(r.URL.Path, "/gzip"):
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gz(body))
		case r.URL.Path == "/chunked":
			io.WriteString(w, body[:5])
			w.(http.Flusher).Flush()
			io.WriteString(w, body[5:])
		default:
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			io.WriteString(w, body)
		}
	}))
	f := New(testOptions())
	order := []string{"/gzip-b", "/gzip-a", "/gzip-none", "/gzip-zero", "/chunked", "/length", "/empty", "/gzip-a", "/gzip-b"}
	got := make([]*Response, len(order))
	for i, path := range order {
		resp, err := f.Fetch(context.Background(), Request{URL: srv.URL + path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got[i] = resp
	}
	for i, path := range order {
		if string(got[i].Body) != pages[path] || got[i].Body == nil {
			t.Errorf("fetch %d of %s: body %q (nil %v), want %q", i, path, got[i].Body, got[i].Body == nil, pages[path])
		}
	}
}

// A body that says gzip but is not fails as an unreachable page, and the
// decompressor it left behind still reads the next page.
func TestFetchBadGzip(t *testing.T) {
	var good bytes.Buffer
	zw := gzip.NewWriter(&good)
	fmt.Fprint(zw, "<p>terms after a broken page</p>")
	zw.Close()
	srv := newCountingServer(t, "", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		switch r.URL.Path {
		case "/not-gzip":
			io.WriteString(w, "<p>plain text called gzip</p>")
		case "/cut":
			w.Write(good.Bytes()[:good.Len()/2])
		default:
			w.Write(good.Bytes())
		}
	}))
	f := New(testOptions())
	for _, path := range []string{"/not-gzip", "/cut"} {
		fe := fetchErr(t, f, Request{URL: srv.URL + path})
		if fe.State != docstate.Unreachable || fe.Permanent {
			t.Fatalf("%s: error = %+v", path, fe)
		}
	}
	resp, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/good"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<p>terms after a broken page</p>" {
		t.Fatalf("body = %q", resp.Body)
	}
}
