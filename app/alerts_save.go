package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/alerts"
)

// alertsForm is the alert settings form: the member's own subscriptions,
// and the organization's settings, which only owners and admins change.
type alertsForm struct {
	MemberSameDay checkbox `form:"member_same_day"`
	MemberDigest  checkbox `form:"member_digest"`
	SameDay       checkbox `form:"same_day"`
	Editorial     checkbox `form:"editorial"`
	DigestWeekday string   `form:"digest_weekday"`
	WebhookURL    string   `form:"webhook_url"`
}

// saveAlerts applies the settings form: members change their own
// subscriptions, owners and admins the organization's settings too.
func (s *Server) saveAlerts(c echo.Context) error {
	var in alertsForm
	page, err := s.formPage(c, "Alerts", &in)
	if err != nil {
		return s.alertFormError(c, page, err)
	}
	memberSameDay, memberDigest := bool(in.MemberSameDay), bool(in.MemberDigest)
	u := alerts.Update{Member: &alerts.MemberUpdate{SameDay: &memberSameDay, Digest: &memberDigest}}
	if authFrom(c).Role.CanManage() {
		editorial := bool(in.Editorial)
		u.DigestWeekday, u.WebhookURL, u.Editorial = &in.DigestWeekday, &in.WebhookURL, &editorial
		// An unchecked box on a plan without same-day alerts is not a
		// request to change anything.
		if bool(in.SameDay) || page.Plan.SameDayAlerts {
			sameDay := bool(in.SameDay)
			u.SameDay = &sameDay
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
