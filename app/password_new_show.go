package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// tokenPage carries the token of a link into its form.
type tokenPage struct{ Token string }

func (s *Server) showPasswordNew(c echo.Context) error {
	// The token is in the path; keep it out of Referer headers.
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	token := c.Param("token")
	if err := s.accounts().CheckResetToken(c.Request().Context(), token); err != nil {
		if errors.Is(err, accounts.ErrInvalidToken) {
			return s.render(c, "reset_failed", s.newPage(c, "This link does not work"), http.StatusNotFound)
		}
		return err
	}
	page := s.newPage(c, "Choose a new password")
	page.Data = tokenPage{Token: token}
	return s.render(c, "password_new", page)
}
