package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

// signupRequest is the sign-up form and the API's sign-up body.
type signupRequest struct {
	Email        string `json:"email" form:"email"`
	Password     string `json:"password" form:"password"`
	Organization string `json:"organization" form:"organization"`
}

type apiSignupResponse struct {
	User         *store.User         `json:"user"`
	Organization *store.Organization `json:"organization"`
	Token        string              `json:"token"`
}

// apiSignup creates the account and organization and answers with an API
// token, so a script can go on at once.
func (s *Server) apiSignup(c echo.Context) error {
	var req signupRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	if err := s.limitSignup(c); err != nil {
		return err
	}
	ctx := c.Request().Context()
	user, org, err := s.accounts().Signup(ctx, accounts.SignupInput(req))
	if err != nil {
		return err
	}
	token, err := s.accounts().SignupAPIToken(ctx, org.ID, user.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiSignupResponse{User: user, Organization: org, Token: token})
}
