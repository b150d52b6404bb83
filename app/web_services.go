package app

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/alerts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// callerOrg is the organization id of the request, 0 for anonymous
// visitors. Every lookup of a document, version or change passes it to the
// store, which hides other organizations' custom documents.
func callerOrg(c echo.Context) int64 {
	if a := authFrom(c); a != nil && a.Organization != nil {
		return a.Organization.ID
	}
	return 0
}

// callerPlan is the plan the request is entitled to: Free for anonymous
// visitors.
func callerPlan(c echo.Context) billing.Plan {
	if a := authFrom(c); a != nil && a.Organization != nil {
		return billing.Entitlements(a.Organization.Plan)
	}
	return billing.Entitlements(billing.PlanFree)
}

// visibleDocument returns the document named by the path parameter when
// the caller may see it; otherwise a 404.
func (e *catalogueHandlers) visibleDocument(c echo.Context, param string) (*store.Document, error) {
	id, err := pathID(c, param)
	if err != nil {
		return nil, err
	}
	return e.store.VisibleDocument(c.Request().Context(), callerOrg(c), id)
}

// accounts is the accounts service from the dependencies.
func (s *Server) accounts() *accounts.Service { return s.deps.Accounts }

// identity is the accounts view of the request's Auth.
func identity(a *Auth) *accounts.Identity {
	return &accounts.Identity{User: a.User, Organization: a.Organization, Role: a.Role, TokenID: a.TokenID}
}

// client describes the request for login throttling and session records.
func client(c echo.Context) accounts.Client {
	return accounts.Client{IP: c.RealIP(), UserAgent: c.Request().UserAgent()}
}

// alerts is the alerts service from the dependencies.
func (s *Server) alerts() *alerts.Service { return s.deps.Alerts }

// alertActor is the member making the request.
func alertActor(c echo.Context) alerts.Actor {
	a := authFrom(c)
	return alerts.Actor{OrganizationID: a.Organization.ID, UserID: a.User.ID, Role: a.Role, Verified: a.User.Verified()}
}

// watchlist is the watchlist service from the dependencies.
func (s *Server) watchlist() *watchlist.Service { return s.deps.Watchlist }

// billingService is the Stripe billing service, or ErrNotConfigured.
func (s *Server) billingService() (*stripebilling.Service, error) {
	if s.deps.Billing == nil {
		return nil, stripebilling.ErrNotConfigured
	}
	return s.deps.Billing, nil
}

// usage is what the organization uses of its plan, for the dashboard and
// /api/v1/me.
func (s *Server) usage(ctx context.Context, orgID int64) (accounts.Usage, error) {
	u, err := s.accounts().MemberUsage(ctx, orgID)
	if err != nil {
		return u, err
	}
	if err := s.watchUsage(ctx, orgID, &u); err != nil {
		return u, err
	}
	return u, nil
}

// watchUsage fills in the watch counts (Platforms, CustomURLs), paused
// watches included: they keep their place in the plan.
func (s *Server) watchUsage(ctx context.Context, orgID int64, u *accounts.Usage) error {
	n, err := s.watchlist().Usage(ctx, orgID)
	if err != nil {
		return err
	}
	u.Platforms, u.CustomURLs = n.Platforms, n.CustomURLs
	return nil
}
