package app

import (
	"github.com/labstack/echo/v4"
)

// watchlistRoutes registers the watchlist page, its API, the organization's
// changes and the Atom feeds.
func (s *Server) watchlistRoutes(web, api *echo.Group) {
	app := web.Group("/app/watchlist", s.requireLogin)
	app.GET("", s.showWatchlist).Name = "watchlist"
	app.POST("/platforms", s.addWatchPlatform, s.requireWriteAccess).Name = "watchlist.add"
	app.POST("/custom", s.addWatchCustom, s.requireWriteAccess).Name = "watchlist.custom"
	app.POST("/:id/remove", s.removeWatch, s.requireWriteAccess).Name = "watchlist.remove"
	app.POST("/:id/pause", s.pauseWatch, s.requireWriteAccess).Name = "watchlist.pause"
	app.POST("/:id/resume", s.resumeWatch, s.requireWriteAccess).Name = "watchlist.resume"
	app.POST("/feed", s.regenerateFeedToken, s.requireWriteAccess).Name = "watchlist.feed"
	app.POST("/feed/revoke", s.revokeFeedToken, s.requireWriteAccess).Name = "watchlist.feed.revoke"

	api.GET("/watchlist", s.apiWatchlist, s.requireAPIAuth).Name = "api.watchlist"
	api.POST("/watchlist", s.apiAddWatch, s.requireAPIAuth, s.requireWriteAccess).Name = "api.watchlist.add"
	api.DELETE("/watchlist/:id", s.apiRemoveWatch, s.requireAPIAuth, s.requireWriteAccess).Name = "api.watchlist.remove"
	api.GET("/changes", s.apiChanges, s.requireAPIAuth).Name = "api.changes"

	// Feeds are read by feed readers: no session, no CSRF cookie.
	s.echo.GET("/feeds/platforms/:file", s.showPlatformFeed).Name = "feed.platform"
	s.echo.GET("/feeds/org/:file", s.showOrganizationFeed).Name = "feed.org"
}
