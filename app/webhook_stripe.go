package app

import (
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
)

// stripeWebhook receives Stripe's events: 200 once the event is processed
// (or was already), 400 for a bad signature, 413 for an oversized body,
// 5xx when it could not be recorded, so that Stripe retries.
func (s *Server) stripeWebhook(c echo.Context) error {
	svc, err := s.billingService()
	if err != nil {
		return err
	}
	req := c.Request()
	if req.ContentLength > stripebilling.MaxWebhookBody {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "The event is too large.")
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, stripebilling.MaxWebhookBody+1))
	if err != nil {
		return fmt.Errorf("read stripe webhook body: %w", err)
	}
	if len(body) > stripebilling.MaxWebhookBody {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge, "The event is too large.")
	}
	outcome, err := svc.HandleWebhook(req.Context(), body, req.Header.Get("Stripe-Signature"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]string{"outcome": outcome})
}
