package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// savePasswordNew sets the new password; every session ends, so the user
// logs in again with it.
func (s *Server) savePasswordNew(c echo.Context) error {
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	page, err := s.formPage(c, "Choose a new password")
	if err != nil {
		return err
	}
	token := c.Param("token")
	page.Data = tokenPage{Token: token}
	_, err = s.accounts().ResetPassword(c.Request().Context(), token, page.Form.Get("password"))
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
