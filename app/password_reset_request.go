package app

import "github.com/labstack/echo/v4"

// resetForm asks for the address to send the reset link to.
type resetForm struct {
	Email string `form:"email"`
}

// requestPasswordReset answers the same for known and unknown addresses;
// only a malformed one is sent back.
func (s *Server) requestPasswordReset(c echo.Context) error {
	var in resetForm
	page, err := s.formPage(c, "Reset your password", &in)
	page.Data = resetPage{}
	if err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	if err := s.accounts().RequestPasswordReset(c.Request().Context(), in.Email); err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	page.Data = resetPage{Sent: true}
	return s.render(c, "password_reset", page)
}
