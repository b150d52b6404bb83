package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

type apiTokenRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// apiCreateToken exchanges credentials for a token, throttled like the
// login form.
func (s *Server) apiCreateToken(c echo.Context) error {
	var req apiTokenRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	token, err := s.accounts().LoginToken(c.Request().Context(), req.Email, req.Password, client(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]string{"token": token})
}
