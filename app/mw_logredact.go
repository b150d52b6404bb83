package app

import (
	"net/url"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
)

// redacted stands in for a secret in log lines.
const redacted = "REDACTED"

// secretParams are the route parameters that carry a credential: e-mail
// links (verification, reset, invitation) and the private feed.
var secretParams = map[string]bool{"token": true, "file": true}

// logPath is the request path as it may be logged: the values of route
// parameters that are credentials are replaced, so that links from e-mails
// and private feed addresses do not end up in log files. An unmatched
// path is logged as sent; it opens nothing.
func logPath(c echo.Context) string {
	route := c.Path()
	if !strings.Contains(route, ":") {
		return c.Request().URL.Path
	}
	if route == "/feeds/platforms/:file" {
		return c.Request().URL.Path // public feeds: the name is a slug
	}
	segs := strings.Split(route, "/")
	for i, seg := range segs {
		name, ok := strings.CutPrefix(seg, ":")
		if !ok {
			continue
		}
		if secretParams[name] {
			segs[i] = redacted
		} else {
			segs[i] = c.Param(name)
		}
	}
	return strings.Join(segs, "/")
}

// logQuery is the query string with every value replaced: the names tell
// what was asked, the values may be signed links or tokens.
func logQuery(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return redacted
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, url.QueryEscape(k)+"="+redacted)
	}
	return strings.Join(parts, "&")
}
