package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// saveSignup creates the account and organization, logs the new user in and
// shows the dashboard, which asks them to confirm their address.
func (s *Server) saveSignup(c echo.Context) error {
	var in signupRequest
	page, err := s.formPage(c, "Create your account", &in)
	if err != nil {
		return s.formError(c, "signup", page, err)
	}
	if err := s.limitSignup(c); err != nil {
		return s.formError(c, "signup", page, err)
	}
	ctx := c.Request().Context()
	user, _, err := s.accounts().Signup(ctx, accounts.SignupInput(in))
	if err != nil {
		return s.formError(c, "signup", page, err)
	}
	ns, err := s.accounts().StartSession(ctx, user.ID, client(c))
	if err != nil {
		return err
	}
	if err := s.startSession(c, ns); err != nil {
		return err
	}
	s.setFlash(c, "Welcome to Clausewatch! We sent a confirmation link to "+user.Email+".")
	return s.redirect(c, "dashboard")
}
