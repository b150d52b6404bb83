package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// invitationPage is the data of /invitations/{token}.
type invitationPage struct {
	View  *accounts.InvitationView
	Token string
	// Mismatch is set when someone else is logged in.
	Mismatch bool
}

func (s *Server) showInvitation(c echo.Context) error {
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	page := s.newPage(c, "Invitation")
	return s.renderInvitation(c, page, http.StatusOK)
}

// renderInvitation loads the invitation into page; a bad link gets its own
// page.
func (s *Server) renderInvitation(c echo.Context, page *Page, status int) error {
	token := c.Param("token")
	v, err := s.accounts().Invitation(c.Request().Context(), token)
	if errors.Is(err, accounts.ErrInvalidToken) {
		return s.render(c, "invitation_failed", s.newPage(c, "This invitation does not work"), http.StatusNotFound)
	}
	if err != nil {
		return err
	}
	a := authFrom(c)
	page.Title = "Join " + v.Organization.Name
	page.Data = invitationPage{View: v, Token: token, Mismatch: a != nil && a.User.Email != v.Invitation.Email}
	return s.render(c, "invitation", page, status)
}
