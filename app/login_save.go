package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// saveLogin checks the credentials (throttled) and starts a new session;
// failures re-render the form with the e-mail address kept.
func (s *Server) saveLogin(c echo.Context) error {
	page, err := s.formPage(c, "Log in")
	if err != nil {
		return err
	}
	next, err := s.nextPage(page.Form.Get("next"))
	if err != nil {
		return err
	}
	page.Data = loginPage{Next: next}
	ns, err := s.accounts().Login(c.Request().Context(), page.Form.Get("email"), page.Form.Get("password"), client(c))
	if err != nil {
		return s.formError(c, "login", page, err)
	}
	if err := s.startSession(c, ns); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, next)
}
