package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) resendVerify(c echo.Context) error {
	a := authFrom(c)
	if err := s.accounts().ResendVerification(c.Request().Context(), a.User.ID, a.Organization.Name); err != nil {
		return err
	}
	s.setFlash(c, "We sent a new confirmation link to "+a.User.Email+".")
	return s.redirect(c, "dashboard")
}
