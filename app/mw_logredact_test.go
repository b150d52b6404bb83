package app

import (
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestLogPathRedactsCredentials(t *testing.T) {
	e := echo.New()
	tests := []struct {
		route, path, want string
	}{
		{"/verify/:token", "/verify/abcSECRET", "/verify/REDACTED"},
		{"/password/reset/:token", "/password/reset/abcSECRET", "/password/reset/REDACTED"},
		{"/invitations/:token", "/invitations/abcSECRET", "/invitations/REDACTED"},
		{"/feeds/org/:file", "/feeds/org/cwf_SECRET.atom", "/feeds/org/REDACTED"},
		{"/feeds/platforms/:file", "/feeds/platforms/github.atom", "/feeds/platforms/github.atom"},
		{"/app/members/:id/remove", "/app/members/12/remove", "/app/members/12/remove"},
		{"/app", "/app", "/app"},
	}
	for _, tt := range tests {
		e.GET(tt.route, func(echo.Context) error { return nil })
		req := httptest.NewRequest("GET", tt.path, nil)
		c := e.NewContext(req, httptest.NewRecorder())
		e.Router().Find("GET", tt.path, c)
		if got := logPath(c); got != tt.want {
			t.Errorf("%s: logPath = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestLogQueryKeepsOnlyNames(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"", ""},
		{"token=SECRET&org=1", "org=REDACTED&token=REDACTED"},
		{"q=hello+world", "q=REDACTED"},
		{"%zz", "REDACTED"},
	}
	for _, tt := range tests {
		if got := logQuery(tt.raw); got != tt.want {
			t.Errorf("logQuery(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
