package app

import (
	"github.com/labstack/echo/v4"
)

// savePasswordChange replaces the password, which ends every session of the
// user; this browser gets a new one so its user stays logged in.
func (s *Server) savePasswordChange(c echo.Context) error {
	page, err := s.formPage(c, "Change your password")
	if err != nil {
		return err
	}
	a := authFrom(c)
	ctx := c.Request().Context()
	if err := s.accounts().ChangePassword(ctx, a.User.ID, page.Form.Get("current_password"), page.Form.Get("password")); err != nil {
		return s.formError(c, "password_change", page, err)
	}
	ns, err := s.accounts().StartSession(ctx, a.User.ID, client(c))
	if err != nil {
		return err
	}
	if err := s.accounts().SwitchOrganization(ctx, ns.ID, a.User.ID, a.Organization.ID); err != nil {
		return err
	}
	s.setSessionCookie(c, ns)
	s.setFlash(c, "Your password is changed. Other browsers and devices were logged out.")
	return s.redirect(c, "dashboard")
}
