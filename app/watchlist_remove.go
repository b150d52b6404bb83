package app

import (
	"github.com/labstack/echo/v4"
)

// removeWatch stops watching a platform or deletes a custom URL.
func (s *Server) removeWatch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	a := authFrom(c)
	if err := s.watchlist().Remove(c.Request().Context(), a.Organization.ID, a.User.ID, id); err != nil {
		return err
	}
	s.setFlash(c, "Removed from the watchlist.")
	return s.redirect(c, "watchlist")
}
