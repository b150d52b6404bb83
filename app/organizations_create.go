package app

import (
	"github.com/labstack/echo/v4"
)

// organizationForm names a new organization.
type organizationForm struct {
	Name string `form:"organization"`
}

// createOrganization makes a new Free organization owned by the user and
// switches to it; its watchlist, alerts and billing start empty.
func (s *Server) createOrganization(c echo.Context) error {
	var in organizationForm
	page, err := s.formPage(c, "Your organizations", &in)
	if err != nil {
		return s.organizationsFormError(c, page, err)
	}
	a := authFrom(c)
	org, err := s.accounts().CreateOrganization(c.Request().Context(), a.SessionID, a.User, in.Name)
	if err != nil {
		return s.organizationsFormError(c, page, err)
	}
	s.setFlash(c, "Created "+org.Name+" on the Free plan. You are now working in it.")
	return s.redirect(c, "dashboard")
}

// organizationsFormError shows a refused name on the page; other errors
// go to the error handler.
func (s *Server) organizationsFormError(c echo.Context, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.renderOrganizations(c, page, status)
}
