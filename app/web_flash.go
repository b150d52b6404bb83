package app

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

const (
	flashCookie      = "flash"
	flashErrorCookie = "flash_error"
)

// newFlashKey derives the key that signs flash cookies from the session
// secret; without one (tests, tools) a random key serves this process.
func newFlashKey(sessionSecret string) ([]byte, error) {
	if sessionSecret == "" {
		k := make([]byte, 32)
		if _, err := rand.Read(k); err != nil {
			return nil, fmt.Errorf("flash key: %w", err)
		}
		return k, nil
	}
	m := hmac.New(sha256.New, []byte(sessionSecret))
	m.Write([]byte("clausewatch flash cookies"))
	return m.Sum(nil), nil
}

// setFlash leaves a one-time message for the next page, carried in a
// short-lived cookie so it survives the redirect after a successful post.
func (s *Server) setFlash(c echo.Context, msg string) { s.flash(c, flashCookie, msg) }

func (s *Server) setFlashError(c echo.Context, msg string) { s.flash(c, flashErrorCookie, msg) }

// flashCookieName uses the __Host- prefix on https, which pins the cookie
// to this host and path / (a sibling subdomain cannot set it).
func (s *Server) flashCookieName(name string) string {
	if s.cfg.Secure() {
		return "__Host-" + name
	}
	return name
}

// flash sets the signed cookie: the message and an HMAC over the cookie's
// name and the message, so that a cookie planted by someone else (another
// subdomain, a script on plain http) does not speak as the site, and an
// error message cannot pass as a confirmation.
func (s *Server) flash(c echo.Context, name, msg string) {
	c.SetCookie(&http.Cookie{
		Name: s.flashCookieName(name), Value: s.signFlash(name, msg), Path: "/", MaxAge: 60,
		HttpOnly: true, Secure: s.cfg.Secure(), SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) flashMAC(name, msg string) []byte {
	m := hmac.New(sha256.New, s.flashKey)
	m.Write([]byte(name))
	m.Write([]byte{0})
	m.Write([]byte(msg))
	return m.Sum(nil)
}

func (s *Server) signFlash(name, msg string) string {
	b64 := base64.RawURLEncoding
	return b64.EncodeToString([]byte(msg)) + "." + b64.EncodeToString(s.flashMAC(name, msg))
}

// verifyFlash returns the message of a signed value, or "" when the value
// is not one this server signed for name.
func (s *Server) verifyFlash(name, value string) string {
	b64 := base64.RawURLEncoding
	m, sig, ok := strings.Cut(value, ".")
	if !ok {
		return ""
	}
	msg, err1 := b64.DecodeString(m)
	mac, err2 := b64.DecodeString(sig)
	if err1 != nil || err2 != nil || !hmac.Equal(mac, s.flashMAC(name, string(msg))) {
		return ""
	}
	return string(msg)
}

// takeFlash reads and clears the flash cookie; a forged or tampered one is
// cleared and ignored.
func (s *Server) takeFlash(c echo.Context, name string) string {
	cookie := s.flashCookieName(name)
	ck, err := c.Cookie(cookie)
	if err != nil || ck.Value == "" {
		return ""
	}
	c.SetCookie(&http.Cookie{Name: cookie, Path: "/", MaxAge: -1, Secure: s.cfg.Secure(), HttpOnly: true})
	return s.verifyFlash(name, ck.Value)
}
