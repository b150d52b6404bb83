package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
)

// saveAlerts applies the settings form: members change their own
// subscriptions, owners and admins the organization's settings too.
func (s *Server) saveAlerts(c echo.Context) error {
	page, err := s.formPage(c, "Alerts")
	if err != nil {
		return err
	}
	a := authFrom(c)
	form := page.Form
	on := func(name string) *bool { v := form.Get(name) == "on"; return &v }
	u := alerts.Update{Member: &alerts.MemberUpdate{SameDay: on("member_same_day"), Digest: on("member_digest")}}
	if a.manages() {
		weekday, url := form.Get("digest_weekday"), form.Get("webhook_url")
		u.DigestWeekday, u.WebhookURL = &weekday, &url
		// An unchecked box on a plan without same-day alerts is not a
		// request to change anything.
		if form.Get("same_day") == "on" || page.Plan.SameDayAlerts {
			u.SameDay = on("same_day")
		}
	}
	st, err := s.alerts().UpdateSettings(c.Request().Context(), alertActor(c), u)
	if err != nil {
		return s.alertFormError(c, page, err)
	}
	if st.WebhookSecret != "" {
		page.Flash = "Settings saved. Copy the webhook secret now: it is not shown again."
		return s.renderAlerts(c, page, st.WebhookSecret, http.StatusOK)
	}
	s.setFlash(c, "Alert settings saved.")
	return s.redirect(c, "alerts")
}

// regenerateWebhookSecret replaces the webhook's signing secret and shows
// the new one once.
func (s *Server) regenerateWebhookSecret(c echo.Context) error {
	page := s.newPage(c, "Alerts")
	st, err := s.alerts().UpdateSettings(c.Request().Context(), alertActor(c), alerts.Update{RegenerateWebhookSecret: true})
	if err != nil {
		return s.alertFormError(c, page, err)
	}
	page.Flash = "New webhook secret. Copy it now: it is not shown again; the old one no longer signs."
	return s.renderAlerts(c, page, st.WebhookSecret, http.StatusOK)
}

// alertFormError shows refused input and plan and role refusals on the
// page; other errors go to the error handler.
func (s *Server) alertFormError(c echo.Context, page *Page, err error) error {
	status, ok := showError(c, page, err)
	if !ok {
		return err
	}
	return s.renderAlerts(c, page, "", status)
}
