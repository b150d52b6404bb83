package app

import (
	"github.com/labstack/echo/v4"
)

// switchOrganization moves the session to another organization of the
// user; an organization the user is not in is a 404, as if it did not exist.
func (s *Server) switchOrganization(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	a := authFrom(c)
	ctx := c.Request().Context()
	if err := s.accounts().SwitchOrganization(ctx, a.SessionID, a.User.ID, id); err != nil {
		return err
	}
	org, err := s.deps.Store.Organization(ctx, id)
	if err != nil {
		return err
	}
	s.setFlash(c, "You are now working in "+org.Name+".")
	return s.redirect(c, "dashboard")
}
