package app

import (
	"github.com/labstack/echo/v4"
)

// regenerateFeedToken creates the organization's private feed URL, or
// replaces it so that the old one stops working.
func (s *Server) regenerateFeedToken(c echo.Context) error {
	a := authFrom(c)
	if _, err := s.watchlist().RegenerateFeedToken(c.Request().Context(), a.Organization.ID, a.User.ID); err != nil {
		return err
	}
	s.setFlash(c, "Your private feed has a new address; the old one no longer works.")
	return s.redirectWith(c, "#feed", "watchlist")
}

// revokeFeedToken turns the private feed off.
func (s *Server) revokeFeedToken(c echo.Context) error {
	a := authFrom(c)
	if err := s.watchlist().RevokeFeedToken(c.Request().Context(), a.Organization.ID, a.User.ID); err != nil {
		return err
	}
	s.setFlash(c, "Your private feed is turned off.")
	return s.redirectWith(c, "#feed", "watchlist")
}
