package analysis

import "testing"

// TestRateConsentWithdrawal checks that the right to withdraw consent
// going while the consent it covers stays is a safeguard removed (high),
// while the right reworded is not.
func TestRateConsentWithdrawal(t *testing.T) {
	kept := "We may update these terms from time to time."
	given := "By starting a subscription you consent to automatic card payments for each renewal."
	withdraw := " You may withdraw your consent to automatic card payments at any time, and you still owe the current period."
	t.Run("the withdrawal went, the payments stay", func(t *testing.T) {
		checkSeverity(t, doc(kept, given+withdraw), doc(kept, given+" Note that you still owe the current period."), "consent", SeverityHigh)
	})
	t.Run("the withdrawal reworded", func(t *testing.T) {
		revoke := " You can revoke your consent to automatic card payments whenever you like, and you still owe the current period."
		checkSeverity(t, doc(kept, given+withdraw), doc(kept, given+revoke), "consent", SeverityLow)
	})
}

// TestRateConsentRequirement checks that a consent requirement is read
// where "only" binds the consent ("only with your consent"), so that one
// going raises the change, and not where "only" closes a parenthesis
// before the word ("Legal basis (some countries only): consent"), whose
// rewording removes no safeguard.
func TestRateConsentRequirement(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, old, new string
		want           Severity
	}{
		{"the requirement went, the processing stays",
			"We send you offers by text message only with your consent. You can give your consent in the app.",
			"We send you offers by text message. You can give your consent in the app.",
			SeverityHigh},
		{"a legal basis labelled for some countries only, reworded",
			"Offers by text message. Legal basis (some countries only): consent.",
			"Offers by text message. Legal basis: your consent, in some countries.",
			SeverityLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.old), doc(kept, tt.new), "consent", tt.want)
		})
	}
}
