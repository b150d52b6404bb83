package app

import (
	"github.com/labstack/echo/v4"
)

// leaveOrganization takes the user out of the current organization, which
// ends this session too.
func (s *Server) leaveOrganization(c echo.Context) error {
	a := authFrom(c)
	if err := s.accounts().Leave(c.Request().Context(), identity(a)); err != nil {
		return s.membersError(c, s.newPage(c, "Members"), err)
	}
	s.clearSessionCookie(c)
	s.setFlash(c, "You left "+a.Organization.Name+".")
	return s.redirect(c, "login")
}
