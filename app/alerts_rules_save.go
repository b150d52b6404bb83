package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
)

// alertRuleForm is one provision-level rule: the organization's (owners
// and admins) or the member's own, for every watch or one.
type alertRuleForm struct {
	Scope         string   `form:"scope" validate:"oneof=organization member"`
	WatchID       int64    `form:"watch_id" validate:"min=0"`
	Categories    []string `form:"categories"`
	ChangeKinds   []string `form:"change_kinds"`
	MinSeverity   string   `form:"min_severity"`
	StanceChanges checkbox `form:"stance_changes"`
}

// saveAlertRule sets one rule from the alerts page.
func (s *Server) saveAlertRule(c echo.Context) error {
	var in alertRuleForm
	page, err := s.formPage(c, "Alerts", &in)
	if err != nil {
		return s.alertFormError(c, page, err)
	}
	r := alerts.Rule{
		WatchID: in.WatchID, Categories: in.Categories, ChangeKinds: in.ChangeKinds,
		MinSeverity: in.MinSeverity, StanceChanges: bool(in.StanceChanges),
	}
	if _, err := s.alerts().SaveAlertRule(c.Request().Context(), alertActor(c), in.Scope == "organization", r); err != nil {
		return s.alertFormError(c, page, err)
	}
	s.setFlash(c, "Alert rule saved.")
	return s.redirect(c, "alerts")
}

// alertRuleDeleteForm names the rule to remove.
type alertRuleDeleteForm struct {
	Scope   string `form:"scope" validate:"oneof=organization member"`
	WatchID int64  `form:"watch_id" validate:"min=0"`
}

// deleteAlertRule removes one rule from the alerts page.
func (s *Server) deleteAlertRule(c echo.Context) error {
	var in alertRuleDeleteForm
	page, err := s.formPage(c, "Alerts", &in)
	if err != nil {
		return s.alertFormError(c, page, err)
	}
	if _, err := s.alerts().DeleteAlertRule(c.Request().Context(), alertActor(c), in.Scope == "organization", in.WatchID); err != nil {
		return s.alertFormError(c, page, err)
	}
	s.setFlash(c, "Alert rule removed.")
	return s.redirect(c, "alerts")
}
