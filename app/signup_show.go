package app

import (
	"github.com/labstack/echo/v4"
)

func (s *Server) showSignup(c echo.Context) error {
	if authFrom(c) != nil {
		return s.redirect(c, "dashboard")
	}
	page := s.newPage(c, "Create your account")
	page.Data = signupPage{}
	return s.render(c, "signup", page)
}
