package app

import (
	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/billing/stripebilling"
)

// billingPage is the data of /app/billing.
type billingPage struct {
	Configured bool
	CanManage  bool
	Overview   *stripebilling.Overview
	Plans      []billing.Plan
	// Checkout is "success" or "canceled" on the way back from Stripe.
	Checkout string
}

// showBilling shows the plan, the subscription's state and the ways to
// change it.
func (s *Server) showBilling(c echo.Context) error {
	return s.renderBilling(c, s.newPage(c, "Billing"), 200)
}

func (s *Server) renderBilling(c echo.Context, page *Page, status int) error {
	a := authFrom(c)
	data := billingPage{CanManage: a.Role.CanBill(), Plans: billing.Plans()}
	switch q := c.QueryParam("checkout"); q {
	case "success", "canceled":
		data.Checkout = q
	}
	if svc, err := s.billingService(); err == nil {
		data.Configured = true
		if data.Overview, err = svc.Overview(c.Request().Context(), a.Organization.ID); err != nil {
			return err
		}
	}
	page.Data = data
	return s.render(c, "billing", page, status)
}
