package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// regenerateFeedToken creates the organization's private feed URL, or
// replaces it so that the old one stops working.
func (s *Server) regenerateFeedToken(c echo.Context) error {
	a := authFrom(c)
	if err := feedManager(a); err != nil {
		return err
	}
	token, err := s.watchlist().RegenerateFeedToken(c.Request().Context(), a.Organization.ID, a.User.ID)
	if err != nil {
		return err
	}
	feedURL, err := s.absoluteURL("feed.org", token+".atom")
	if err != nil {
		return err
	}
	// Only the token's hash is kept, so the address is shown on this
	// answer alone, like a new API token.
	c.Response().Header().Set("Cache-Control", "no-store")
	page := s.newPage(c, "Watchlist")
	page.Flash = "Your private feed has a new address; copy it now, it is not shown again. Any older address no longer works."
	page.Data = &watchlistPage{FeedURL: feedURL}
	return s.renderWatchlist(c, page, http.StatusOK)
}

// revokeFeedToken turns the private feed off.
func (s *Server) revokeFeedToken(c echo.Context) error {
	a := authFrom(c)
	if err := feedManager(a); err != nil {
		return err
	}
	if err := s.watchlist().RevokeFeedToken(c.Request().Context(), a.Organization.ID, a.User.ID); err != nil {
		return err
	}
	s.setFlash(c, "Your private feed is turned off.")
	return s.redirectWith(c, "#feed", "watchlist")
}

// feedManager lets owners and admins replace or turn off the private feed:
// a plain member could otherwise cut off every reader of the organization.
func feedManager(a *Auth) error {
	if !a.Role.CanManage() {
		return echo.NewHTTPError(http.StatusForbidden, "Only owners and admins change the private feed.")
	}
	return nil
}
