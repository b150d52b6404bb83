package diff

import (
	"net/url"
	"strings"
)

// redirectTarget returns the address a redirecting link leads to, when u
// (a web address, scheme included) carries it whole in a query parameter
// that names a destination: "https://l.example.com/l.php?u=https%3A%2F%2F
// help.example.com%2Fprivacy&h=TOKEN" leads to
// "https://help.example.com/privacy". Such wrappers add a token that
// changes on every rendering, and pages drop or add them around the same
// link. A parameter that names a page to come back to after signing in
// ("continue", "next") is no destination: the link leads to the sign-in
// page.
func redirectTarget(u string) (string, bool) {
	q := strings.IndexByte(u, '?')
	if q < 0 {
		return "", false
	}
	query := u[q+1:]
	if h := strings.IndexByte(query, '#'); h >= 0 {
		query = query[:h]
	}
	for param := range strings.SplitSeq(query, "&") {
		name, value, ok := strings.Cut(param, "=")
		if !ok || !isDestinationParam(name) {
			continue
		}
		dest, err := url.QueryUnescape(value)
		if err != nil || !hasWebScheme(dest) {
			continue
		}
		return escapeTarget(dest), true
	}
	return "", false
}

// isDestinationParam reports the query parameters in which redirecting
// links carry their destination.
func isDestinationParam(name string) bool {
	switch strings.ToLower(name) {
	case "u", "url", "q", "src", "dest", "destination", "target", "redirect", "redirect_url", "link":
		return true
	}
	return false
}

// hasWebScheme reports whether s starts with "http://" or "https://", in
// any case.
func hasWebScheme(s string) bool {
	for _, scheme := range []string{"https://", "http://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}

// escapeTarget escapes the bytes a decoded destination may hold that
// would end a web address in a line (white space, brackets, quotes), so
// that it reads as one address as the wrapped one did.
func escapeTarget(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && endsURL(byte(r)) }) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if endsURL(c) {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
