package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// acceptInvitation joins the organization: as the logged-in user when the
// invitation is for their address, or by creating the account with the
// password from the form.
func (s *Server) acceptInvitation(c echo.Context) error {
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	var in passwordForm
	page, err := s.formPage(c, "Invitation", &in)
	if err != nil {
		return s.invitationError(c, page, err)
	}
	ctx := c.Request().Context()
	token := c.Param("token")
	if a := authFrom(c); a != nil {
		org, err := s.accounts().AcceptInvitation(ctx, token, a.User)
		if err != nil {
			return s.invitationError(c, page, err)
		}
		if err := s.accounts().SwitchOrganization(ctx, a.SessionID, a.User.ID, org.ID); err != nil {
			return err
		}
		s.setFlash(c, "Welcome to "+org.Name+".")
		return s.redirect(c, "dashboard")
	}
	user, err := s.accounts().AcceptInvitationNewAccount(ctx, token, in.Password)
	if err != nil {
		return s.invitationError(c, page, err)
	}
	ns, err := s.accounts().StartSession(ctx, user.ID, client(c))
	if err != nil {
		return err
	}
	if err := s.startSession(c, ns); err != nil {
		return err
	}
	s.setFlash(c, "Welcome to Clausewatch.")
	return s.redirect(c, "dashboard")
}

func (s *Server) invitationError(c echo.Context, page *Page, err error) error {
	if errors.Is(err, accounts.ErrInvalidToken) {
		return s.renderInvitation(c, page, http.StatusNotFound)
	}
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.renderInvitation(c, page, status)
}
