package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// loginPage carries where to go after logging in.
type loginPage struct{ Next string }

func (s *Server) showLogin(c echo.Context) error {
	next, err := s.nextPage(c.QueryParam("next"))
	if err != nil {
		return err
	}
	if authFrom(c) != nil {
		return c.Redirect(http.StatusSeeOther, next)
	}
	page := s.newPage(c, "Log in")
	page.Data = loginPage{Next: next}
	return s.render(c, "login", page)
}
