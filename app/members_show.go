package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// membersPage is the data of /app/members.
type membersPage struct {
	Members     []store.Membership
	Invitations []store.Invitation
	Self        int64
	CanManage   bool
	IsOwner     bool
}

func (s *Server) showMembers(c echo.Context) error {
	page := s.newPage(c, "Members")
	return s.renderMembers(c, page, http.StatusOK)
}

// renderMembers fills the member list into page and renders it; the invite
// form and the member actions re-render through it on errors.
func (s *Server) renderMembers(c echo.Context, page *Page, status int) error {
	a := authFrom(c)
	ctx := c.Request().Context()
	members, err := s.accounts().Members(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	invs, err := s.accounts().PendingInvitations(ctx, a.Organization.ID)
	if err != nil {
		return err
	}
	page.Data = membersPage{
		Members: members, Invitations: invs, Self: a.User.ID,
		CanManage: a.Role.CanManage(),
		IsOwner:   a.Role.IsOwner(),
	}
	return s.render(c, "members", page, status)
}

// membersError re-renders the members page with the error, or hands it to
// the error handler when it is not the user's to fix.
func (s *Server) membersError(c echo.Context, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.renderMembers(c, page, status)
}
