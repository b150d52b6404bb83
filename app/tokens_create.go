package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// createToken makes a token and shows its value on this response only,
// instead of redirecting: the value is stored nowhere to show it again.
func (s *Server) createToken(c echo.Context) error {
	page, err := s.formPage(c, "API tokens")
	if err != nil {
		return err
	}
	a := authFrom(c)
	raw, _, err := s.accounts().CreateAPIToken(c.Request().Context(), a.Organization.ID, a.User.ID, page.Form.Get("name"))
	if err != nil {
		status, ok := showError(c, page, err)
		if !ok {
			return err
		}
		return s.renderTokens(c, page, "", status)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	page.Form = nil
	return s.renderTokens(c, page, raw, http.StatusCreated)
}
