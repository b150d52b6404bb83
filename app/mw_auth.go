package app

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// requireAPIAuth authenticates API requests by "Authorization: Bearer
// cw_…" and sets the Auth; no or a bad token is 401.
func (s *Server) requireAPIAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		scheme, token, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			return unauthorized(c, "Send an API token: Authorization: Bearer <token>.")
		}
		id, err := s.accounts().TokenIdentity(c.Request().Context(), strings.TrimSpace(token))
		if errors.Is(err, accounts.ErrInvalidToken) {
			return unauthorized(c, "The API token is invalid or revoked.")
		}
		if err != nil {
			return err
		}
		a := &Auth{User: id.User, Organization: id.Organization, Role: id.Role, TokenID: id.TokenID}
		setAuth(c, a)
		if err := s.limitAPIRate(c, a); err != nil {
			return err
		}
		return next(c)
	}
}

func unauthorized(c echo.Context, msg string) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="clausewatch"`)
	return echo.NewHTTPError(http.StatusUnauthorized, msg)
}
