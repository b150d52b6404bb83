package analysis

import "testing"

// TestRateSharingForAds checks that personal data another company receives
// to improve or target its ads is shared for advertising (high), while
// aggregated figures and sharing for another purpose are not.
func TestRateSharingForAds(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"the parent company receiving data to improve its ads",
			"When you message a shop, our parent company may receive limited information about you to reduce spam and improve its ads.", SeverityHigh},
		{"partners receiving data to show you ads",
			"We share your personal information with third parties so that they can show you ads on other sites.", SeverityHigh},
		{"aggregated reports to improve ads",
			"We share aggregated information with third parties to help them improve their ads.", SeverityMedium},
		{"sharing to deliver orders",
			"We share your personal information with third parties that deliver your orders.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "data_sharing", tt.want)
		})
	}
}

// TestRateProductLimit checks that the platform holding back ads its own
// product shows is a limit on its product (low), while a rule others must
// follow stays a new prohibition.
func TestRateProductLimit(t *testing.T) {
	before := doc("We show ads that match the topic of the page you read.")
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"ads held back by the platform",
			"Ad campaigns that target people by sensitive interest categories may be restricted from serving.", SeverityLow},
		{"a rule advertisers must follow",
			"Advertisers must not use sensitive interest categories to personalize ads.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, before, doc("We show ads that match the topic of the page you read.", tt.sentence), "ad_personalization", tt.want)
		})
	}
}

// TestRateAdvertisingAudiences checks that a new statement of advertising
// audiences built from users' data (custom audiences, audiences of
// visitors) is high, in English and French, while ads chosen on the
// platform from its own data stay medium.
func TestRateAdvertisingAudiences(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"custom audiences",
			"Purpose: to measure our ad campaigns and to build custom audiences for future ads.",
			SeverityHigh},
		{"targeted audiences, in French",
			"Finalité : mesurer nos campagnes publicitaires et créer des publics ciblés pour nos prochaines publicités.",
			SeverityHigh},
		{"ads chosen from activity on the platform",
			"We personalise the ads you see in the app based on the videos you watch.",
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "ad_personalization", tt.want)
		})
	}
}
