package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// showVerify uses the link from the verification e-mail. A bad link gets a
// page that explains and offers a new one.
func (s *Server) showVerify(c echo.Context) error {
	_, err := s.accounts().Verify(c.Request().Context(), c.Param("token"))
	if errors.Is(err, accounts.ErrInvalidToken) {
		c.Response().Header().Set("Referrer-Policy", "no-referrer")
		return s.render(c, "verify_failed", s.newPage(c, "This link does not work"), http.StatusNotFound)
	}
	if err != nil {
		return err
	}
	s.setFlash(c, "Thank you: your e-mail address is confirmed.")
	if authFrom(c) != nil {
		return s.redirect(c, "dashboard")
	}
	return s.redirect(c, "login")
}
