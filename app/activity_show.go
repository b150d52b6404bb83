package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing/stripebilling"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/watchlist"
)

// activityShown is how many of the latest audit entries the page lists.
const activityShown = 200

// activityLabels say in words what each audit action recorded; an action
// without a label is shown by its code.
var activityLabels = map[string]string{
	store.AuditSignup:                "Signed up",
	store.AuditVerify:                "Confirmed their e-mail address",
	store.AuditPasswordChange:        "Changed their password",
	store.AuditPasswordReset:         "Reset their password",
	store.AuditInvite:                "Invited a member",
	store.AuditAccept:                "Joined the organization",
	store.AuditRemove:                "Removed a member",
	store.AuditLeave:                 "Left the organization",
	store.AuditTransfer:              "Transferred ownership",
	store.AuditTokenCreate:           "Created an API token",
	store.AuditTokenRevoke:           "Revoked an API token",
	store.AuditInviteRevoke:          "Revoked an invitation",
	watchlist.AuditPlanChange:        "Plan changed",
	watchlist.AuditWatchAdd:          "Started watching",
	watchlist.AuditWatchRemove:       "Stopped watching",
	watchlist.AuditFeedToken:         "Renewed the Atom feed address",
	stripebilling.AuditCheckout:      "Subscribed through Stripe Checkout",
	stripebilling.AuditSubscription:  "Subscription updated",
	stripebilling.AuditPaymentFailed: "A payment failed",
	stripebilling.AuditPaymentOK:     "A payment went through",
	auditExportAction:                "Exported an audit report",
}

// activityRow is one line of /app/activity.
type activityRow struct {
	Entry store.AuditEntry
	What  string
	Who   string
}

// showActivity lists the organization's audit log: who did what, when.
// Owners and admins only, like the member and billing settings it records.
func (s *Server) showActivity(c echo.Context) error {
	a := authFrom(c)
	if a.Role != store.RoleOwner && a.Role != store.RoleAdmin {
		return echo.NewHTTPError(http.StatusForbidden, "Only owners and admins see the organization's activity.")
	}
	entries, err := s.deps.Store.AuditLog(c.Request().Context(), a.Organization.ID, activityShown)
	if err != nil {
		return err
	}
	rows := make([]activityRow, len(entries))
	for i, e := range entries {
		// No person behind it: Stripe's events, the operator's commands.
		rows[i] = activityRow{Entry: e, What: e.Action, Who: "System"}
		if label, ok := activityLabels[e.Action]; ok {
			rows[i].What = label
		}
		if e.Actor != nil {
			rows[i].Who = e.Actor.Email
		}
	}
	page := s.newPage(c, "Activity")
	page.Data = rows
	return s.render(c, "activity", page, http.StatusOK)
}
