package app

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

// requireAPIAuth authenticates API requests by "Authorization: Bearer
// cw_…" and sets the Auth; no or a bad token is 401.
func (s *Server) requireAPIAuth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		token := bearerToken(c)
		if token == "" {
			return unauthorized(c, "Send an API token: Authorization: Bearer <token>.")
		}
		id, err := s.accounts().TokenIdentity(c.Request().Context(), token)
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

// bearerToken is the token of an "Authorization: Bearer …" header, or ""
// when the request sends none.
func bearerToken(c echo.Context) string {
	scheme, token, ok := strings.Cut(c.Request().Header.Get(echo.HeaderAuthorization), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

func unauthorized(c echo.Context, msg string) error {
	c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="clausewatch"`)
	return echo.NewHTTPError(http.StatusUnauthorized, msg)
}

// loadSession resolves the session cookie into an Auth on the context. A
// stale cookie is cleared and the request goes on anonymously.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := s.sessionCookie(c)
		if raw == "" {
			return next(c)
		}
		id, err := s.accounts().Session(c.Request().Context(), raw)
		switch {
		case errors.Is(err, store.ErrNotFound):
			s.clearSessionCookie(c)
		case err != nil:
			return err
		default:
			setAuth(c, &Auth{User: id.User, Organization: id.Organization, Role: id.Role, SessionID: raw})
		}
		return next(c)
	}
}

// requireLogin sends anonymous visitors to the login page (the error
// handler turns 401 into a redirect with ?next=).
func (s *Server) requireLogin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if authFrom(c) == nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "Please log in.")
		}
		return next(c)
	}
}

// requireBillingRole lets owners and admins manage the subscription.
func (s *Server) requireBillingRole(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		a := authFrom(c)
		if a == nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "Please log in.")
		}
		if !a.Role.CanBill() {
			return echo.NewHTTPError(http.StatusForbidden, "Only owners and admins manage billing.")
		}
		return next(c)
	}
}

// optionalAPIAuth lets anonymous callers through and authenticates those
// that send a token; a bad token is still a 401, never silently anonymous.
func (s *Server) optionalAPIAuth(next echo.HandlerFunc) echo.HandlerFunc {
	authed := s.requireAPIAuth(next)
	return func(c echo.Context) error {
		if c.Request().Header.Get(echo.HeaderAuthorization) == "" {
			return next(c)
		}
		return authed(c)
	}
}

func (s *Server) requireStaff(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if a := authFrom(c); a == nil || !a.User.Staff {
			return echo.NewHTTPError(http.StatusNotFound)
		}
		return next(c)
	}
}

// requireWriteAccess refuses changes from members the organization's plan
// no longer covers (after a downgrade): they keep read access until an
// owner removes someone. Put it on every unsafe route after the login or
// token check.
func (s *Server) requireWriteAccess(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		a := authFrom(c)
		if a == nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "Please log in.")
		}
		// A *watchlist.ReadOnlyError is a 403 with its sentence by the
		// error table.
		if err := s.watchlist().WriteAccess(c.Request().Context(), a.Organization.ID, a.User.ID); err != nil {
			return err
		}
		return next(c)
	}
}
