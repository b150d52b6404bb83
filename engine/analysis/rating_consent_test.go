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
