package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// signupPage is the sign-up form, or the answer once it was sent.
type signupPage struct{ Sent bool }

// saveSignup answers the same for a new address and a registered one, so
// the form cannot be used to find out who has an account: bad input is
// shown inline; otherwise the page says to check the inbox, where a new
// address finds its confirmation link and a registered one a note to its
// owner. The account is used after confirming the address and logging in.
func (s *Server) saveSignup(c echo.Context) error {
	var in signupRequest
	page, err := s.formPage(c, "Create your account", &in)
	page.Data = signupPage{}
	if err == nil {
		err = s.accounts().CheckSignup(accounts.SignupInput(in))
	}
	if err == nil {
		err = s.limitSignup(c)
	}
	if err != nil {
		return s.formError(c, "signup", page, err)
	}
	// An address mailed enough this hour quietly gets no more, registered
	// or not.
	if ok, _ := s.allowMailTo(c, "signup", in.Email); ok {
		if err := s.accounts().StartSignup(c.Request().Context(), accounts.SignupInput(in)); err != nil {
			return s.formError(c, "signup", page, err)
		}
	}
	page.Data = signupPage{Sent: true}
	return s.render(c, "signup", page)
}
