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
