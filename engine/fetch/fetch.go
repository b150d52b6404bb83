// Package fetch downloads policy documents politely and safely: SSRF
// checks at dial time and on every redirect, bounded time and size,
// conditional GET, an honest User-Agent, Retry-After honoured and at most
// one request at a time per host.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"code.dny.dev/ssrf"
	"github.com/clausewatch/clausewatch/docstate"
)

// Defaults for Options fields left zero.
const (
	DefaultUserAgent     = "Clausewatch/1.0 (+https://clausewatch.example/bot)"
	DefaultMaxBody       = 5 << 20
	DefaultDialTimeout   = 5 * time.Second
	DefaultHeaderTimeout = 10 * time.Second
	DefaultTotalTimeout  = 30 * time.Second
	// MaxRedirects is the longest redirect chain followed.
	MaxRedirects = 5
)

// Options configure a Fetcher. Zero values take the defaults above.
type Options struct {
	// AllowPrivate lifts the SSRF policy: loopback, private and link-local
	// addresses and any port may be fetched. For tests and demos only.
	AllowPrivate bool
	UserAgent    string
	// MaxBody bounds the body after decompression.
	MaxBody       int64
	DialTimeout   time.Duration
	HeaderTimeout time.Duration
	// TotalTimeout bounds a whole fetch, redirects and body included.
	TotalTimeout time.Duration
	// Browser renders pages whose declaration asks for client scripts;
	// nil means such pages end in the needs_browser state.
	Browser Browser
	// PerHost is how many requests may reach one host at a time from
	// this Fetcher; 0 means 1, the polite default.
	PerHost int
}

// Fetcher downloads documents. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	policy policy
	client *http.Client
	hosts  *hostLimiter
	// bufs holds *bytes.Buffer for bodies of unknown length (see readBody).
	bufs sync.Pool
	// gunzips holds *gunzip readers for gzipped bodies (see gunzip.go).
	gunzips sync.Pool
}

// New returns a Fetcher with opts, defaults filled in.
func New(opts Options) *Fetcher {
	return newFetcher(opts, defaultPolicy(opts.AllowPrivate))
}

// newFetcher builds the client around a URL and address policy.
func newFetcher(opts Options, p policy) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.DialTimeout <= 0 {
		opts.DialTimeout = DefaultDialTimeout
	}
	if opts.HeaderTimeout <= 0 {
		opts.HeaderTimeout = DefaultHeaderTimeout
	}
	if opts.TotalTimeout <= 0 {
		opts.TotalTimeout = DefaultTotalTimeout
	}
	if opts.PerHost <= 0 {
		opts.PerHost = 1
	}
	f := &Fetcher{opts: opts, policy: p, hosts: newHostLimiter(opts.PerHost)}
	dialer := &net.Dialer{Timeout: opts.DialTimeout, KeepAlive: 30 * time.Second}
	if !p.allowPrivate {
		// Checked on the resolved address at connect time, so DNS
		// rebinding and redirects cannot slip past it.
		dialer.Control = p.guard.Safe
	}
	transport := &http.Transport{
		Proxy:                  nil, // never a proxy from the environment
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    opts.HeaderTimeout,
		ResponseHeaderTimeout:  opts.HeaderTimeout,
		MaxIdleConns:           100,
		MaxIdleConnsPerHost:    max(2, opts.PerHost),
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
		// get asks for gzip itself and decompresses with a reader it
		// reuses (see gunzip.go).
		DisableCompression: true,
	}
	f.client = &http.Client{Transport: transport, CheckRedirect: f.checkRedirect}
	return f
}

// Request is one document to fetch. ETag and LastModified come from the
// previous successful fetch and make the request conditional.
type Request struct {
	URL                  string
	ETag                 string
	LastModified         string
	ExecuteClientScripts bool
	// HostWait bounds the wait for a turn at the host; past it the fetch
	// fails with ErrHostBusy and nothing was sent. Zero waits as long as
	// ctx allows.
	HostWait time.Duration
}

// Response is a fetched document. Body is the raw payload, decompressed
// but not decoded; extraction detects its charset. On 304 NotModified is
// set, Body is empty and the validators are those of the request unless
// the server sent new ones.
type Response struct {
	URL          string // after redirects
	StatusCode   int
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool
}

// Fetch downloads req.URL. Failures are *Error values whose State names
// the document state to record.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Response, error) {
	u, err := checkURL(req.URL, f.policy)
	if err != nil {
		return nil, &Error{State: docstate.Blocked, Err: fmt.Errorf("fetch %s: %w", req.URL, err), Permanent: true}
	}
	release, err := f.turn(ctx, strings.ToLower(u.Host), req.HostWait)
	if errors.Is(err, ErrHostBusy) {
		return nil, fmt.Errorf("fetch %s: %w", req.URL, err)
	}
	if err != nil {
		return nil, &Error{State: docstate.Unreachable, Err: fmt.Errorf("fetch %s: waiting for host: %w", req.URL, err)}
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opts.TotalTimeout)
	defer cancel()
	if req.ExecuteClientScripts {
		return f.render(ctx, u)
	}
	return f.get(ctx, u, req)
}

