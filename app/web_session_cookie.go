package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// sessionCookieName carries the __Host- prefix on https: the browser then
// only accepts the cookie from this host, with Secure and Path=/.
func (s *Server) sessionCookieName() string {
	if s.cfg.Secure() {
		return "__Host-session"
	}
	return "session"
}

func (s *Server) sessionCookie(c echo.Context) string {
	ck, err := c.Cookie(s.sessionCookieName())
	if err != nil {
		return ""
	}
	return ck.Value
}

func (s *Server) setSessionCookie(c echo.Context, ns *accounts.NewSession) {
	c.SetCookie(&http.Cookie{
		Name: s.sessionCookieName(), Value: ns.ID, Path: "/",
		Expires: ns.ExpiresAt, MaxAge: int(accounts.SessionLifetime.Seconds()),
		HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{
		Name: s.sessionCookieName(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode,
	})
}

// startSession logs the user in on this browser: any session the request
// carried is ended first, so every login gets a fresh id.
func (s *Server) startSession(c echo.Context, ns *accounts.NewSession) error {
	if old := s.sessionCookie(c); old != "" && old != ns.ID {
		if err := s.accounts().Logout(c.Request().Context(), old); err != nil {
			return err
		}
	}
	s.setSessionCookie(c, ns)
	return nil
}
