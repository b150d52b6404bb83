package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// dashboard is the data of /app. Sections of the dashboard (watched
// platforms, recent changes) add their own fields here.
type dashboard struct {
	Usage accounts.Usage
}

func (s *Server) showDashboard(c echo.Context) error {
	a := authFrom(c)
	u, err := s.usage(c.Request().Context(), a.Organization.ID)
	if err != nil {
		return err
	}
	page := s.newPage(c, "Dashboard")
	page.Data = dashboard{Usage: u}
	return s.render(c, "dashboard", page)
}
