package analysis

import "testing"

// TestRateReaderDuty checks that a duty or limit binding the reader of
// developer or business terms is rated medium at most, however grave the
// practice it concerns, while the same practice done to users keeps its
// escalation.
func TestRateReaderDuty(t *testing.T) {
	before := doc("We may update these terms from time to time.")
	tests := []struct {
		name, category, sentence string
		want                     Severity
	}{
		{"a caching limit on the customer", "location_data",
			"Customer may temporarily cache the latitude and longitude of end users for up to 30 days, after which Customer must delete them.", SeverityMedium},
		{"a duty on apps asking for background location", "location_data",
			"Apps that request background location of their users must show a prominent disclosure first.", SeverityMedium},
		{"a duty on the developer's app", "location_data",
			"Your app must request precise location of the user only when a feature needs it.", SeverityMedium},
		{"developers required to disclose AI training", "ai_training",
			"Developers are required to tell users when their content is used to train AI models.", SeverityMedium},
		{"customers allowed to keep coordinates indefinitely", "location_data",
			"Customer may indefinitely cache the latitude and longitude of end users only to show them their saved places.", SeverityMedium},
		{"a permissions requirement for precise location", "location_data",
			"Precise location of users now falls under our sensitive permissions requirements.", SeverityMedium},
		{"a developer policy's rule in the imperative", "children_data",
			"Check the age signals of users under 13 before any purchase, and don't use this data for profiling or advertising.", SeverityMedium},
		{"the platform collecting precise location", "location_data",
			"We collect the precise location of your device when you use the app.", SeverityHigh},
		{"a user made to share precise location", "location_data",
			"To use the app you must allow us to collect the precise location of your device.", SeverityHigh},
		{"a shop's customers sharing GPS data", "location_data",
			"Customers must share the GPS location of their device with the courier at delivery.", SeverityHigh},
		{"user content used for training", "ai_training",
			"We use your content to train our AI models.", SeverityHigh},
		{"children's data used for advertising", "children_data",
			"We use the data of children under 13 for advertising.", SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, before, doc("We may update these terms from time to time.", tt.sentence), tt.category, tt.want)
		})
	}
}

// TestRateReaderDutyRemoved checks that a duty or limit on the reader of
// developer or business terms that goes binds the reader by less, while a
// practice of the platform that goes keeps its category's rating.
func TestRateReaderDutyRemoved(t *testing.T) {
	kept := "We may update these terms from time to time."
	tests := []struct {
		name, category, sentence string
		want                     Severity
	}{
		{"a limit on developers' use of age data", "children_data",
			"Developers may only use the age of users under 18 to show content suited to their age.", SeverityLow},
		{"a customer's duty about child-directed apps", "children_data",
			"Customer will not use the service in an app directed to children under 13.", SeverityLow},
		{"the platform's own practice on children's data", "children_data",
			"We collect the age of users under 18 to show content suited to their age.", SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept, tt.sentence), doc(kept), tt.category, tt.want)
		})
		t.Run(tt.name+", beside a statement that stays", func(t *testing.T) {
			stays := "Parents can ask us to delete the data of their children under 13."
			checkSeverity(t, doc(kept, stays, tt.sentence), doc(kept, stays), tt.category, tt.want)
		})
	}
}

// TestRateReaderDutyRaised checks that a new duty or limit binding the
// reader of developer or business terms is medium even in a category
// whose own rating of the change is low, while a limit the platform puts
// on its vendors, which narrows its practice, and a duty to obey the law
// stay low.
func TestRateReaderDutyRaised(t *testing.T) {
	kept := "We may update these terms from time to time."
	sharing := "We share the data of users with the payment providers that process their orders."
	tests := []struct {
		name, category string
		old, new       []string
		want           Severity
	}{
		{"developers to obtain consent", "consent",
			[]string{kept}, []string{kept, "Developers must obtain the consent of users before the app reads their contacts."}, SeverityMedium},
		{"developers forbidden to share with data brokers", "data_sharing",
			[]string{kept, sharing}, []string{kept, sharing, "Developers may not share user data with data brokers."}, SeverityMedium},
		{"a customer's duty of sharing reworded into a stricter one", "data_sharing",
			[]string{kept, sharing, "Customers may share the data they receive from us with their processors."},
			[]string{kept, sharing, "Customers must delete the data they receive from us when the contract ends and may only share it with their processors."}, SeverityMedium},
		{"our vendors forbidden to use the data for themselves", "data_sharing",
			[]string{kept, sharing}, []string{kept, sharing, "Vendors may not use the data we share with them for their own purposes."}, SeverityLow},
		{"developers to obey the law when sharing data", "consent",
			[]string{kept}, []string{kept, "Developers must comply with applicable laws on consent when they process user data."}, SeverityLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old...), doc(tt.new...), tt.category, tt.want)
		})
	}
}
