package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/watchlist"
)

// requireWriteAccess refuses changes from members the organization's plan
// no longer covers (after a downgrade): they keep read access until an
// owner removes someone. Put it on every unsafe route after the login or
// token check.
func (s *Server) requireWriteAccess(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		a := authFrom(c)
		if a == nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "Please log in.")
		}
		err := s.watchlist().WriteAccess(c.Request().Context(), a.Organization.ID, a.User.ID)
		var ro *watchlist.ReadOnlyError
		if errors.As(err, &ro) {
			return echo.NewHTTPError(http.StatusForbidden, ro.Error()).SetInternal(err)
		}
		if err != nil {
			return err
		}
		return next(c)
	}
}
