package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// tokenForm is the new-token form.
type tokenForm struct {
	Name string `form:"name"`
}

// createToken makes a token and shows its value on this response only,
// instead of redirecting: the value is stored nowhere to show it again.
func (s *Server) createToken(c echo.Context) error {
	var in tokenForm
	page, err := s.formPage(c, "API tokens", &in)
	if err != nil {
		return s.tokensError(c, page, err)
	}
	a := authFrom(c)
	raw, _, err := s.accounts().CreateAPIToken(c.Request().Context(), a.Organization.ID, a.User.ID, in.Name)
	if err != nil {
		return s.tokensError(c, page, err)
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	page.Form = nil
	return s.renderTokens(c, page, raw, http.StatusCreated)
}

// tokensError re-renders the tokens page with the error, or hands it to
// the error handler when it is not the user's to fix.
func (s *Server) tokensError(c echo.Context, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.renderTokens(c, page, "", status)
}
