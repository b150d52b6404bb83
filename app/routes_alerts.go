package app

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// alertRoutes registers the alert settings and rules pages and API and the
// one-click unsubscribe link.
func (s *Server) alertRoutes(web, api *echo.Group) {
	app := web.Group("/app/alerts", s.requireLogin)
	app.GET("", s.showAlerts).Name = "alerts"
	app.POST("", s.saveAlerts, s.requireWriteAccess).Name = "alerts.save"
	app.POST("/webhook/secret", s.regenerateWebhookSecret, s.requireWriteAccess).Name = "alerts.webhook.secret"
	app.POST("/rules", s.saveAlertRule, s.requireWriteAccess).Name = "alerts.rules.save"
	app.POST("/rules/delete", s.deleteAlertRule, s.requireWriteAccess).Name = "alerts.rules.delete"

	api.GET("/alerts/settings", s.apiAlertSettings, s.requireAPIAuth).Name = "api.alerts.settings"
	api.PUT("/alerts/settings", s.apiUpdateAlertSettings, s.requireAPIAuth, s.requireWriteAccess).Name = "api.alerts.settings.update"
	api.GET("/alerts/rules", s.apiAlertRules, s.requireAPIAuth).Name = "api.alerts.rules"
	api.PUT("/alerts/rules", s.apiUpdateAlertRules, s.requireAPIAuth, s.requireWriteAccess).Name = "api.alerts.rules.update"

	// The signed link authenticates the request: mail clients POST it
	// without cookies (RFC 8058), so it sits outside the CSRF group.
	unsub := s.echo.Group("/alerts/unsubscribe", middleware.BodyLimit(bodyLimitDefault))
	unsub.GET("", s.showUnsubscribe).Name = "alerts.unsubscribe"
	unsub.POST("", s.saveUnsubscribe).Name = "alerts.unsubscribe.save"
}
