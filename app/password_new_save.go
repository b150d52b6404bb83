package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// passwordForm is a form that only chooses a password: a new one after a
// reset, or the first one of an invited person.
type passwordForm struct {
	Password string `form:"password"`
}

// savePasswordNew sets the new password; every session ends, so the user
// logs in again with it.
func (s *Server) savePasswordNew(c echo.Context) error {
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	var in passwordForm
	page, err := s.formPage(c, "Choose a new password", &in)
	token := c.Param("token")
	page.Data = tokenPage{Token: token}
	if err != nil {
		return s.formError(c, "password_new", page, err)
	}
	_, err = s.accounts().ResetPassword(c.Request().Context(), token, in.Password)
	if errors.Is(err, accounts.ErrInvalidToken) {
		return s.render(c, "reset_failed", s.newPage(c, "This link does not work"), http.StatusNotFound)
	}
	if err != nil {
		return s.formError(c, "password_new", page, err)
	}
	s.clearSessionCookie(c)
	s.setFlash(c, "Your password is changed. Log in with the new one.")
	return s.redirect(c, "login")
}
