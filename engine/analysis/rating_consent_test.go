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

// TestRateConsentByAction checks that consent assumed from an action the
// user takes for another purpose (giving a phone number or an email
// address) is rated as consent deemed given (medium), while consent asked
// for is low.
func TestRateConsentByAction(t *testing.T) {
	kept := "We may update these terms from time to time."
	checkAdded(t, kept, "consent", []addedStatement{
		{"a phone number given", "By providing your phone number, you consent to receive promotional text messages from us.", SeverityMedium},
		{"an email address entered", "By entering your email address you agree to receive our newsletter and special offers.", SeverityMedium},
		{"French: a phone number given", "En communiquant votre numéro de téléphone, vous consentez à recevoir nos offres par SMS.", SeverityMedium},
		{"German: an email address given", "Mit der Angabe Ihrer E-Mail-Adresse erteilen Sie Ihre Einwilligung zum Erhalt unseres Newsletters.", SeverityMedium},
		{"consent asked for", "We ask for your consent before we send promotional text messages to the phone number you give us.", SeverityLow},
	})
}
