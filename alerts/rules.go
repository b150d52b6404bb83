package alerts

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// Rule is one provision-level alert rule as the API shows it. Empty lists
// mean any category or change kind; an empty MinSeverity means any.
type Rule struct {
	// WatchID is set on a rule that overrides the rule for every watch
	// for that watch only.
	WatchID       int64    `json:"watch_id,omitempty"`
	Categories    []string `json:"categories"`
	ChangeKinds   []string `json:"change_kinds"`
	MinSeverity   string   `json:"min_severity"`
	StanceChanges bool     `json:"stance_changes"`
}

// Rules are the rules that apply to one member: the organization's, which
// filter every channel, and the member's own, which filter their e-mail on
// top. No rule means every change alerts.
type Rules struct {
	// Available is whether the plan has provision-level rules; stored
	// rules are kept but do not apply on a plan without them.
	Available     bool   `json:"available"`
	Organization  *Rule  `json:"organization"`
	Watches       []Rule `json:"watches"`
	Member        *Rule  `json:"member"`
	MemberWatches []Rule `json:"member_watches"`
}

// RulesUpdate replaces rules. A field left out keeps what is stored; null
// (or an empty list) removes it. Organization and Watches need an owner or
// admin.
type RulesUpdate struct {
	Organization  json.RawMessage `json:"organization"`
	Watches       json.RawMessage `json:"watches"`
	Member        json.RawMessage `json:"member"`
	MemberWatches json.RawMessage `json:"member_watches"`
}

// ruleKinds are the change kinds a rule may name.
var ruleKinds = []string{analysis.ChangeAdded, analysis.ChangeRemoved, analysis.ChangeModified}

