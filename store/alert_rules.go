package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// AlertRule narrows which changes alert an organization (UserID 0) or one
// of its members (UserID set, on top of the organization's rule), for every
// watch (WatchID 0) or one watch (an override of the rule for every watch).
// Empty lists mean any; MinSeverity is a severity rank, 0 for any.
type AlertRule struct {
	ID             int64 `gorm:"primaryKey"`
	OrganizationID int64
	UserID         int64
	WatchID        int64
	Categories     RuleList `gorm:"type:text"`
	ChangeKinds    RuleList `gorm:"type:text"`
	MinSeverity    int
	// StanceChanges lets a change through when it changes the stance of
	// a listed category, whatever its change kind or severity.
	StanceChanges bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// RuleList is a set of ids stored as ",a,b," so that one LIKE tests
// membership on SQLite and PostgreSQL alike.
type RuleList []string

// Scan implements sql.Scanner.
func (l *RuleList) Scan(v any) error {
	var s string
	switch t := v.(type) {
	case string:
		s = t
	case []byte:
		s = string(t)
	case nil:
	default:
		return fmt.Errorf("rule list: cannot scan %T", v)
	}
	*l = nil
	for _, id := range strings.Split(strings.Trim(s, ","), ",") {
		if id != "" {
			*l = append(*l, id)
		}
	}
	return nil
}

// Value implements driver.Valuer.
func (l RuleList) Value() (driver.Value, error) {
	if len(l) == 0 {
		return "", nil
	}
	return "," + strings.Join(l, ",") + ",", nil
}

// AlertRules returns the organization's rules: its own and every
// member's, ordered by member then watch.
func (s *Store) AlertRules(ctx context.Context, orgID int64) ([]AlertRule, error) {
	var rules []AlertRule
	err := s.conn(ctx).Scopes(forOrg(orgID)).Order("user_id, watch_id").Find(&rules).Error
	if err != nil {
		return nil, fmt.Errorf("alert rules of organization %d: %w", orgID, err)
	}
	return rules, nil
}

// ReplaceAlertRules replaces the rules of one owner in the organization,
// the organization itself when userID is 0, with rules (their scope
// fields are set here). Watch overrides must name watches of the
// organization.
func (s *Store) ReplaceAlertRules(ctx context.Context, orgID, userID int64, rules []AlertRule) error {
	return s.InTx(ctx, func(tx *Store) error {
		db := tx.conn(ctx)
		var watchIDs []int64
		for _, r := range rules {
			if r.WatchID != 0 {
				watchIDs = append(watchIDs, r.WatchID)
			}
		}
		if len(watchIDs) > 0 {
			var n int64
			if err := db.Model(&Watch{}).Scopes(forOrg(orgID)).Where("id IN ?", watchIDs).Count(&n).Error; err != nil {
				return fmt.Errorf("check watches of alert rules: %w", err)
			}
			// The service refuses two overrides of one watch, so the ids
			// are distinct and every one must be found.
			if n != int64(len(watchIDs)) {
				return fmt.Errorf("alert rule for a watch: %w", ErrNotFound)
			}
		}
		if err := db.Scopes(forOrg(orgID)).Where("user_id = ?", userID).Delete(&AlertRule{}).Error; err != nil {
			return fmt.Errorf("clear alert rules: %w", err)
		}
		now := time.Now().UTC()
		for i := range rules {
			r := rules[i]
			r.ID, r.OrganizationID, r.UserID, r.CreatedAt, r.UpdatedAt = 0, orgID, userID, now, now
			if err := db.Create(&r).Error; err != nil {
				return fmt.Errorf("save alert rule: %w", err)
			}
		}
		return nil
	})
}

// deleteWatchRules removes the overrides of a watch that is gone.
func deleteWatchRules(db *gorm.DB, orgID, watchID int64) error {
	if err := db.Scopes(forOrg(orgID)).Where("watch_id = ?", watchID).Delete(&AlertRule{}).Error; err != nil {
		return fmt.Errorf("delete alert rules of watch %d: %w", watchID, err)
	}
	return nil
}

// ChangeFacets are what alert rules look at in a change.
type ChangeFacets struct {
	Severity   int // rank of the change's overall severity, 0 for none
	Provisions []ProvisionFacet
	// StanceChanged lists the categories whose stance the change altered.
	StanceChanged []string
}

// ProvisionFacet is one provision of a change.
type ProvisionFacet struct {
	Category string
	Kind     string
	Severity int
}

// ruleFilter is the SQL condition that lets a row through the rules that
// apply to it: the member's (user column set) or the organization's
// (user column "0") rule for the watch, or for every watch when the watch
// has no override. A row with no applicable rule passes; organizations on
// plans without rules (plans empty) are not filtered at all.
func ruleFilter(f ChangeFacets, org, user, watch string, plans []string) (string, []any) {
	if len(plans) == 0 {
		return "", nil
	}
	match, args := ruleMatch(f)
	scope := fmt.Sprintf(`r.organization_id = %[1]s.id AND r.user_id = %[2]s
  AND (r.watch_id = %[3]s.id OR (r.watch_id = 0 AND NOT EXISTS (
    SELECT 1 FROM alert_rules r2 WHERE r2.organization_id = %[1]s.id AND r2.user_id = %[2]s AND r2.watch_id = %[3]s.id)))`,
		org, user, watch)
	cond := fmt.Sprintf(" AND (%s.plan NOT IN ? OR NOT EXISTS (SELECT 1 FROM alert_rules r WHERE %s AND NOT (%s)))", org, scope, match)
	return cond, append([]any{plans}, args...)
}

// ruleMatch is the SQL condition under which rule r lets the change
// through: one of its provisions is in the rule's categories and change
// kinds at or above its minimum severity, or it changes the stance of a
// listed category and the rule asks for stance changes. A change without
// provisions passes only rules that list no categories or kinds.
func ruleMatch(f ChangeFacets) (string, []any) {
	var parts []string
	var args []any
	if len(f.Provisions) == 0 {
		parts = append(parts, "(r.categories = '' AND r.change_kinds = '' AND r.min_severity <= ?)")
		args = append(args, f.Severity)
	}
	for _, p := range f.Provisions {
		parts = append(parts, "((r.categories = '' OR r.categories LIKE ? ESCAPE '\\') AND (r.change_kinds = '' OR r.change_kinds LIKE ? ESCAPE '\\') AND r.min_severity <= ?)")
		args = append(args, listPattern(p.Category), listPattern(p.Kind), p.Severity)
	}
	for _, c := range f.StanceChanged {
		parts = append(parts, "(r.stance_changes AND (r.categories = '' OR r.categories LIKE ? ESCAPE '\\'))")
		args = append(args, listPattern(c))
	}
	return strings.Join(parts, " OR "), args
}

// listPattern matches id inside a RuleList column, with LIKE's wildcards
// (the "_" of "ai_training" among them) escaped.
func listPattern(id string) string {
	return "%," + likeEscaper.Replace(id) + ",%"
}
