package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
)

// apiAlertRules answers the provision-level alert rules that apply to the
// member: the organization's and the member's own.
func (s *Server) apiAlertRules(c echo.Context) error {
	rules, err := s.alerts().AlertRules(c.Request().Context(), alertActor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rules)
}

// apiUpdateAlertRules replaces rules: 402 on a plan without compliance
// analysis, 403 for the organization's rules from a plain member, 422 for
// an unknown category, change kind, severity or watch.
func (s *Server) apiUpdateAlertRules(c echo.Context) error {
	var u alerts.RulesUpdate
	if err := bindJSON(c, &u); err != nil {
		return err
	}
	rules, err := s.alerts().UpdateAlertRules(c.Request().Context(), alertActor(c), u)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, rules)
}
