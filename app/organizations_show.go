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
	a := authFrom(c)
	ms, err := s.accounts().Organizations(c.Request().Context(), a.User.ID)
	if err != nil {
		return err
	}
	page := s.newPage(c, "Your organizations")
	page.Data = organizationsPage{Memberships: ms, Current: a.Organization.ID}
	return s.render(c, "organizations", page, http.StatusOK)
}
