package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
)

// apiAlertSettings answers the organization's alert settings as the member
// sees them.
func (s *Server) apiAlertSettings(c echo.Context) error {
	st, err := s.alerts().Settings(c.Request().Context(), alertActor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}

// apiUpdateAlertSettings changes the settings: 402 when turning same-day
// alerts on or setting a webhook on a plan without them, 403 for
// organization-wide fields from a plain member, 422 for a bad weekday or a
// webhook URL outside the SSRF rules. A new webhook secret is in the answer
// once.
func (s *Server) apiUpdateAlertSettings(c echo.Context) error {
	var u alerts.Update
	if err := bindJSON(c, &u); err != nil {
		return err
	}
	st, err := s.alerts().UpdateSettings(c.Request().Context(), alertActor(c), u)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, st)
}
