package analysis

import (
	"slices"
	"testing"
)

// TestRateNegatedEscalation checks that a grave thing a statement rules
// out ("does not sell", "but never with advertisers") does not raise it,
// while the same thing said still does, and that a commitment not to do
// it to minors that covers fewer of them is still grave.
func TestRateNegatedEscalation(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, category string
		old, new       []string
		want           Severity
	}{
		{"children's data not sold, a new statement", "children_data",
			[]string{kept},
			[]string{kept, "Acme does not sell the personal information of children under 13 to anyone."}, SeverityMedium},
		{"children's data sold, a new statement", "children_data",
			[]string{kept},
			[]string{kept, "Acme may sell the personal information of children under 13 to its partners."}, SeverityHigh},
		{"a commitment not to sell children's data reworded", "children_data",
			[]string{kept, "Acme does not sell information from children to third parties and does not use it for targeted advertising."},
			[]string{kept, "Acme does not sell information from users of Kids Mode, for those under 13, to third parties and does not use it for targeted advertising."}, SeverityMedium},
		{"sharing with advertisers ruled out beside sharing with vendors", "data_sharing",
			[]string{kept},
			[]string{kept, "We share your contact details with the vendors who deliver your parcels, but never with advertisers."}, SeverityMedium},
		{"sharing with advertisers beside vendors", "data_sharing",
			[]string{kept},
			[]string{kept, "We share your contact details with the vendors who deliver your parcels and with advertisers."}, SeverityHigh},
		{"a condition with a negation before the grave thing said", "data_sharing",
			[]string{kept},
			[]string{kept, "If you have not turned ads off, we may disclose data about your purchases to advertisers."}, SeverityHigh},
		{"a commitment not to profile minors now with an exception", "children_data",
			[]string{kept, "For users under the age of 16, we do not use personal data for profiling."},
			[]string{kept, "For users under the age of 16, we do not use personal data for profiling unless a parent agrees."}, SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old...), doc(tt.new...), tt.category, tt.want)
		})
	}
}

// TestAffirms checks which phrases a sentence says and which it rules
// out.
func TestAffirms(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"We do not sell your data.", "sell*", false},
		{"We never share your data with advertisers.", "advertis*", false},
		{"We share data with vendors but not with advertisers.", "advertis*", false},
		{"We share data with vendors and with advertisers.", "advertis*", true},
		{"If you do not opt out, we share your data with advertisers.", "advertis*", true},
		{"Nothing here limits how we sell your data.", "sell*", false},
		{"We may anonymise your data (so that it can no longer identify you) for research, in which case we keep it indefinitely.", "indefinite*", true},
	}
	for _, tt := range tests {
		ps, err := parsePhrases([]string{tt.phrase})
		if err != nil {
			t.Fatal(err)
		}
		if got := affirms(ps, tokenize(tt.text)); got != tt.want {
			t.Errorf("affirms(%q, %q) = %v, want %v", tt.phrase, tt.text, got, tt.want)
		}
	}
	// A sentence known only by its words (a list item read with its
	// lead-in) says every phrase in it.
	ps, _ := parsePhrases([]string{"sell*"})
	if !affirms(ps, sentence{words: slices.Clone(tokenize("We do not sell your data.").words)}) {
		t.Error("affirms on words alone ruled a phrase out")
	}
}
