package app

import "github.com/labstack/echo/v4"

// resetPage says whether the request form was just sent.
type resetPage struct{ Sent bool }

func (s *Server) showPasswordReset(c echo.Context) error {
	page := s.newPage(c, "Reset your password")
	page.Data = resetPage{}
	return s.render(c, "password_reset", page)
}
