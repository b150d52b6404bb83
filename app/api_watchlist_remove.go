package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiRemoveWatch deletes one of the organization's watches: 204, or 404
// for an id that is not the organization's.
func (s *Server) apiRemoveWatch(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	a := authFrom(c)
	if err := s.watchlist().Remove(c.Request().Context(), a.Organization.ID, a.User.ID, id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
