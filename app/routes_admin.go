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
