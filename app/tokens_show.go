package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// tokensPage is the data of /app/tokens. Created holds a new token's raw
// value on the one response that shows it.
type tokensPage struct {
	Tokens  []store.APIToken
	Created string
}

func (s *Server) showTokens(c echo.Context) error {
	return s.renderTokens(c, s.newPage(c, "API tokens"), "", http.StatusOK)
}

func (s *Server) renderTokens(c echo.Context, page *Page, created string, status int) error {
	a := authFrom(c)
	tokens, err := s.accounts().APITokens(c.Request().Context(), a.Organization.ID, a.User.ID)
	if err != nil {
		return err
	}
	page.Data = tokensPage{Tokens: tokens, Created: created}
	return s.render(c, "tokens", page, status)
}
