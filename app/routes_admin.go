package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// adminRoutes mounts the Asynq dashboard for staff users. Everyone else
// gets a plain 404, so the route does not advertise itself.
func (s *Server) adminRoutes(web *echo.Group) {
	h := echo.WrapHandler(s.deps.QueueUI)
	g := web.Group("/admin/queues", s.requireLogin, s.requireStaff, dashboardCSP)
	// Only the methods the dashboard uses: Any would also route TRACE and
	// other methods the CSRF guard lets through as safe.
	methods := []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete}
	g.Match(methods, "", h)
	g.Match(methods, "/*", h)
}

func (s *Server) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if a := authFrom(c); a == nil || !a.User.Staff {
			return echo.NewHTTPError(http.StatusNotFound)
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
