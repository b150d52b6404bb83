package analysis

import "testing"

// TestRewordedOnlyIsNoChange: a statement of a category that gains or
// loses only words of style (an adverb, a generic verb, the way to a
// setting, the name of the company's offering) changes no provision; one
// that gains or loses a recipient, a kind of data, a purpose, a condition,
// a negation, a number or a word of the category's rules does. An example
// given of what a statement names ("such as …", "(e.g. …)") illustrates
// it: its words are style but for the category's actions, negations,
// safeguards and escalations, and the names a transfer is about.
func TestRewordedOnlyIsNoChange(t *testing.T) {
	tests := []besideFee{
		// Style: no change.
		{"an adverb", "You can opt out of interest-based ads in your account at any time.",
			"You can easily opt out of interest-based ads in your account at any time.", "opt_out", false},
		{"a generic verb", "We use your precise location to work out which members are near you and show them to you.",
			"We use your precise location to figure out which members are near you and show them to you.", "location_data", false},
		{"a click path", `Click "Privacy" then "Ad Choices" to opt out of interest-based ads from our partners on this device and in every browser you use.`,
			`Go to the profile settings in Acme to opt out of interest-based ads from our partners on this device and in every browser you use.`, "opt_out", false},
		{"the name of the offering", "If you unsubscribe from our marketing emails, our applications will still send you account notices and you can opt out of them too.",
			"If you unsubscribe from our marketing emails, the Acme Services will still send you account notices and you can opt out of them too.", "opt_out", false},
		{"a generic verb beside a renamed offering", "The Acme App lets you share your precise location with us and the vendors who assist in the running of our app.",
			"The Acme Services let you share your precise location with us and the vendors who help us provide our Services.", "location_data", false},
		{"an example added", "We also allow other companies to collect data about our members with tracking tools or to receive it from us.",
			"We also allow other companies to collect data about our members with tracking tools, such as app identifiers, or to receive it from us.", "data_sharing", false},
		{"an example in parentheses went", "We share personal data with vendors who run parts of the service for us (e.g., Acme for payments and Globex for support).",
			"We share personal data with vendors who run parts of the service for us (e.g., Globex for support).", "data_sharing", false},
		{"a parenthesis of examples with like", "You can change your privacy settings to choose whether we keep some kinds of data and how we use it.",
			"You can change your privacy settings (like the activity history) to choose whether we keep some kinds of data and how we use it.", "opt_out", false},
		{"a second name in quotation marks", `We do not need your consent to use "essential" cookies, which keep the site running.`,
			`We do not need your consent to use "strictly necessary" or "essential" cookies, which keep the site running.`, "consent", false},
		{"a second name in typographic quotation marks", "We share “usage data” with the vendors who host our service for us.",
			"We share “usage data” or “service logs” with the vendors who host our service for us.", "data_sharing", false},
		{"list entries renumbered", "We share your personal data with our partners for (ii) payment processing and (iii) customer support.",
			"We share your personal data with our partners for (iii) payment processing and (iv) customer support.", "data_sharing", false},

		// Substance: a change.
		{"a purpose changed", "We share your personal data with our partners to prevent fraud on the service.",
			"We share your personal data with our partners to conduct research on the service.", "data_sharing", true},
		{"a purpose added", "We share your personal data with our advertising partners in the countries where we operate.",
			"We share your personal data with our advertising partners for behavioral advertising in the countries where we operate.", "data_sharing", true},
		{"a recipient added", "We share your personal data with our affiliates to run the service for you and our members.",
			"We share your personal data with our affiliates and insurers to run the service for you and our members.", "data_sharing", true},
		{"a kind of data added", "We share your email address and your device identifiers with our advertising partners.",
			"We share your email address, your health records and your device identifiers with our advertising partners.", "data_sharing", true},
		{"a condition went", "Where the law of your country allows, you may object to us processing your personal data for marketing.",
			"You may object to us processing your personal data for marketing.", "opt_out", true},
		{"a period changed", "We retain your personal data for 30 days after you close your account.",
			"We retain your personal data for 90 days after you close your account.", "data_retention", true},
		{"a negation", "You can opt out of interest-based ads in your account at any time.",
			"You cannot opt out of interest-based ads in your account at any time.", "opt_out", true},
		{"a modal went", "We may share your personal data with our partners when you visit their sites.",
			"We share your personal data with our partners when you visit their sites.", "data_sharing", true},
		{"an example that newly states the practice", "We collect information about the device you use, such as its model and operating system.",
			"We collect information about the device you use, such as its model, operating system and precise location.", "location_data", true},
		{"an example naming a recipient that raises the severity", "We share your personal data with our partners, such as payment providers, to run the service.",
			"We share your personal data with our partners, such as payment providers and advertisers, to run the service.", "data_sharing", true},
		{"an example naming precise location", "We collect your location, such as the city you are in, to show you members nearby.",
			"We collect your location, such as the city you are in or your GPS coordinates, to show you members nearby.", "location_data", true},
		{"an example naming a country of a transfer", "We may transfer your personal data outside your country, such as when you buy from a seller located abroad.",
			"We may transfer your personal data outside your country, such as when you buy from a seller located in China.", "data_transfer", true},
		{"two things named in quotation marks", "We share “usage data” with the vendors who host our service for us.",
			"We share “usage data” and “service logs” with the vendors who host our service for us.", "data_sharing", true},
		{"a second name naming an escalation", "We share “usage data” with the vendors who host our service for us.",
			"We share “usage data” or “advertising profiles” with the vendors who host our service for us.", "data_sharing", true},
		{"what is included is no example", "We share information about your activity with our advertising partners.",
			"We share information about your activity, including your purchases, with our advertising partners.", "data_sharing", true},
		{"a recipient added after an example", "We share personal data with vendors (e.g., Acme for payments) who run parts of the service for us.",
			"We share personal data with vendors (e.g., Acme for payments) and insurers who run parts of the service for us.", "data_sharing", true},
		{"a cue word in the way to a setting's purpose", "Head to your settings to manage your cookie preferences for our website.",
			"Head to your settings to manage your cookie preferences and withdraw your consent for our website.", "opt_out", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
}

// TestReadRoles: the way to a setting, a purpose and the name of an
// offering are read where a sentence states them.
func TestReadRoles(t *testing.T) {
	r := readRoles(`Head to the profile settings in Acme, then click "Privacy" to share your location for safety, and the Acme Services will remind you.`)
	for _, w := range []string{"profil", "sett", "acme", "privacy"} {
		if !r.path[w] {
			t.Errorf("%q not read as the way to a setting: %v", w, r.path)
		}
	}
	for _, w := range []string{"shar", "location", "safety"} {
		if !r.purpose[w] {
			t.Errorf("%q not read as a purpose: %v", w, r.purpose)
		}
	}
	if !r.offering["acme"] {
		t.Errorf("acme not read as the offering's name: %v", r.offering)
	}
	if r.purpose["profil"] {
		t.Errorf(`"to the profile settings" read as a purpose: %v`, r.purpose)
	}
}
