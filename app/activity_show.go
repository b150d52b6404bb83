package app

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/store"
)

// activityShown is how many of the latest audit entries the page lists.
const activityShown = 200

// activityLabel says in words what an audit action recorded; an action
// without a label is shown by its code.
func activityLabel(action string) string {
	switch action {
	case store.AuditSignup:
		return "Signed up"
	case store.AuditVerify:
		return "Confirmed their e-mail address"
	case store.AuditPasswordChange:
		return "Changed their password"
	case store.AuditPasswordReset:
		return "Reset their password"
	case store.AuditInvite:
		return "Invited a member"
	case store.AuditAccept:
		return "Joined the organization"
	case store.AuditRemove:
		return "Removed a member"
	case store.AuditLeave:
		return "Left the organization"
	case store.AuditTransfer:
		return "Transferred ownership"
	case store.AuditOrgCreate:
		return "Created the organization"
	case store.AuditTokenCreate:
		return "Created an API token"
	case store.AuditTokenRevoke:
		return "Revoked an API token"
	case store.AuditTokensRevokedByPassword:
		return "API tokens revoked by a password change"
	case store.AuditInviteRevoke:
		return "Revoked an invitation"
	case store.AuditPlanChange:
		return "Plan changed"
	case store.AuditWatchAdd:
		return "Started watching"
	case store.AuditWatchRemove:
		return "Stopped watching"
	case store.AuditFeedToken:
		return "Renewed the Atom feed address"
	case store.AuditCheckout:
		return "Subscribed through Stripe Checkout"
	case store.AuditSubscription:
		return "Subscription updated"
	case store.AuditPaymentFailed:
		return "A payment failed"
	case store.AuditPaymentOK:
		return "A payment went through"
	case store.AuditExport:
		return "Exported an audit report"
	}
	return action
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
	if !a.Role.CanManage() {
		return echo.NewHTTPError(http.StatusForbidden, "Only owners and admins see the organization's activity.")
	}
	entries, err := s.deps.Store.AuditLog(c.Request().Context(), a.Organization.ID, activityShown)
	if err != nil {
		return err
	}
	rows := make([]activityRow, len(entries))
	for i, e := range entries {
		// No person behind it: Stripe's events, the operator's commands.
		rows[i] = activityRow{Entry: e, What: activityLabel(e.Action), Who: "System"}
		if e.Actor != nil {
			rows[i].Who = e.Actor.Email
		}
	}
	page := s.newPage(c, "Activity")
	page.Data = rows
	return s.render(c, "activity", page, http.StatusOK)
}
