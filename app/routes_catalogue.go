package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/insight"
)

// catalogueHandlers serves the catalogue, change, document and compliance pages and
// their API. It carries what those handlers share beyond the Server: the
// compliance views with their cache of classified latest versions.
type catalogueHandlers struct {
	*Server
	insight *insight.Service
}

// catalogueRoutes registers the public catalogue and change pages, the
// document pages, the audit export and the matching API.
func (s *Server) catalogueRoutes(web, api *echo.Group) {
	e := &catalogueHandlers{Server: s, insight: s.deps.Insight}

	web.GET("/platforms", e.showPlatforms).Name = "platforms"
	web.GET("/platforms/:slug", e.showPlatform).Name = "platform"
	web.GET("/changes/:id", e.showChange).Name = "change"
	web.GET("/documents/:id", e.showDocument).Name = "document"
	web.GET("/documents/:id/compare", e.showCompare).Name = "document.compare"
	web.GET("/documents/:id/versions/:vid", e.showVersion).Name = "document.version"
	web.GET("/app/audit", e.showAuditPage, s.requireLogin).Name = "audit"
	web.GET("/app/audit/report.html", e.exportOrganizationAudit("html"), s.requireLogin).Name = "audit.report.html"
	web.GET("/app/audit/report.json", e.exportOrganizationAudit("json"), s.requireLogin).Name = "audit.report.json"
	web.GET("/app/audit/report.csv", e.exportOrganizationAudit("csv"), s.requireLogin).Name = "audit.report.csv"
	web.GET("/app/audit/:file", e.exportAudit, s.requireLogin).Name = "audit.export"

	api.GET("/platforms", e.apiPlatforms, s.optionalAPIAuth).Name = "api.platforms"
	api.GET("/platforms/:slug", e.apiPlatform, s.optionalAPIAuth).Name = "api.platform"
	api.GET("/platforms/:slug/changes", e.apiPlatformChanges, s.optionalAPIAuth).Name = "api.platform.changes"
	api.GET("/changes/:id", e.apiChange, s.optionalAPIAuth).Name = "api.change"
}
