package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
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
