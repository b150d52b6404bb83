package app

import "github.com/labstack/echo/v4"

func (s *Server) showPasswordChange(c echo.Context) error {
	return s.render(c, "password_change", s.newPage(c, "Change your password"))
}
