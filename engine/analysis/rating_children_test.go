package analysis

import "testing"

// TestRateChildrenCommitment checks that a service newly saying it is not
// aimed at children and does not knowingly collect their data commits not
// to do it (low), that the age of such a commitment changing is still a
// changed minimum age (medium), and that a new minimum age stays medium.
func TestRateChildrenCommitment(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name     string
		old, new []string
		want     Severity
	}{
		{"not aimed at children, no knowing collection",
			[]string{kept}, []string{kept, "Our service is not directed at persons under 16 and we do not knowingly collect their personal data."}, SeverityLow},
		{"not intended for children",
			[]string{kept}, []string{kept, "The app is not intended for children under 13."}, SeverityLow},
		{"the age of the commitment raised",
			[]string{kept, "Our service is not directed at children under 13 and we do not knowingly collect their data."},
			[]string{kept, "Our service is not directed at anyone under 16 and we do not knowingly collect their data."}, SeverityMedium},
		{"a minimum age set",
			[]string{kept}, []string{kept, "You must be at least 16 years old to use the service."}, SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old...), doc(tt.new...), "children_data", tt.want)
		})
	}
}
