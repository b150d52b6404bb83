package app

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// Body limits: the API and forms take small bodies; the Stripe webhook
// takes its own limit on its route.
const (
	bodyLimitDefault = "1M"
	bodyLimitWebhook = 64 << 10
)

func (s *Server) requestLogger() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus:    true,
		LogMethod:    true,
		LogLatency:   true,
		LogRequestID: true,
		LogRemoteIP:  true,
		LogError:     true,
		HandleError:  true,
		Skipper: func(c echo.Context) bool {
			p := c.Path()
			return p == "/healthz" || p == "/readyz" || p == "/metrics" || strings.HasPrefix(p, "/static")
		},
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			attrs := []slog.Attr{
				slog.String("method", v.Method),
				slog.String("path", logPath(c)),
				slog.Int("status", v.Status),
				slog.Int64("duration_ms", v.Latency.Milliseconds()),
				slog.String("request_id", v.RequestID),
				slog.String("remote_ip", v.RemoteIP),
			}
			if q := logQuery(c.Request().URL.RawQuery); q != "" {
				attrs = append(attrs, slog.String("query", q))
			}
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
				if v.Error != nil {
					attrs = append(attrs, slog.String("error", v.Error.Error()))
				}
			}
			s.log.LogAttrs(c.Request().Context(), level, "request", attrs...)
			return nil
		},
	})
}

// securityHeaders sets the headers every response gets; HTML pages carry a
// strict content security policy without inline scripts.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self' https://checkout.stripe.com https://billing.stripe.com; frame-ancestors 'none'")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if s.cfg.Secure() {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		return next(c)
	}
}

// dashboardCSP relaxes the script policy for the third-party dashboard,
// whose page bootstraps with an inline script; it stays same-origin.
func dashboardCSP(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.Response().Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
		return next(c)
	}
}

// csrfCookieName uses the __Host- prefix on https, which pins the cookie to
// this host and path /.
func (s *Server) csrfCookieName() string {
	if s.cfg.Secure() {
		return "__Host-csrf"
	}
	return "csrf"
}

// csrf protects the website's unsafe requests: browsers that send
// Sec-Fetch-Site are judged by it (cross-site → 403), others must echo the
// token of the double-submit cookie in the form or a header.
func (s *Server) csrf() echo.MiddlewareFunc {
	return middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "form:_csrf,header:X-CSRF-Token",
		CookieName:     s.csrfCookieName(),
		CookiePath:     "/",
		CookieSecure:   s.cfg.Secure(),
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteLaxMode,
		TrustedOrigins: []string{s.cfg.BaseURL},
		ErrorHandler: func(err error, c echo.Context) error {
			return echo.NewHTTPError(http.StatusForbidden, "This form has expired or came from another site. Reload the page and try again.").SetInternal(err)
		},
	})
}

// csrfToken returns the token for forms; empty when the browser was judged
// by Sec-Fetch-Site alone.
func csrfToken(c echo.Context) string {
	if t, ok := c.Get("csrf").(string); ok {
		return t
	}
	return ""
}

// bodyTooLarge recognises the body-limit middleware's error, including when
// a JSON decoder hit the limit while reading.
func bodyTooLarge(err error) bool {
	var he *echo.HTTPError
	if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge {
		return true
	}
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}
