package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) inviteMember(c echo.Context) error {
	page, err := s.formPage(c, "Members")
	if err != nil {
		return err
	}
	a := authFrom(c)
	role := page.Form.Get("role")
	if role == "" {
		role = "member"
	}
	inv, err := s.accounts().Invite(c.Request().Context(), identity(a), page.Form.Get("email"), role)
	if err != nil {
		return s.membersError(c, page, err)
	}
	s.setFlash(c, "Invitation sent to "+inv.Email+".")
	return s.redirect(c, "members")
}
