package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// Auth is who is making the request: set by the session middleware for
// website requests and by the token middleware for API requests.
type Auth struct {
	User         *store.User
	Organization *store.Organization
	Role         store.Role
	// SessionID is the raw cookie value of a website session; empty for
	// API tokens.
	SessionID string
	// TokenID is the API token used; zero for website sessions.
	TokenID int64
}

const authKey = "auth"

func setAuth(c echo.Context, a *Auth) { c.Set(authKey, a) }

// authFrom returns the request's Auth, or nil when nobody is logged in.
func authFrom(c echo.Context) *Auth {
	a, _ := c.Get(authKey).(*Auth)
	return a
}
