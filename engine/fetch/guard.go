package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"code.dny.dev/ssrf"
	"golang.org/x/net/idna"
)

// newGuard returns the dial-time SSRF check: tcp only, ports 80 and 443,
// no special-purpose IPv4 range (loopback, private, link-local, CGNAT,
// 0.0.0.0/8, ...) and only global unicast IPv6 (which rules out ::1,
// IPv4-mapped addresses, ULA and link-local).
func newGuard() *ssrf.Guardian {
	return ssrf.New()
}

// policy is what checkURL enforces. Fetchers use the default one; tests
// widen the guard and ports to reach their httptest servers while keeping
// the rest of the policy.
type policy struct {
	allowPrivate bool
	anyPort      bool
	guard        *ssrf.Guardian
}

func defaultPolicy(allowPrivate bool) policy {
	return policy{allowPrivate: allowPrivate, guard: newGuard()}
}

// ValidateURL checks a URL before it is stored: http or https, a host, no
// credentials, and, unless allowPrivate, a host that is not and does not
// resolve to a denied address (see Options.AllowPrivate). A name that does
// not resolve right now is not an error here: the dial-time check still
// guards every fetch.
func ValidateURL(raw string, allowPrivate bool) error {
	p := defaultPolicy(allowPrivate)
	u, err := checkURL(raw, p)
	if err != nil || allowPrivate {
		return err
	}
	host := u.Hostname()
	if _, err := netip.ParseAddr(host); err == nil {
		return nil // a literal address was checked by checkURL
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return checkResolved(ctx, host, p.guard)
}

// checkResolved looks host up and fails if any of its addresses is denied.
func checkResolved(ctx context.Context, host string, guard *ssrf.Guardian) error {
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil
	}
	for _, a := range addrs {
		if err := guard.SafeAddr(a); err != nil {
			return fmt.Errorf("%w: %s resolves to %s", ErrDeniedAddress, host, a)
		}
	}
	return nil
}

// checkURL is the static part of the policy, applied to the first URL and
// to every redirect: scheme, host, credentials, and when private addresses
// are not allowed, literal addresses in any spelling, special-use names
// (see internalName) and ports other than 80 and 443.
func checkURL(raw string, p policy) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDeniedAddress, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: scheme %q (only http and https)", ErrDeniedAddress, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return nil, fmt.Errorf("%w: no host in %q", ErrDeniedAddress, raw)
	}
	if u.User != nil {
		return nil, fmt.Errorf("%w: credentials in URL", ErrDeniedAddress)
	}
	if p.allowPrivate {
		return u, nil
	}
	if port := u.Port(); !p.anyPort && port != "" && port != "80" && port != "443" {
		return nil, fmt.Errorf("%w: port %s (only 80 and 443)", ErrDeniedAddress, port)
	}
	host, err = asciiHost(host)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDeniedAddress, err)
	}
	if port := u.Port(); port != "" {
		u.Host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	name := strings.TrimSuffix(host, ".")
	if internalName(name) {
		return nil, fmt.Errorf("%w: %s", ErrDeniedAddress, host)
	}
	addr, ok := literalAddr(name)
	if !ok {
		return u, nil
	}
	if err := p.guard.SafeAddr(addr); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDeniedAddress, err)
	}
	return u, nil
}

// asciiHost maps a host name to the ASCII form a resolver would look up
// (IDNA UTS #46: case folding, full-width digits, circled digits and
// ideographic full stops become what they stand for), so that
// "①②⑦.0.0.1" and "127。0。0。1" are judged as 127.0.0.1. An IPv6 literal
// is only lower-cased.
func asciiHost(host string) (string, error) {
	if strings.Contains(host, ":") {
		return strings.ToLower(host), nil
	}
	a, err := idna.Lookup.ToASCII(host)
	if err != nil {
		// The lookup profile refuses some names a resolver would still
		// try (underscores, some dots); the mapping it made is kept only
		// when it stays plain ASCII.
		if a == "" || !isASCII(a) {
			return "", fmt.Errorf("host %q: %w", host, err)
		}
	}
	return strings.ToLower(a), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// internalName reports whether the lower-case name, without its trailing
// dot, is or ends in a special-use domain that only ever names hosts inside
// a network: localhost (RFC 6761), mDNS (RFC 6762), home networks
// (RFC 8375) and .internal, reserved for private use and where clouds put
// their metadata services (metadata.google.internal). They are refused by
// name because a resolver that cannot reach them now would let them
// through unresolved.
func internalName(name string) bool {
	for _, s := range []string{"localhost", "local", "home.arpa", "internal"} {
		if name == s || strings.HasSuffix(name, "."+s) {
			return true
		}
	}
	return false
}

// literalAddr parses a host that is an IP address in any spelling a
// resolver might accept: standard IPv4 and IPv6 (zones dropped) and the
// legacy inet_aton forms ("127.1", "2130706433", "0x7f.0.0.1",
// "017700000001"), which some resolvers turn into addresses.
func literalAddr(host string) (netip.Addr, bool) {
	if i := strings.IndexByte(host, '%'); i >= 0 {
		host = host[:i]
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a, true
	}
	return parseLegacyIPv4(host)
}

// parseLegacyIPv4 implements inet_aton: one to four parts, each decimal,
// octal (leading 0) or hex (0x); the last part fills the remaining bytes.
func parseLegacyIPv4(s string) (netip.Addr, bool) {
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 0, 32)
		if err != nil || p == "" || strings.HasPrefix(p, "+") {
			return netip.Addr{}, false
		}
		vals[i] = v
	}
	var ip uint64
	for i, v := range vals[:len(vals)-1] {
		if v > 0xff {
			return netip.Addr{}, false
		}
		ip |= v << (24 - 8*uint(i))
	}
	last := vals[len(vals)-1]
	if last >= 1<<(8*uint(5-len(vals))) {
		return netip.Addr{}, false
	}
	ip |= last
	return netip.AddrFrom4([4]byte{byte(ip >> 24), byte(ip >> 16), byte(ip >> 8), byte(ip)}), true
}
