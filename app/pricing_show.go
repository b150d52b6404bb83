package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
)

func (s *Server) showPricing(c echo.Context) error {
	page := s.newPage(c, "Pricing")
	page.Data = billing.Plans()
	return s.render(c, "pricing", page)
}
