package watchlist

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
)

// Actor is who changes a plan: a person (UserID), or a system source with
// UserID zero. Source says through what: "operator", "billing", "website".
type Actor struct {
	UserID int64
	Source string
}

// PlanChange is what moving an organization to another plan did.
type PlanChange struct {
	Organization *store.Organization
	From, To     billing.Plan
	// Paused are the watches the new plan no longer covers, newest first;
	// Resumed those it covers again.
	Paused, Resumed []store.Watch
	// Members is the member count; over To.Members the newest members keep
	// read-only access until an owner removes someone.
	Members int
}

// MembersOver is how many members the new plan does not cover.
func (c *PlanChange) MembersOver() int { return max(0, c.Members-c.To.Members) }

// ApplyPlan moves the organization to planID. It is the one way plans
// change (billing, the operator command): in one transaction holding the
// organization lock it sets the plan, pauses the newest watches over the
// new limits or resumes watches the plan had paused, and writes the audit
// log. Owners are mailed the watches that were paused.
func (s *Service) ApplyPlan(ctx context.Context, orgID int64, planID string, actor Actor) (*PlanChange, error) {
	to, ok := billing.PlanByID(planID)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownPlan, planID)
	}
	change := &PlanChange{To: to}
	err := s.store.InTx(ctx, func(tx *store.Store) error {
		if err := tx.LockOrganization(ctx, orgID); err != nil {
			return err
		}
		org, err := tx.Organization(ctx, orgID)
		if err != nil {
			return err
		}
		change.From = billing.Entitlements(org.Plan)
		if err := tx.SetOrganizationPlan(ctx, orgID, to.ID); err != nil {
			return err
		}
		org.Plan = to.ID
		change.Organization = org
		change.Paused, change.Resumed, err = tx.ApplyWatchLimits(ctx, orgID, limitsOf(to), s.now())
		if err != nil {
			return err
		}
		if change.Members, err = tx.CountMembers(ctx, orgID); err != nil {
			return err
		}
		return audit(ctx, tx, orgID, actor.UserID, store.AuditPlanChange, change.describe(actor))
	})
	if err != nil {
		return nil, fmt.Errorf("apply plan %s to organization %d: %w", to.ID, orgID, err)
	}
	if len(change.Paused) > 0 {
		s.mailOwners(ctx, change)
	}
	return change, nil
}

// describe is the audit log line: "free → monitor by operator; paused:
// A, B; resumed: C".
func (c *PlanChange) describe(actor Actor) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s", c.From.ID, c.To.ID)
	if actor.Source != "" {
		fmt.Fprintf(&b, " by %s", actor.Source)
	}
	for _, part := range []struct {
		what string
		ws   []store.Watch
	}{{"paused", c.Paused}, {"resumed", c.Resumed}} {
		if len(part.ws) == 0 {
			continue
		}
		fmt.Fprintf(&b, "; %s: %s", part.what, labels(part.ws))
	}
	if over := c.MembersOver(); over > 0 {
		fmt.Fprintf(&b, "; %d members over the limit are read-only", over)
	}
	return b.String()
}

func labels(ws []store.Watch) string {
	names := make([]string, len(ws))
	for i := range ws {
		names[i] = ws[i].Label()
	}
	return strings.Join(names, ", ")
}

// planMail is the data of the plan_paused e-mail.
type planMail struct {
	Organization string
	From, To     string
	Paused       []string
	URL          string
}

// mailOwners tells the owners which watches the plan change paused. A
// failed mail is logged: the plan change has happened and the watchlist
// page shows the same.
func (s *Service) mailOwners(ctx context.Context, c *PlanChange) {
	if s.mail == nil || s.tmpl == nil {
		return
	}
	members, err := s.store.Members(ctx, c.Organization.ID)
	if err != nil {
		s.log.ErrorContext(ctx, "list owners for the plan change mail", slog.Any("error", err))
		return
	}
	data := planMail{Organization: c.Organization.Name, From: c.From.Name, To: c.To.Name, URL: s.baseURL + "/app/watchlist"}
	for i := range c.Paused {
		data.Paused = append(data.Paused, c.Paused[i].Label())
	}
	subject, text, html, err := s.tmpl.Email("plan_paused", data)
	if err != nil {
		s.log.ErrorContext(ctx, "render the plan change mail", slog.Any("error", err))
		return
	}
	for _, m := range members {
		if !m.Role.IsOwner() || m.User == nil {
			continue
		}
		if err := s.mail.Send(ctx, mail.Message{To: m.User.Email, Subject: subject, Text: text, HTML: html}); err != nil {
			s.log.ErrorContext(ctx, "send the plan change mail", slog.String("to", m.User.Email), slog.Any("error", err))
		}
	}
}
