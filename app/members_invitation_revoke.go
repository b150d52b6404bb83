package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) revokeInvitation(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.accounts().RevokeInvitation(c.Request().Context(), identity(authFrom(c)), id); err != nil {
		return s.membersError(c, s.newPage(c, "Members"), err)
	}
	s.setFlash(c, "The invitation was withdrawn.")
	return s.redirect(c, "members")
}
