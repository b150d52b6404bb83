package app

import (
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

// dashboardChanges is how many recent changes the dashboard lists.
const dashboardChanges = 10

// dashboard is the data of /app: usage, watched platforms and custom URLs,
// the latest changes to watched documents and the documents in trouble.
type dashboard struct {
	Usage   accounts.Usage
	Watches []store.Watch
	Changes []store.Change
	Trouble []store.Document
	Charts  dashboardCharts
}

func (s *Server) showDashboard(c echo.Context) error {
	a := authFrom(c)
	ctx := c.Request().Context()
	u, err := s.usage(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	d := dashboard{Usage: u}
	if d.Watches, err = s.store.Watches(ctx, a.Organization.ID); err != nil {
		return err
	}
	if d.Changes, err = s.watchlist().Changes(ctx, a.Organization.ID, time.Time{}, dashboardChanges); err != nil {
		return err
	}
	if d.Trouble, err = s.watchlist().Trouble(ctx, a.Organization.ID); err != nil {
		return err
	}
	if d.Charts, err = s.buildDashboardCharts(ctx, a.Organization.ID, d.Watches, time.Now()); err != nil {
		return err
	}
	page := s.newPage(c, "Dashboard")
	page.Data = d
	return s.render(c, "dashboard", page)
}
