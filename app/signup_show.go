package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func (s *Server) showSignup(c echo.Context) error {
	if authFrom(c) != nil {
		return c.Redirect(http.StatusSeeOther, "/app")
	}
	return s.render(c, "signup", s.newPage(c, "Create your account"))
}
