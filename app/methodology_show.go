package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// methodology is what the methodology page fills in from the running
// configuration and the rule table, so that it never drifts from them.
type methodology struct {
	CheckInterval string
	Categories    []analysis.Category
}

func (s *Server) showMethodology(c echo.Context) error {
	page := s.newPage(c, "Methodology")
	page.Description = "How Clausewatch fetches platform policies, filters page noise, detects provisions, rates severity and exposure, and what its analysis is not."
	var err error
	if page.Canonical, err = s.absoluteURL("methodology"); err != nil {
		return err
	}
	page.Data = methodology{CheckInterval: s.cfg.CheckInterval.String(), Categories: analysis.Categories()}
	return s.render(c, "methodology", page)
}
