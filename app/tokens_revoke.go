package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) revokeToken(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	a := authFrom(c)
	if err := s.accounts().RevokeAPIToken(c.Request().Context(), a.Organization.ID, a.User.ID, id); err != nil {
		return err
	}
	s.setFlash(c, "The token was revoked.")
	return s.redirect(c, "tokens")
}
