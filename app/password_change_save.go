package app

import (
	"github.com/labstack/echo/v4"
)

// passwordChangeForm asks for the current password and the new one.
type passwordChangeForm struct {
	Current  string `form:"current_password"`
	Password string `form:"password"`
}

// savePasswordChange replaces the password, which ends every session of the
// user; this browser gets a new one so its user stays logged in.
func (s *Server) savePasswordChange(c echo.Context) error {
	var in passwordChangeForm
	page, err := s.formPage(c, "Change your password", &in)
	if err != nil {
		return s.formError(c, "password_change", page, err)
	}
	a := authFrom(c)
	ctx := c.Request().Context()
	if err := s.accounts().ChangePassword(ctx, a.User.ID, in.Current, in.Password); err != nil {
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
