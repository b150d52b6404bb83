package fetch

import (
	"net"
	"net/http"
	"time"
)

// NewGuardedClient returns an HTTP client under the fetcher's SSRF rules
// for requests other than document fetches (webhook deliveries): every
// connection is checked on its resolved address at dial time, no proxy is
// taken from the environment, and redirects are not followed (a redirect
// answer is returned as it is). timeout bounds a whole request.
func NewGuardedClient(allowPrivate bool, timeout time.Duration) *http.Client {
	p := defaultPolicy(allowPrivate)
	dialer := &net.Dialer{Timeout: DefaultDialTimeout, KeepAlive: 30 * time.Second}
	if !p.allowPrivate {
		dialer.Control = p.guard.Safe
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   DefaultHeaderTimeout,
			ResponseHeaderTimeout: DefaultHeaderTimeout,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}
