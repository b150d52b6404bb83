package analysis

import "testing"

// TestRateListWidened checks that a statement rewritten only to add an
// item to one of its lists (a recipient, a purpose, a consequence, a
// mechanism) is a widened practice, medium, in English and French, while
// an item that limits the practice, an example added at the end, and a
// longer list in a commitment not to do it stay low.
func TestRateListWidened(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name, category string
		old, new       string
		want           Severity
	}{
		{"a purpose added to the work of processors", "data_sharing",
			"We may disclose your personal data to service providers who process it on our behalf for payments, deliveries and fraud checks.",
			"We may disclose your personal data to service providers who process it on our behalf for payments, gift card schemes, deliveries and fraud checks.",
			SeverityMedium},
		{"a purpose added, in French", "data_sharing",
			"Vos données peuvent être communiquées à nos sous-traitants pour la livraison, la facturation et le service client.",
			"Vos données peuvent être communiquées à nos sous-traitants pour la livraison, le programme de parrainage, la facturation et le service client.",
			SeverityMedium},
		{"suspension added beside closure, in French", "account_termination",
			"En cas d'abus du programme de parrainage, nous pouvons clôturer votre compte.",
			"En cas d'abus du programme de parrainage, nous pouvons suspendre et/ou clôturer votre compte.",
			SeverityMedium},
		{"a transfer mechanism added", "data_transfer",
			"We transfer personal data outside the European Union under an adequacy decision recognised by the Commission.",
			"We transfer personal data outside the European Union under an adequacy decision or an approved contract recognised by the Commission.",
			SeverityMedium},
		{"an item that limits the sharing", "data_sharing",
			"We share your personal information with partners for their own marketing, with the hotel and with our payment provider.",
			"We share your personal information with partners for their own marketing, only where you agree, with the hotel and with our payment provider.",
			SeverityLow},
		{"an example of the listed means, in French", "data_sharing",
			"Nous autorisons des partenaires publicitaires à recueillir des données sur vos visites à l'aide de technologies de suivi, ou de données que nous leur transmettons.",
			"Nous autorisons des partenaires publicitaires à recueillir des données sur vos visites à l'aide de technologies de suivi, comme des identifiants d'appareil, ou de données que nous leur transmettons.",
			SeverityLow},
		{"the same items joined otherwise", "data_sharing",
			"We share your personal information with Acme Pay, Acme Travel and our other affiliates to run your bookings.",
			"We share your personal information with Acme Pay or Acme Travel, and our other affiliates to run your bookings.",
			SeverityLow},
		{"an example added at the end", "data_sharing",
			"We may disclose your account details to third parties when you ask us to.",
			"We may disclose your account details to third parties when you ask us to, for example to connect a fitness tracker.",
			SeverityLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.old), doc(kept, tt.new), tt.category, tt.want)
		})
	}
}

// TestRateGraveWidened checks that a statement of a grave practice that
// restates an old one with one more item (a kind of data sent to
// advertisers, a source of training data) newly says the grave thing of
// it (high), in English and French, while an item put beside the grave
// words in the same list, another purpose, does not.
func TestRateGraveWidened(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name, category string
		old, new       string
		want           Severity
	}{
		{"an e-mail address added to what advertisers get", "data_sharing",
			"We may share your browser data and the pages you visit with our advertising partners.",
			"We may share your email address, your browser data and the pages you visit with our advertising partners.",
			SeverityHigh},
		{"the same in French", "data_sharing",
			"Nous pouvons partager certaines informations (comme les données de votre navigateur) avec nos partenaires publicitaires.",
			"Nous pouvons partager certaines informations (comme votre numéro de téléphone, les données de votre navigateur) avec nos partenaires publicitaires.",
			SeverityHigh},
		{"a purpose beside advertising", "data_sharing",
			"We may disclose your personal data to service providers who process it on our behalf for payments, advertising, deliveries and security.",
			"We may disclose your personal data to service providers who process it on our behalf for payments, advertising, gift cards, deliveries and security.",
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.old), doc(kept, tt.new), tt.category, tt.want)
		})
	}
}
