package billing

import "fmt"

// LimitError says that an action would go over a plan's limit.
type LimitError struct {
	Plan  Plan
	Limit Limit
}

func (e *LimitError) Error() string { return LimitMessage(e.Plan, e.Limit) }

// Max is the plan's number for the exceeded limit.
func (e *LimitError) Max() int { return e.Limit.Of(e.Plan) }

// FeatureError says that a feature is not part of the organization's plan.
type FeatureError struct {
	Plan    Plan
	Feature string // in words: "same-day alerts", "compliance analysis"
}

func (e *FeatureError) Error() string {
	need := "a paid plan"
	for next, ok := NextPlan(e.Plan); ok; next, ok = NextPlan(next) {
		if hasFeature(next, e.Feature) {
			need = "the " + next.Name + " plan"
			break
		}
	}
	return fmt.Sprintf("%s is not part of the %s plan; upgrade to %s.", capitalize(e.Feature), e.Plan.Name, need)
}

// Features in words, as used by FeatureError.
const (
	FeatureSameDayAlerts      = "same-day alerts"
	FeatureWebhooks           = "webhook alerts"
	FeatureComplianceAnalysis = "compliance analysis"
	FeatureAuditExport        = "audit export"
)

func hasFeature(p Plan, feature string) bool {
	switch feature {
	case FeatureSameDayAlerts:
		return p.SameDayAlerts
	case FeatureWebhooks:
		return p.Webhooks
	case FeatureComplianceAnalysis:
		return p.ComplianceAnalysis
	case FeatureAuditExport:
		return p.AuditExport
	}
	return false
}

// Require returns a *FeatureError when the plan lacks the feature.
func Require(p Plan, feature string) error {
	if hasFeature(p, feature) {
		return nil
	}
	return &FeatureError{Plan: p, Feature: feature}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