// AlertRules returns the rules that apply to the member.
func (s *Service) AlertRules(ctx context.Context, a Actor) (*Rules, error) {
	org, err := s.d.Store.Organization(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	stored, err := s.d.Store.AlertRules(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	out := &Rules{Available: billing.Entitlements(org.Plan).ComplianceAnalysis, Watches: []Rule{}, MemberWatches: []Rule{}}
	for _, r := range stored {
		rule := ruleView(r)
		switch {
		case r.UserID == 0 && r.WatchID == 0:
			out.Organization = &rule
		case r.UserID == 0:
			out.Watches = append(out.Watches, rule)
		case r.UserID == a.UserID && r.WatchID == 0:
			out.Member = &rule
		case r.UserID == a.UserID:
			out.MemberWatches = append(out.MemberWatches, rule)
		}
	}
	return out, nil
}

// UpdateAlertRules applies u for the member: it needs a plan with
// compliance analysis (*billing.FeatureError), an owner or admin for the
// organization's rules (accounts.ErrForbidden), and known categories,
// change kinds and severities (validation.Errors).
func (s *Service) UpdateAlertRules(ctx context.Context, a Actor, u RulesUpdate) (*Rules, error) {
	org, err := s.d.Store.Organization(ctx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	if err := billing.Require(billing.Entitlements(org.Plan), billing.FeatureComplianceAnalysis); err != nil {
		return nil, err
	}
	orgWide := present(u.Organization) || present(u.Watches)
	if orgWide && !a.Role.CanManage() {
		return nil, fmt.Errorf("change the organization's alert rules: %w", accounts.ErrForbidden)
	}
	current, err := s.AlertRules(ctx, a)
	if err != nil {
		return nil, err
	}
	errs := validation.Errors{}
	orgRules := mergeRules(errs, "organization", u.Organization, current.Organization, "watches", u.Watches, current.Watches)
	memberRules := mergeRules(errs, "member", u.Member, current.Member, "member_watches", u.MemberWatches, current.MemberWatches)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if orgWide {
		if err := s.d.Store.ReplaceAlertRules(ctx, a.OrganizationID, 0, orgRules); err != nil {
			return nil, ruleStoreError(err)
		}
	}
	if present(u.Member) || present(u.MemberWatches) {
		if err := s.d.Store.ReplaceAlertRules(ctx, a.OrganizationID, a.UserID, memberRules); err != nil {
			return nil, ruleStoreError(err)
		}
	}
	return s.AlertRules(ctx, a)
}

// ruleStoreError turns an override naming a watch the organization does
// not have into a field error.
func ruleStoreError(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return validation.Errors{"watch_id": "Choose one of your organization's watches."}
	}
	return err
}

// present reports whether a JSON field was sent, null included.
func present(raw json.RawMessage) bool { return len(raw) > 0 }

// mergeRules builds one owner's stored rules from the update, keeping the
// current rule or overrides where the update leaves them out.
func mergeRules(errs validation.Errors, allName string, all json.RawMessage, curAll *Rule, watchName string, watches json.RawMessage, curWatches []Rule) []store.AlertRule {
	var rules []Rule
	if present(all) {
		var r *Rule
		if err := decodeStrict(all, &r); err != nil {
			errs.Add(allName, "Send a rule object or null.")
		} else if r != nil {
			r.WatchID = 0
			rules = append(rules, *r)
		}
	} else if curAll != nil {
		rules = append(rules, *curAll)
	}
	if present(watches) {
		var list []Rule
		if err := decodeStrict(watches, &list); err != nil {
			errs.Add(watchName, "Send a list of rules, each with a watch_id.")
		}
		seen := map[int64]bool{}
		for _, r := range list {
			if r.WatchID <= 0 || seen[r.WatchID] {
				errs.Add(watchName, "Each override needs its own watch_id.")
				continue
			}
			seen[r.WatchID] = true
			rules = append(rules, r)
		}
	} else {
		rules = append(rules, curWatches...)
	}
	out := make([]store.AlertRule, 0, len(rules))
	for _, r := range rules {
		if sr, ok := storedRule(errs, r); ok {
			out = append(out, sr)
		}
	}
	return out
}

// decodeStrict decodes JSON refusing unknown fields, so that a misspelt
// field is an error rather than a rule that alerts on everything.
func decodeStrict(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// storedRule checks a rule and converts it to its stored form.
func storedRule(errs validation.Errors, r Rule) (store.AlertRule, bool) {
	ok := true
	for _, c := range r.Categories {
		if _, known := analysis.Lookup(c); !known {
			errs.Add("categories", fmt.Sprintf("Unknown provision category %q.", c))
			ok = false
		}
	}
	for _, k := range r.ChangeKinds {
		if !slices.Contains(ruleKinds, k) {
			errs.Add("change_kinds", fmt.Sprintf("Unknown change kind %q: use added, removed or modified.", k))
			ok = false
		}
	}
	rank := 0
	if r.MinSeverity != "" {
		sev, err := analysis.ParseSeverity(r.MinSeverity)
		if err != nil {
			errs.Add("min_severity", "Choose low, medium or high.")
			ok = false
		}
		rank = sev.Rank()
	}
	return store.AlertRule{
		WatchID: r.WatchID, Categories: dedupe(r.Categories), ChangeKinds: dedupe(r.ChangeKinds),
		MinSeverity: rank, StanceChanges: r.StanceChanges,
	}, ok
}

func dedupe(ids []string) store.RuleList {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// ruleView is the API form of a stored rule.
func ruleView(r store.AlertRule) Rule {
	v := Rule{
		WatchID: r.WatchID, Categories: append([]string{}, r.Categories...), ChangeKinds: append([]string{}, r.ChangeKinds...),
		StanceChanges: r.StanceChanges,
	}
	if r.MinSeverity > 0 {
		v.MinSeverity = severityOfRank(r.MinSeverity).String()
	}
	return v
}

func severityOfRank(rank int) analysis.Severity {
	for _, s := range []analysis.Severity{analysis.SeverityLow, analysis.SeverityMedium, analysis.SeverityHigh} {
		if s.Rank() == rank {
			return s
		}
	}
	return ""
}

// facets reads what alert rules look at from a recorded change.
func facets(c *store.Change) (store.ChangeFacets, error) {
	f := store.ChangeFacets{Severity: analysis.Severity(c.Severity).Rank()}
	var provisions []analysis.Provision
	if len(c.Provisions) > 0 {
		if err := json.Unmarshal(c.Provisions, &provisions); err != nil {
			return f, fmt.Errorf("read provisions of change %d: %w", c.ID, err)
		}
	}
	for _, p := range provisions {
		f.Provisions = append(f.Provisions, store.ProvisionFacet{Category: p.Category, Kind: p.Change, Severity: p.Severity.Rank()})
	}
	return f, nil
}

// SaveAlertRule sets one rule, the organization's (forOrganization) or the
// member's own, for every watch (r.WatchID 0) or one watch, keeping the
// others. It has UpdateAlertRules' checks.
func (s *Service) SaveAlertRule(ctx context.Context, a Actor, forOrganization bool, r Rule) (*Rules, error) {
	return s.editAlertRules(ctx, a, forOrganization, func(rules []Rule) []Rule {
		rules = slices.DeleteFunc(rules, func(x Rule) bool { return x.WatchID == r.WatchID })
		return append(rules, r)
	})
}

// DeleteAlertRule removes one rule, for every watch (watchID 0) or one.
func (s *Service) DeleteAlertRule(ctx context.Context, a Actor, forOrganization bool, watchID int64) (*Rules, error) {
	return s.editAlertRules(ctx, a, forOrganization, func(rules []Rule) []Rule {
		return slices.DeleteFunc(rules, func(x Rule) bool { return x.WatchID == watchID })
	})
}

// editAlertRules rewrites one owner's rules through UpdateAlertRules, so
// that the web form and the API share every check.
func (s *Service) editAlertRules(ctx context.Context, a Actor, forOrganization bool, edit func([]Rule) []Rule) (*Rules, error) {
	current, err := s.AlertRules(ctx, a)
	if err != nil {
		return nil, err
	}
	all, watches := current.Member, current.MemberWatches
	if forOrganization {
		all, watches = current.Organization, current.Watches
	}
	var rules []Rule
	if all != nil {
		rules = append(rules, *all)
	}
	rules = edit(append(rules, watches...))
	var newAll *Rule
	newWatches := []Rule{}
	for _, r := range rules {
		if r.WatchID == 0 {
			newAll = &r
		} else {
			newWatches = append(newWatches, r)
		}
	}
	allJSON, err := json.Marshal(newAll)
	if err != nil {
		return nil, err
	}
	watchesJSON, err := json.Marshal(newWatches)
	if err != nil {
		return nil, err
	}
	u := RulesUpdate{Member: allJSON, MemberWatches: watchesJSON}
	if forOrganization {
		u = RulesUpdate{Organization: allJSON, Watches: watchesJSON}
	}
	return s.UpdateAlertRules(ctx, a, u)
}

// RuleChoice is a category or change kind a rule may name, in words.
type RuleChoice struct {
	ID, Label string
}

// RuleChoices lists what the rule form offers: every provision category
// and change kind.
func RuleChoices() (categories, kinds []RuleChoice) {
	for _, c := range analysis.Categories() {
		categories = append(categories, RuleChoice{c.ID, c.Title})
	}
	for _, k := range ruleKinds {
		kinds = append(kinds, RuleChoice{k, strings.ToUpper(k[:1]) + k[1:]})
	}
	return categories, kinds
}
