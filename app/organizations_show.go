package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// organizationsPage is the data of /app/organizations.
type organizationsPage struct {
	Memberships []store.Membership
	Current     int64
}

// showOrganizations lists the organizations the user belongs to, for a
// consultant or an employee of several companies to move between them.
func (s *Server) showOrganizations(c echo.Context) error {
	return s.renderOrganizations(c, s.newPage(c, "Your organizations"), http.StatusOK)
}

// renderOrganizations fills the list into page and renders it; the
// new-organization form re-renders through it on errors.
func (s *Server) renderOrganizations(c echo.Context, page *Page, status int) error {
	a := authFrom(c)
	ms, err := s.accounts().Organizations(c.Request().Context(), a.User.ID)
	if err != nil {
		return err
	}
	page.Data = organizationsPage{Memberships: ms, Current: a.Organization.ID}
	return s.render(c, "organizations", page, status)
}
