package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// loginForm is the login form; Next is where to go afterwards.
type loginForm struct {
	Email    string `form:"email"`
	Password string `form:"password"`
	Next     string `form:"next"`
}

// saveLogin checks the credentials (throttled) and starts a new session;
// failures re-render the form with the e-mail address kept.
func (s *Server) saveLogin(c echo.Context) error {
	var in loginForm
	page, formErr := s.formPage(c, "Log in", &in)
	next, err := s.nextPage(in.Next)
	if err != nil {
		return err
	}
	page.Data = loginPage{Next: next}
	if formErr != nil {
		return s.formError(c, "login", page, formErr)
	}
	ns, err := s.accounts().Login(c.Request().Context(), in.Email, in.Password, client(c))
	if err != nil {
		return s.formError(c, "login", page, err)
	}
	if err := s.startSession(c, ns); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, next)
}
