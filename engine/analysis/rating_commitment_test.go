package analysis

import "testing"

// TestRateCommitmentFigure: a commitment not to do a practice that only
// names another age is a modification of that practice, low where the age
// that spares minors went up, medium where it went down.
func TestRateCommitmentFigure(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, category, was, now string
		want                     Severity
	}{
		{"minors spared up to an older age", "data_sharing",
			"For users under the age of 16, we do not disclose personal data to advertising partners.",
			"For users under the age of 18, we do not disclose personal data to advertising partners.", SeverityLow},
		{"minors spared up to a younger age", "data_sharing",
			"For users under the age of 18, we do not disclose personal data to advertising partners.",
			"For users under the age of 16, we do not disclose personal data to advertising partners.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.was), doc(kept, tt.now), tt.category, tt.want)
		})
	}
}
