package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
)

func (s *Server) showHome(c echo.Context) error {
	page := s.newPage(c, "Know when the terms change")
	page.Data = billing.Plans()
	return s.render(c, "home", page)
}
