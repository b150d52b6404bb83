package app

import (
	"github.com/labstack/echo/v4"
)

// billingRoutes registers the billing page, its API and the Stripe
// webhook. Without STRIPE_SECRET_KEY (Deps.Billing nil) the page says so,
// and the API and the webhook answer 503 billing_not_configured.
func (s *Server) billingRoutes(web, api *echo.Group) {
	app := web.Group("/app/billing", s.requireLogin)
	app.GET("", s.showBilling).Name = "billing"
	app.POST("/checkout", s.saveCheckout, s.requireBillingRole).Name = "billing.checkout"
	app.POST("/portal", s.savePortal, s.requireBillingRole).Name = "billing.portal"

	api.POST("/billing/checkout", s.apiCheckout, s.requireAPIAuth, s.requireBillingRole).Name = "api.billing.checkout"
	api.POST("/billing/portal", s.apiPortal, s.requireAPIAuth, s.requireBillingRole).Name = "api.billing.portal"

	// Stripe signs its requests; sessions, CSRF and the default body
	// limit do not apply.
	s.echo.POST("/webhooks/stripe", s.stripeWebhook).Name = "webhook.stripe"
}
