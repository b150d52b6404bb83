package app

import (
	"net/http"

	"github.com/labstack/echo/v4/middleware"

	"github.com/clausewatch/clausewatch/templates"
)

// routes registers every route in one place. Route names let templates and
// tests build URLs by name (Server.routePath, the templates' url).
func (s *Server) routes() {
	e := s.echo
	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	e.Use(middleware.RequestID())
	e.Use(s.requestLogger())
	e.Use(middleware.Recover())
	e.Use(s.metrics.middleware)
	e.Use(s.securityHeaders)

	// Operations: no session, no CSRF.
	e.GET("/healthz", s.healthz).Name = "healthz"
	e.GET("/readyz", s.readyz).Name = "readyz"
	e.GET("/metrics", s.metrics.handler(), s.requireMetricsToken).Name = "metrics"
	e.StaticFS("/static/", templates.Static()).Name = "static"

	// Website: sessions and CSRF.
	web := e.Group("", middleware.BodyLimit(bodyLimitDefault), s.csrf(), s.loadSession)
	web.GET("/", s.showHome).Name = "home"
	web.GET("/pricing", s.showPricing).Name = "pricing"
	s.accountRoutes(web)
	s.adminRoutes(web)

	// JSON API: bearer tokens, no CSRF (no cookies are read).
	api := e.Group("/api/v1", middleware.BodyLimit(bodyLimitDefault), s.limitAnonymousAPI)
	s.apiAccountRoutes(api)
	s.catalogueRoutes(web, api)
	s.provisionRoutes(web)
	s.watchlistRoutes(web, api)
	s.billingRoutes(web, api)
	s.alertRoutes(web, api)
}
