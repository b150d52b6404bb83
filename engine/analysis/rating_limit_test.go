package analysis

import "testing"

// TestRateLimitAdded checks that a statement rewritten only to put a
// condition or a limit on the practice narrows it (low), in English and
// French, while words inserted that widen it ("without notice") or that
// name no limit keep the category's rating.
func TestRateLimitAdded(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name, category string
		old, new       string
		want           Severity
	}{
		{"a condition on personalised ads", "ad_personalization",
			"We use information from our partners to personalise the ads we show you in the app.",
			"We use information from our partners to personalise the ads we show you in the app, if you have not chosen the plan without ads.",
			SeverityLow},
		{"a limit on precise location, in French", "location_data",
			"Nous collectons la localisation précise de votre appareil pour vous proposer des trajets.",
			"Nous collectons la localisation précise de votre appareil uniquement pendant vos trajets pour vous proposer des trajets.",
			SeverityLow},
		{"termination without notice", "account_termination",
			"We may close your account if you break these terms.",
			"We may close your account without notice if you break these terms.",
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.old), doc(kept, tt.new), tt.category, tt.want)
		})
	}
}
