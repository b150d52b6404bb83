package analysis

import "testing"

// TestRateChoiceOnly checks that new statements naming a practice already
// stated only as what users may refuse give a choice (low), while a
// statement that states the practice beside the choice, or a choice that
// is the first the document says of the practice, is rated as the
// practice.
func TestRateChoiceOnly(t *testing.T) {
	kept := "We may update these terms from time to time."
	faces := "We use face recognition to suggest tags on photos you upload."
	tests := []struct {
		name     string
		old, new []string
		want     Severity
	}{
		{"an opt-out of a practice already stated",
			[]string{kept, faces},
			[]string{kept, faces, "You can opt out of face recognition at any time."}, SeverityLow},
		{"a right to object to a practice already stated",
			[]string{kept, faces},
			[]string{kept, faces, "You have the right to object to face recognition on your photos."}, SeverityLow},
		{"the practice stated again, then the choice",
			[]string{kept, faces},
			[]string{kept, faces, "We also use face recognition to verify your identity, and you can opt out of it."}, SeverityHigh},
		{"a choice that first says the practice is done",
			[]string{kept},
			[]string{kept, "You can opt out of face recognition at any time."}, SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old...), doc(tt.new...), "biometric_data", tt.want)
		})
	}
}
