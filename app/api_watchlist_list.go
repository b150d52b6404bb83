package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// apiWatchlist lists the organization's watches with each document's
// health and last change.
func (s *Server) apiWatchlist(c echo.Context) error {
	a := authFrom(c)
	items, err := s.watchlist().List(c.Request().Context(), a.Organization.ID)
	if err != nil {
		return err
	}
	out := make([]apiWatch, len(items))
	for i, it := range items {
		if out[i], err = s.apiWatchItem(it); err != nil {
			return err
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"watches": out})
}
