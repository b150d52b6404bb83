package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) transferOwnership(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := s.accounts().TransferOwnership(c.Request().Context(), identity(authFrom(c)), id); err != nil {
		return s.membersError(c, s.newPage(c, "Members"), err)
	}
	s.setFlash(c, "Ownership transferred. You are now an admin.")
	return s.redirect(c, "members")
}
