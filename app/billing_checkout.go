package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
)

// saveCheckout sends the person to Stripe Checkout for the chosen plan.
func (s *Server) saveCheckout(c echo.Context) error {
	var req checkoutRequest
	if err := bindForm(c, &req); err != nil {
		return s.billingFormError(c, err)
	}
	url, err := s.checkoutURL(c, req.Plan)
	if err != nil {
		return s.billingFormError(c, err)
	}
	return c.Redirect(http.StatusSeeOther, url)
}

// checkoutRequest is the plan to buy, from the Upgrade buttons or the API.
type checkoutRequest struct {
	Plan string `json:"plan" form:"plan"`
}

type billingURL struct {
	URL string `json:"url"`
}

// apiCheckout answers 200 {"url": …} to Stripe Checkout.
func (s *Server) apiCheckout(c echo.Context) error {
	var req checkoutRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	url, err := s.checkoutURL(c, req.Plan)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, billingURL{URL: url})
}

func (s *Server) checkoutURL(c echo.Context, plan string) (string, error) {
	svc, err := s.billingService()
	if err != nil {
		return "", err
	}
	a := authFrom(c)
	return svc.Checkout(c.Request().Context(), a.Organization.ID, plan, a.User.Email)
}

// billingFormError shows a refused checkout or portal request, and billing
// not being configured, on the billing page with its status; other
// failures go to the error handler.
func (s *Server) billingFormError(c echo.Context, err error) error {
	status, body := classify(err)
	if status >= http.StatusInternalServerError && !errors.Is(err, stripebilling.ErrNotConfigured) {
		return err
	}
	page := s.newPage(c, "Billing")
	page.FlashError = body.Message
	return s.renderBilling(c, page, status)
}