// turn waits for a turn at host, at most wait when wait is set.
func (f *Fetcher) turn(ctx context.Context, host string, wait time.Duration) (func(), error) {
	if wait <= 0 {
		return f.hosts.acquire(ctx, host)
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	release, err := f.hosts.acquire(wctx, host)
	if err != nil && ctx.Err() == nil {
		return nil, ErrHostBusy
	}
	return release, err
}

func (f *Fetcher) get(ctx context.Context, u *url.URL, req Request) (*Response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{State: docstate.Blocked, Err: fmt.Errorf("fetch %s: %w", u, err), Permanent: true}
	}
	hreq.Header.Set("User-Agent", f.opts.UserAgent)
	hreq.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	hreq.Header.Set("Accept-Language", "en")
	hreq.Header.Set("Accept-Encoding", "gzip")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hreq)
	if err != nil {
		return nil, transportError(u, err)
	}
	defer resp.Body.Close()

	out := &Response{
		URL:          resp.Request.URL.String(),
		StatusCode:   resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = req.ETag
		}
		if out.LastModified == "" {
			out.LastModified = req.LastModified
		}
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, statusError(out.URL, resp)
	}
	if resp.ContentLength > f.opts.MaxBody {
		return nil, tooLarge(out.URL, f.opts.MaxBody)
	}
	body, err := f.readBody(resp)
	if err != nil {
		return nil, &Error{State: docstate.Unreachable, Err: fmt.Errorf("fetch %s: read body: %w", out.URL, err)}
	}
	if int64(len(body)) > f.opts.MaxBody {
		return nil, tooLarge(out.URL, f.opts.MaxBody)
	}
	out.Body = body
	return out, nil
}

// pooledBufferMax is the largest read buffer kept for the next body; a
// rare huge page does not pin its buffer for good.
const pooledBufferMax = 1 << 20

// readBody reads a 2xx body, at most MaxBody+1 bytes, so that the caller
// can tell a body over the limit. Reading through the limit, after
// decompression, bounds memory whatever the compression
// ratio. A body of announced length is read into a slice of that size; a
// body of unknown length (every gzipped page, whose announced length is
// the compressed one) is read into a pooled buffer and
// copied out once, instead of io.ReadAll growing a slice through a dozen
// sizes for each page. A gzipped body is decompressed here (see gunzip).
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	var src io.Reader = resp.Body
	n := resp.ContentLength
	if isGzipped(resp) {
		zr, err := f.gunzip(resp.Body)
		if err == io.EOF {
			return []byte{}, nil // an empty gzipped body, as net/http reads it
		}
		if err != nil {
			return nil, err
		}
		defer f.putGunzip(zr)
		src, n = zr, -1 // the announced length is the compressed one
	}
	limited := io.LimitReader(src, f.opts.MaxBody+1)
	if n >= 0 && n <= f.opts.MaxBody {
		body := make([]byte, n)
		if _, err := io.ReadFull(limited, body); err != nil {
			return nil, err
		}
		return body, nil
	}
	buf, _ := f.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= pooledBufferMax {
			buf.Reset()
			f.bufs.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(limited); err != nil {
		return nil, err
	}
	// Never nil, as io.ReadAll's: an empty page is an empty snapshot.
	return append([]byte{}, buf.Bytes()...), nil
}

func tooLarge(u string, limit int64) error {
	return &Error{State: docstate.TooLarge, Err: fmt.Errorf("fetch %s: body larger than %d bytes", u, limit), Permanent: true}
}

// checkRedirect applies the URL policy to every hop and bounds the chain.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, MaxRedirects)
	}
	if _, err := checkURL(req.URL.String(), f.policy); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

// transportError classifies a failed round trip.
func transportError(u *url.URL, err error) error {
	wrapped := fmt.Errorf("fetch %s: %w", u, err)
	switch {
	case errors.Is(err, ErrDeniedAddress), errors.Is(err, ssrf.ErrProhibitedIP),
		errors.Is(err, ssrf.ErrProhibitedPort), errors.Is(err, ssrf.ErrProhibitedNetwork):
		return &Error{State: docstate.Blocked, Err: fmt.Errorf("%w: %w", ErrDeniedAddress, wrapped), Permanent: true}
	case errors.Is(err, ErrTooManyRedirects):
		return &Error{State: docstate.HTTPError, Err: wrapped, Permanent: true}
	default:
		return &Error{State: docstate.Unreachable, Err: wrapped}
	}
}

// statusError turns a non-2xx answer into an Error. An anti-bot challenge
// is "blocked"; 429 and 503 carry Retry-After; other 4xx are permanent
// (the page is gone or forbidden until someone fixes the declaration),
// 5xx are transient.
func statusError(u string, resp *http.Response) error {
	err := &Error{
		State: docstate.HTTPError,
		Err:   fmt.Errorf("fetch %s: HTTP %d %s", u, resp.StatusCode, http.StatusText(resp.StatusCode)),
	}
	code := resp.StatusCode
	if code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable {
		err.RetryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
	}
	if (code == http.StatusForbidden || code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable) && isChallenge(resp) {
		err.State = docstate.Blocked
		return err
	}
	err.Permanent = code >= 400 && code < 500 && code != http.StatusTooManyRequests && code != http.StatusRequestTimeout
	if code < 400 {
		err.Permanent = true // a 1xx or a redirect without Location
	}
	return err
}
