package analysis

import "testing"

// TestRateSharingModified checks that a data-sharing statement rewritten to
// name new recipients or new grounds is a widened practice (medium), as a
// new statement of sharing is, while the same recipients reworded, a
// statement that only went beside others that stay, and a limit added to
// the sharing stay low.
func TestRateSharingModified(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name     string
		old, new []string
		want     Severity
	}{
		{"new grounds for sharing a child's data",
			[]string{"We share the data of users under 13 with our service providers to run the service."},
			[]string{"We share the data of users under 13 with our service providers to run the service, with a buyer of our business, and with partners to protect their rights."},
			SeverityMedium},
		{"a developer forbidden to share data with brokers",
			[]string{"You may not share device data received through the Kiosk Framework with anyone."},
			[]string{"You may not share device data received through the Kiosk Framework for advertising, or share device data with a data broker."},
			SeverityMedium},
		{"new recipients named beside the old ones",
			[]string{"We may share your contact details with third parties who need them for customer service."},
			[]string{"We may share your contact details with third parties who need them for customer service, questions from regulators, banking partners or payment processors."},
			SeverityMedium},
		{"the same recipients, an example added",
			[]string{"We may disclose your account details to third parties when you ask us to."},
			[]string{"We may disclose your account details to third parties when you ask us to, for example to connect a fitness tracker."},
			SeverityLow},
		{"a statement that went beside one that stays",
			[]string{"We share your order details with our delivery partners.", "We share your email address with our service providers to send you receipts."},
			[]string{"We share your order details with our delivery partners."},
			SeverityLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(append([]string{kept}, tt.old...)...), doc(append([]string{kept}, tt.new...)...), "data_sharing", tt.want)
		})
	}
}

// TestRatePseudonymisedSharing checks that pseudonymised data sent to
// advertisers is personal data sent to them (high), in English and French,
// while anonymised or aggregated data is not (medium).
func TestRatePseudonymisedSharing(t *testing.T) {
	kept := "We may update this policy from time to time."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"a pseudonymised e-mail address to advertisers",
			"We share a pseudonymised version of your email address with our advertising partners.",
			SeverityHigh},
		{"the same in French",
			"Nous transmettons votre adresse e-mail pseudonymisée à nos partenaires publicitaires.",
			SeverityHigh},
		{"anonymised information to advertisers",
			"We share information about your purchases with our advertising partners in anonymised form.",
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "data_sharing", tt.want)
		})
	}
}
