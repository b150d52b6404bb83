package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
)

type apiTokenRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// apiCreateToken exchanges credentials for a token, throttled like the
// login form.
func (s *Server) apiCreateToken(c echo.Context) error {
	var req apiTokenRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	token, err := s.accounts().LoginToken(c.Request().Context(), req.Email, req.Password, client(c))
	if err != nil {
		return apiCredentialsError(c, err)
	}
	return c.JSON(http.StatusCreated, map[string]string{"token": token})
}

// apiCredentialsError answers wrong credentials with 401; throttling and
// other errors go to the error handler.
func apiCredentialsError(c echo.Context, err error) error {
	if errors.Is(err, accounts.ErrInvalidCredentials) {
		return echo.NewHTTPError(http.StatusUnauthorized, "The e-mail address or password is not correct.")
	}
	return err
}
