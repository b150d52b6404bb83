package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

type meOrganization struct {
	*store.Organization
	Role store.Role `json:"role"`
}

type meResponse struct {
	User         *store.User    `json:"user"`
	Organization meOrganization `json:"organization"`
	Limits       billing.Plan   `json:"limits"`
	Usage        accounts.Usage `json:"usage"`
}

// apiMe describes the token's user and organization with the plan's limits
// and the current usage.
func (s *Server) apiMe(c echo.Context) error {
	a := authFrom(c)
	u, err := s.usage(c.Request().Context(), a.Organization.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, meResponse{
		User:         a.User,
		Organization: meOrganization{Organization: a.Organization, Role: a.Role},
		Limits:       billing.Entitlements(a.Organization.Plan),
		Usage:        u,
	})
}
