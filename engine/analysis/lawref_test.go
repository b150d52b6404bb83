package analysis

import "testing"

// TestRateLawReference checks that naming the law a practice follows, or
// the title of a law, adds no practice, while a practice changed beside a
// reference to a law, or only said to be done lawfully, is rated as such.
func TestRateLawReference(t *testing.T) {
	tests := []struct {
		name, category string
		old, new       string
		want           Severity
	}{
		{
			name:     "a disclosure done where a named law requires it",
			category: "data_sharing",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "We share your personal data with third parties where required under the Sarbanes-Oxley Act."),
			want:     SeverityLow,
		},
		{
			name:     "the title of a regulation",
			category: "law_enforcement",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "Part 202 on Access to Sensitive Personal Data and Government-Related Data by Countries of Concern."),
			want:     SeverityLow,
		},
		{
			name:     "a practice on data whose kind a law defines",
			category: "data_sale",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "We may sell personal information, as defined in the CCPA, to our partners."),
			want:     SeverityHigh,
		},
		{
			name:     "a reference to a law dropped from the same practice",
			category: "children_data",
			old:      doc("If we learn that a child under 13 has given us personal data, we will comply with the Children's Online Privacy Protection Act to delete it."),
			new:      doc("If we learn that a child under 13 has given us personal data, we will delete it."),
			want:     SeverityLow,
		},
		{
			name:     "a reference to a law added to the same practice",
			category: "children_data",
			old:      doc("If we learn that a child under 13 has given us personal data, we will delete it."),
			new:      doc("If we learn that a child under 13 has given us personal data, we will delete it as required by COPPA."),
			want:     SeverityLow,
		},
		{
			name:     "a practice changed beside a reference to a law",
			category: "children_data",
			old:      doc("If we learn that a child under 13 has given us personal data, we will comply with COPPA and delete it."),
			new:      doc("If we learn that a child under 13 has given us personal data, we will comply with COPPA and ask a parent to confirm it."),
			want:     SeverityMedium,
		},
		{
			name:     "a rule that excepts what the law requires",
			category: "data_sharing",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "Apps share the data with third parties for any purpose, except as required by law."),
			want:     SeverityMedium,
		},
		{
			name:     "a new disclosure said to follow a law",
			category: "data_sharing",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "We share your personal data with marketing partners in accordance with the GDPR."),
			want:     SeverityMedium,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSeverity(t, tt.old, tt.new, tt.category, tt.want) })
	}
}
