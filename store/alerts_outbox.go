package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// OutboxPlans say which plans get which channels; the store does not know
// the plans, billing does.
type OutboxPlans struct {
	SameDay  []string // plans whose members get same-day e-mail
	Webhooks []string // plans whose webhook gets the change
	Rules    []string // plans whose alert rules filter what is queued
}

// OutboxCounts is what WriteChangeOutbox queued.
type OutboxCounts struct {
	Deliveries  int64
	DigestItems int64
}

// ActivelyWatched reports whether any organization watches the document
// through an active watch: its platform's for a catalogue document, its
// own for a custom one. A change nobody watches queues nothing, so the
// recorder's hook stops there without working out what the alerts would
// say.
func (s *Store) ActivelyWatched(ctx context.Context, docID int64) (bool, error) {
	cond, arg, err := s.watchCond(ctx, docID)
	if err != nil {
		return false, err
	}
	var watched bool
	err = s.conn(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM watches w WHERE `+cond+` AND w.paused_at IS NULL)`, arg).
		Scan(&watched).Error
	if err != nil {
		return false, fmt.Errorf("is document %d watched: %w", docID, err)
	}
	return watched, nil
}

// WriteChangeOutbox queues a change for everyone who watches its document
// through an active watch: a same-day e-mail per verified, subscribed
// member of organizations on a same-day plan that kept same-day alerts on,
// a webhook delivery per organization with a webhook on a webhook plan, and
// a digest item per organization. On plans with alert rules, the
// organization's rules filter all three and a member's own rules their
// e-mail. It runs a few INSERT … SELECT statements whatever the number of
// organizations; call it in the transaction that records the change so
// that both commit or neither does. An editorial change goes to the
// same-day channels only of organizations that asked for editorial alerts.
func (s *Store) WriteChangeOutbox(ctx context.Context, c *Change, facets ChangeFacets, plans OutboxPlans, now time.Time) (OutboxCounts, error) {
	var counts OutboxCounts
	db := s.conn(ctx)
	cond, arg, err := s.watchCond(ctx, c.DocumentID)
	if err != nil {
		return counts, err
	}
	active := " AND w.paused_at IS NULL"
	orgRules, orgArgs := ruleFilter(facets, "o", "0", "w", plans.Rules)
	memberRules, memberArgs := ruleFilter(facets, "o", "m.user_id", "w", plans.Rules)
	alerting := active + editorialFilter(c)
	now = now.UTC()
	if len(plans.SameDay) > 0 {
		res := db.Exec(`INSERT INTO alert_deliveries
  (organization_id, change_id, recipient_id, channel, state, attempts, last_error, next_attempt_at, created_at, updated_at)
SELECT m.organization_id, ?, m.user_id, ?, ?, 0, '', ?, ?, ?
FROM watches w
JOIN organizations o ON o.id = w.organization_id
JOIN memberships m ON m.organization_id = w.organization_id
JOIN users u ON u.id = m.user_id
WHERE `+cond+alerting+` AND o.plan IN ? AND u.email_verified_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM alert_settings st WHERE st.organization_id = o.id AND NOT st.same_day)
  AND NOT EXISTS (SELECT 1 FROM alert_opt_outs x WHERE x.organization_id = m.organization_id AND x.user_id = m.user_id AND x.kind = ?)`+
			orgRules+memberRules+`
ON CONFLICT DO NOTHING`,
			slices.Concat([]any{c.ID, ChannelEmail, DeliveryPending, now, now, now, arg, plans.SameDay, OptOutSameDay}, orgArgs, memberArgs)...)
		if res.Error != nil {
			return counts, fmt.Errorf("queue same-day e-mails of change %d: %w", c.ID, res.Error)
		}
		counts.Deliveries += res.RowsAffected
	}
	if len(plans.Webhooks) > 0 {
		res := db.Exec(`INSERT INTO alert_deliveries
  (organization_id, change_id, recipient_id, channel, state, attempts, last_error, next_attempt_at, created_at, updated_at)
SELECT w.organization_id, ?, h.id, ?, ?, 0, '', ?, ?, ?
FROM watches w
JOIN organizations o ON o.id = w.organization_id
JOIN alert_webhooks h ON h.organization_id = w.organization_id
WHERE `+cond+alerting+` AND o.plan IN ?`+orgRules+`
ON CONFLICT DO NOTHING`,
			slices.Concat([]any{c.ID, ChannelWebhook, DeliveryPending, now, now, now, arg, plans.Webhooks}, orgArgs)...)
		if res.Error != nil {
			return counts, fmt.Errorf("queue webhooks of change %d: %w", c.ID, res.Error)
		}
		counts.Deliveries += res.RowsAffected
	}
	res := db.Exec(`INSERT INTO digest_items (organization_id, change_id, created_at)
SELECT w.organization_id, ?, ? FROM watches w
JOIN organizations o ON o.id = w.organization_id
WHERE `+cond+active+orgRules+`
ON CONFLICT DO NOTHING`, slices.Concat([]any{c.ID, now, arg}, orgArgs)...)
	if res.Error != nil {
		return counts, fmt.Errorf("queue digest items of change %d: %w", c.ID, res.Error)
	}
	counts.DigestItems = res.RowsAffected
	return counts, nil
}

// editorialFilter keeps an editorial change from the same-day channels of
// organizations that did not turn editorial alerts on.
func editorialFilter(c *Change) string {
	if c.Materiality != MaterialityEditorial {
		return ""
	}
	return " AND EXISTS (SELECT 1 FROM alert_settings se WHERE se.organization_id = o.id AND se.editorial)"
}
