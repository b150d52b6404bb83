package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/store"
)

// alertsPage is the data of /app/alerts.
type alertsPage struct {
	Settings  *alerts.Settings
	Failed    []store.AlertDelivery
	CanManage bool
	Weekdays  []string
	// Secret is a webhook secret just created, shown once.
	Secret string
}

func (s *Server) showAlerts(c echo.Context) error {
	return s.renderAlerts(c, s.newPage(c, "Alerts"), "", http.StatusOK)
}

// renderAlerts fills the settings into page and renders it; the form
// re-renders through it on errors.
func (s *Server) renderAlerts(c echo.Context, page *Page, secret string, status int) error {
	ctx := c.Request().Context()
	a := authFrom(c)
	st, err := s.alerts().Settings(ctx, alertActor(c))
	if err != nil {
		return err
	}
	failed, err := s.alerts().FailedDeliveries(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	page.Data = alertsPage{
		Settings: st, Failed: failed, Secret: secret,
		CanManage: a.Role.CanManage(),
		Weekdays:  []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
	}
	return s.render(c, "alerts", page, status)
}
