package app

import "github.com/labstack/echo/v4"

// provisionRoutes registers the public provision pages: one provision of
// one platform, the catalogue's stance on one provision with its CSV
// export, the methodology behind them, and the sitemap that lists them.
func (s *Server) provisionRoutes(web *echo.Group) {
	e := &catalogueHandlers{Server: s, insight: s.deps.Insight}

	web.GET("/platforms/:slug/provisions/:category", e.showPlatformProvision).Name = "platform.provision"
	web.GET("/provisions/:category", e.showProvision).Name = "provision"
	web.GET("/provisions/:category/stances.csv", e.exportProvision).Name = "provision.csv"
	web.GET("/methodology", s.showMethodology).Name = "methodology"
	web.GET("/sitemap.xml", e.showSitemap).Name = "sitemap"
}
