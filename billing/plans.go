// Package billing holds the plans and what each allows (the single source of
// truth for the website, the API and the workers), and the Stripe
// subscription handling that moves organizations between plans.
package billing

import (
	"fmt"
	"strings"
)

// Plan ids as stored on an organization.
const (
	PlanFree       = "free"
	PlanMonitor    = "monitor"
	PlanCompliance = "compliance"
)

// Plan is what one tier allows. Nothing else in the code compares plan
// names: ask Entitlements.
type Plan struct {
	ID                 string `json:"id"`
	Name               string `json:"name"`
	PriceMonthlyUSD    int    `json:"price_monthly_usd"`
	Platforms          int    `json:"platforms"`
	CustomURLs         int    `json:"custom_urls"`
	Members            int    `json:"members"`
	SameDayAlerts      bool   `json:"same_day_alerts"`
	Webhooks           bool   `json:"webhooks"`
	ComplianceAnalysis bool   `json:"compliance_analysis"`
	AuditExport        bool   `json:"audit_export"`
	APIRequestsPerMin  int    `json:"api_requests_per_minute"`
	Tagline            string `json:"tagline"`
}

// Plans lists the tiers in ascending order.
func Plans() []Plan {
	return []Plan{
		{ID: PlanFree, Name: "Free", PriceMonthlyUSD: 0, Platforms: 1, CustomURLs: 0, Members: 1,
			APIRequestsPerMin: 60, Tagline: "Watch one platform, with a weekly digest of its changes."},
		{ID: PlanMonitor, Name: "Monitor", PriceMonthlyUSD: 49, Platforms: 25, CustomURLs: 5, Members: 5,
			SameDayAlerts: true, Webhooks: true, APIRequestsPerMin: 600,
			Tagline: "Same-day alerts on the platforms your team depends on."},
		{ID: PlanCompliance, Name: "Compliance", PriceMonthlyUSD: 199, Platforms: 100, CustomURLs: 50, Members: 25,
			SameDayAlerts: true, Webhooks: true, ComplianceAnalysis: true, AuditExport: true, APIRequestsPerMin: 600,
			Tagline: "Provision-level analysis, regulatory mapping and audit-ready reports."},
	}
}

// PlanByID returns the plan with that id.
func PlanByID(id string) (Plan, bool) {
	for _, p := range Plans() {
		if p.ID == strings.ToLower(strings.TrimSpace(id)) {
			return p, true
		}
	}
	return Plan{}, false
}

// Entitlements is what an organization on a plan may do. An unknown plan id
// (a corrupted row) gets the Free plan's entitlements, never more.
func Entitlements(planID string) Plan {
	if p, ok := PlanByID(planID); ok {
		return p
	}
	free, _ := PlanByID(PlanFree)
	return free
}

// NextPlan is the cheapest plan above p, for upgrade prompts; ok is false
// on the top plan.
func NextPlan(p Plan) (Plan, bool) {
	plans := Plans()
	for i, q := range plans {
		if q.ID == p.ID && i+1 < len(plans) {
			return plans[i+1], true
		}
	}
	return Plan{}, false
}

// Limit names one counted allowance of a plan.
type Limit int

// The counted allowances.
const (
	LimitPlatforms Limit = iota
	LimitCustomURLs
	LimitMembers
)

// Of returns the plan's number for the limit.
func (l Limit) Of(p Plan) int {
	switch l {
	case LimitPlatforms:
		return p.Platforms
	case LimitCustomURLs:
		return p.CustomURLs
	default:
		return p.Members
	}
}

// limitWords are the sentence parts for each limit: the verb for the plan,
// the verb after "to", the noun in singular and plural.
var limitWords = map[Limit][4]string{
	LimitPlatforms:  {"watches", "watch", "platform", "platforms"},
	LimitCustomURLs: {"watches", "watch", "custom URL", "custom URLs"},
	LimitMembers:    {"has", "have", "member", "members"},
}

// LimitMessage explains a limit in one sentence, with the upgrade that
// lifts it: "The Free plan watches 1 platform; upgrade to Monitor to watch
// up to 25."
func LimitMessage(p Plan, l Limit) string {
	w := limitWords[l]
	n := l.Of(p)
	noun := w[3]
	if n == 1 {
		noun = w[2]
	}
	msg := fmt.Sprintf("The %s plan %s %d %s", p.Name, w[0], n, noun)
	for next, ok := NextPlan(p); ok; next, ok = NextPlan(next) {
		if l.Of(next) > n {
			return fmt.Sprintf("%s; upgrade to %s to %s up to %d.", msg, next.Name, w[1], l.Of(next))
		}
	}
	return msg + "."
}
