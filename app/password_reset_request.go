package app

import "github.com/labstack/echo/v4"

// requestPasswordReset answers the same for known and unknown addresses;
// only a malformed one is sent back.
func (s *Server) requestPasswordReset(c echo.Context) error {
	page, err := s.formPage(c, "Reset your password")
	if err != nil {
		return err
	}
	page.Data = resetPage{}
	if err := s.accounts().RequestPasswordReset(c.Request().Context(), page.Form.Get("email")); err != nil {
		return s.formError(c, "password_reset", page, err)
	}
	page.Data = resetPage{Sent: true}
	return s.render(c, "password_reset", page)
}
