package app

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

const (
	flashCookie      = "flash"
	flashErrorCookie = "flash_error"
)

// setFlash leaves a one-time message for the next page, carried in a
// short-lived cookie so it survives the redirect after a successful post.
func (s *Server) setFlash(c echo.Context, msg string) { s.flash(c, flashCookie, msg) }

func (s *Server) setFlashError(c echo.Context, msg string) { s.flash(c, flashErrorCookie, msg) }

func (s *Server) flash(c echo.Context, name, msg string) {
	c.SetCookie(&http.Cookie{
		Name: name, Value: url.QueryEscape(msg), Path: "/", MaxAge: 60,
		HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode,
	})
}

func takeFlash(c echo.Context, name string) string {
	ck, err := c.Cookie(name)
	if err != nil || ck.Value == "" {
		return ""
	}
	c.SetCookie(&http.Cookie{Name: name, Path: "/", MaxAge: -1})
	msg, err := url.QueryUnescape(ck.Value)
	if err != nil {
		return ""
	}
	return msg
}
