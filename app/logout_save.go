package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) saveLogout(c echo.Context) error {
	if err := s.accounts().Logout(c.Request().Context(), s.sessionCookie(c)); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	s.setFlash(c, "You are logged out.")
	return s.redirect(c, "home")
}
