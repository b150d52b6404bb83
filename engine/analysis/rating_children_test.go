package analysis

import "testing"

// TestRateChildrenCommitment checks that a service newly saying it is not
// aimed at children and does not knowingly collect their data commits not
// to do it (low), that the age of such a commitment changing is still a
// changed minimum age (medium), and that a new minimum age stays medium;
// a commitment not to do something grave to minors that covers older ones
// narrows the practice (low), one that covers fewer does not.
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
		{"a commitment not to target minors extended to older ones",
			[]string{kept, "For users under the age of 16, we do not share personal data with advertising partners."},
			[]string{kept, "For users under the age of 18, we do not share personal data with advertising partners."}, SeverityLow},
		{"a commitment not to sell minors' data extended, the age after it",
			[]string{kept, "We never sell personal data of users we know to be under 16."},
			[]string{kept, "We never sell personal data of users we know to be under 18."}, SeverityLow},
		{"the same commitment brought down to younger minors",
			[]string{kept, "For users under the age of 18, we do not share personal data with advertising partners."},
			[]string{kept, "For users under the age of 16, we do not share personal data with advertising partners."}, SeverityHigh},
		{"a raised age barring minors is a changed minimum age",
			[]string{kept, "Users under the age of 13 must have a parent's account, and we do not let them register alone."},
			[]string{kept, "Users under the age of 16 must have a parent's account, and we do not let them register alone."}, SeverityMedium},
		{"an age raised beside other new words",
			[]string{kept, "For users under the age of 16, we do not share personal data with advertising partners."},
			[]string{kept, "For users under the age of 18, we do not share personal data with advertising partners unless a parent agrees."}, SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old...), doc(tt.new...), "children_data", tt.want)
		})
	}
}

// TestRateChildrenProfiling checks that children's data used for
// profiling is grave (high) while a profile, the page a user fills in,
// named beside minors is not.
func TestRateChildrenProfiling(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"minors' data used for profiling",
			"We may use the data of users under 18 for profiling.", SeverityHigh},
		{"minors' profiles reported",
			"Please report any profile that you believe belongs to a user under 18.", SeverityMedium},
		{"minors' profile information kept private",
			"Users under 16 cannot share profile information with people they do not follow.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "children_data", tt.want)
		})
	}
}
