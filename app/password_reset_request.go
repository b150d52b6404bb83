package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

// resetForm asks for the address to send the reset link to.
type resetForm struct {
	Email string `form:"email"`
}

// requestPasswordReset answers the same for known and unknown addresses,
// and as fast: the lookup and the mail happen after the answer. Only a
// malformed address is sent back, and a client that asked for too many
// mails is told to wait. An address that was sent enough links this hour
// quietly gets no more, known or not.
func (s *Server) requestPasswordReset(c echo.Context) error {
	var in resetForm
	page, err := s.formPage(c, "Reset your password", &in)
	page.Data = resetPage{}
	if err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	if err := accounts.CheckEmail(in.Email); err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	if err := s.limitClientMail(c); err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	if ok, _ := s.allowMailTo(c, "reset", in.Email); ok {
		if err := s.accounts().StartPasswordReset(c.Request().Context(), in.Email); err != nil {
			return s.formError(c, "password_reset", page, err)
		}
	}
	page.Data = resetPage{Sent: true}
	return s.render(c, "password_reset", page)
}
