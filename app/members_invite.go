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
	var in inviteForm
	page, err := s.formPage(c, "Members", &in)
	if err != nil {
		return s.membersError(c, page, err)
	}
	if in.Role == "" {
		in.Role = store.RoleMember
	}
	if err := s.limitInvitation(c, in.Email); err != nil {
		return s.membersError(c, page, err)
	}
	inv, err := s.accounts().Invite(c.Request().Context(), identity(authFrom(c)), in.Email, in.Role)
	if err != nil {
		return s.membersError(c, page, err)
	}
	s.setFlash(c, "Invitation sent to "+inv.Email+".")
	return s.redirect(c, "members")
}

// limitInvitation counts the invitation mail against the client and the
// address: re-inviting one address sends a mail each time, with text the
// inviter chose (the organization's name).
func (s *Server) limitInvitation(c echo.Context, email string) error {
	if err := s.limitClientMail(c); err != nil {
		return err
	}
	if ok, retry := s.allowMailTo(c, "invite", email); !ok {
		return &tooManyError{message: "This address was sent several invitations in the last hour.", retry: retry}
	}
	return nil
}
