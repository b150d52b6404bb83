package app

import (
	"github.com/labstack/echo/v4"
)

// resendVerify mails a new confirmation link, a few an hour at most: the
// address was chosen at sign-up by whoever signed up, and may not be theirs.
func (s *Server) resendVerify(c echo.Context) error {
	a := authFrom(c)
	if err := s.limitClientMail(c); err != nil {
		s.setFlash(c, err.Error())
		return s.redirect(c, "dashboard")
	}
	if ok, retry := s.allowMailTo(c, "verify", a.User.Email); !ok {
		s.setFlash(c, "We already sent several confirmation links to "+a.User.Email+" in the last hour; please use the newest one, or ask again in "+humanDuration(retry)+".")
		return s.redirect(c, "dashboard")
	}
	if err := s.accounts().ResendVerification(c.Request().Context(), a.User.ID, a.Organization.Name); err != nil {
		return err
	}
	s.setFlash(c, "We sent a new confirmation link to "+a.User.Email+".")
	return s.redirect(c, "dashboard")
}
