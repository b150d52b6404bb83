package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// inviteForm is the invitation form; the role is member unless chosen.
// Invite refuses any role but admin and member.
type inviteForm struct {
	Email string     `form:"email"`
	Role  store.Role `form:"role"`
}

func (s *Server) inviteMember(c echo.Context) error {
	in := inviteForm{Role: store.RoleMember}
	page, err := s.formPage(c, "Members", &in)
	if err != nil {
		return s.membersError(c, page, err)
	}
	if in.Role == "" {
		in.Role = store.RoleMember
	}
	inv, err := s.accounts().Invite(c.Request().Context(), identity(authFrom(c)), in.Email, in.Role)
	if err != nil {
		return s.membersError(c, page, err)
	}
	s.setFlash(c, "Invitation sent to "+inv.Email+".")
	return s.redirect(c, "members")
}
