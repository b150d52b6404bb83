package analysis

import (
	"testing"
)

// stance of a sentence for one category.
const (
	states    = "states"    // the sentence states the practice
	restricts = "restricts" // "we do not …"
	unrelated = "unrelated" // not this category at all
)

// classifyCases are sentences worded as real policies word them, from
// different companies and document styles.
var classifyCases = []struct {
	cat, want, text string
}{
	// ai_training
	{"ai_training", states, "Zoom may use Customer Content, Telemetry Data and Product Usage Data to train artificial intelligence and machine learning models."},
	{"ai_training", states, "We use the conversations you have with our assistant to improve and develop our AI models."},
	{"ai_training", states, "Your prompts and outputs may be used to fine-tune our large language models unless you opt out."},
	{"ai_training", states, "Public posts and photos may be used to build and train generative AI features."},
	{"ai_training", states, "If you do not opt out, your content will be used to train our machine learning models."},
	{"ai_training", restricts, "We do not use your Customer Content to train our AI models."},
	{"ai_training", restricts, "Zoom does not use any of your audio, video, chat, screen sharing or other communications-like Customer Content to train Zoom's or third-party artificial intelligence models."},
	{"ai_training", restricts, "We will never use your files to train machine learning models without your explicit permission."},
	{"ai_training", restricts, "Your data is not used for training our AI models, including but not limited to foundation models."},
	{"ai_training", unrelated, "You may not use the Services to scrape data or to train a competing machine learning model."},
	{"ai_training", unrelated, "We provide annual privacy training to all employees who handle personal data."},
	{"ai_training", unrelated, "We use machine learning to detect spam and keep the service secure."},

	// data_sharing
	{"data_sharing", states, "We share your information with advertising partners and analytics providers."},
	{"data_sharing", states, "We may disclose personal data to our affiliates and service providers who process it on our behalf."},
	{"data_sharing", states, "Information about your purchases is shared with third parties for marketing purposes."},
	{"data_sharing", states, "We may provide your contact details to our partners so they can send you offers."},
	{"data_sharing", restricts, "We do not share your personal information with third parties for their own marketing."},
	{"data_sharing", restricts, "We never disclose your data to advertisers."},
	{"data_sharing", restricts, "Your content is not shared with third parties except as described in this policy."},
	{"data_sharing", unrelated, "You can share posts with your friends and followers."},
	{"data_sharing", unrelated, "Shareholders of the company receive an annual report."},

	// data_sale
	{"data_sale", states, "We may sell your personal information to data brokers."},
	{"data_sale", states, "We share personal information with advertising partners in exchange for services, which may be considered a \"sale\" of personal information under California law."},
	{"data_sale", states, "In the past 12 months we have sold the following categories of personal information: identifiers and internet activity."},
	{"data_sale", states, "We rent or sell customer lists to carefully selected companies."},
	{"data_sale", restricts, "We do not sell your personal information."},
	{"data_sale", restricts, "We don't sell or rent your data to anyone."},
	{"data_sale", restricts, "Spotify does not sell personal data of its users."},
	{"data_sale", restricts, "Your personal information is never sold."},
	{"data_sale", unrelated, "In the event of a merger, acquisition or sale of all or a portion of our assets, your information may be transferred to the acquirer."},
	{"data_sale", unrelated, "California residents have the right to opt out of the sale of their personal information."},
	{"data_sale", unrelated, "If you sell items on our marketplace, you must describe them accurately."},

	// ad_personalization
	{"ad_personalization", states, "We use information about your activity to personalize the ads you see."},
	{"ad_personalization", states, "We show you targeted advertising based on your interests and browsing history."},
	{"ad_personalization", states, "Advertisers use our tools to show you more relevant ads across other websites and apps."},
	{"ad_personalization", states, "We use cookies for interest-based advertising."},
	{"ad_personalization", states, "We show advertising based on your activity across our apps and our partners' services."},
	{"ad_personalization", states, "Ads you see are selected using your browsing and purchase history."},
	{"ad_personalization", restricts, "We never show ads based on your browsing history."},
	{"ad_personalization", unrelated, "Advertising partners are listed on our website."},
	{"ad_personalization", restricts, "We do not use your health information to personalize ads."},
	{"ad_personalization", restricts, "Users under 18 do not receive personalized advertising."},
	{"ad_personalization", restricts, "We don't serve targeted ads in our education products."},
	{"ad_personalization", unrelated, "We personalize your feed to show content you are likely to enjoy."},
	{"ad_personalization", unrelated, "Our advertising revenue funds the free version of the service."},

	// biometric_data
	{"biometric_data", states, "To provide speaker identification, we may create and store voiceprints derived from meeting audio."},
	{"biometric_data", states, "We use facial recognition technology to suggest tags for people in your photos."},
	{"biometric_data", states, "We may collect biometric identifiers such as face geometry when you verify your identity."},
	{"biometric_data", states, "The app scans your fingerprint to unlock your account."},
	{"biometric_data", restricts, "We do not collect biometric information."},
	{"biometric_data", restricts, "Face ID data never leaves your device and we never receive it."},
	{"biometric_data", restricts, "We will not use facial recognition on your photos."},
	{"biometric_data", unrelated, "We use device fingerprinting to prevent fraud."},
	{"biometric_data", unrelated, "We collect your name, email address and phone number."},

	// contact_scanning
	{"contact_scanning", states, "With your permission, we access the contacts stored on your device and upload them to our servers."},
	{"contact_scanning", states, "If you choose to sync your address book, we will use it to suggest people you may know."},
	{"contact_scanning", states, "We periodically upload your phonebook to help friends find you."},
	{"contact_scanning", states, "Contacts you import are matched against our users to find friends."},
	{"contact_scanning", restricts, "We do not upload your contacts to our servers."},
	{"contact_scanning", restricts, "The app never accesses your address book."},
	{"contact_scanning", restricts, "We will not scan your contacts."},
	{"contact_scanning", unrelated, "If you have questions, contact us at privacy@example.com."},
	{"contact_scanning", unrelated, "Please keep your contact information up to date."},

	// data_retention
	{"data_retention", states, "We delete your content within 30 days after you close your account."},
	{"data_retention", states, "We retain your content for up to three years after you close your account."},
	{"data_retention", states, "Meeting recordings are kept for 90 days and then deleted."},
	{"data_retention", states, "We keep your information for as long as your account is active."},
	{"data_retention", states, "Log data is retained indefinitely in anonymized form."},
	{"data_retention", unrelated, "You may delete your posts at any time."},
	{"data_retention", unrelated, "You grant us a licence to host, store and transmit your content."},
	{"data_retention", unrelated, "You are responsible for keeping your password confidential."},

	// arbitration
	{"arbitration", states, "Any dispute will be resolved by binding individual arbitration administered by the American Arbitration Association."},
	{"arbitration", states, "You and we agree to arbitrate all claims arising from these Terms."},
	{"arbitration", states, "Disputes shall be finally settled under the Rules of Arbitration of the International Chamber of Commerce."},
	{"arbitration", unrelated, "Disputes will be resolved exclusively in the courts of Dublin, Ireland."},
	{"arbitration", unrelated, "You may stop using the Services at any time."},

	// class_action_waiver
	{"class_action_waiver", states, "You waive any right to participate in a class action lawsuit or class-wide arbitration."},
	{"class_action_waiver", states, "Claims may be brought only on an individual basis and not as a plaintiff in any purported class or representative proceeding."},
	{"class_action_waiver", states, "You may not bring a claim as part of a class action or collective action."},
	{"class_action_waiver", unrelated, "Any dispute will be resolved by binding individual arbitration."},
	{"class_action_waiver", unrelated, "We are committed to world-class customer service."},

	// children_data
	{"children_data", states, "You must be at least 13 years old to use the Services."},
	{"children_data", states, "Our services are not directed to children under 13 and we do not knowingly collect their personal information."},
	{"children_data", states, "If you are under the age of 18, you may use the Services only with the consent of a parent or guardian."},
	{"children_data", states, "Teens can use supervised accounts set up by their parents."},
	{"children_data", unrelated, "We remove content that sexually exploits children."},
	{"children_data", unrelated, "We may make minor changes to these Terms without notice."},
	{"children_data", unrelated, "These Terms apply to all users of the Services."},

	// location_data
	{"location_data", states, "We collect the precise location of your device when you use the app."},
	{"location_data", states, "We infer your approximate location from your IP address."},
	{"location_data", states, "With your permission, the app collects GPS data in the background to record your runs."},
	{"location_data", states, "Your location history is used to personalize recommendations."},
	{"location_data", restricts, "We do not collect your precise location."},
	{"location_data", restricts, "The app never tracks your location in the background."},
	{"location_data", restricts, "We won't share your geolocation with advertisers."},
	{"location_data", unrelated, "Our offices are located in Dublin and San Francisco."},
	{"location_data", unrelated, "Data may be stored in locations outside the European Economic Area."},

	// content_license
	{"content_license", states, "You grant Zoom a limited licence to host, store and transmit Customer Content to provide the Services to you."},
	{"content_license", states, "By posting content, you grant us a worldwide, royalty-free, sublicensable license to use, copy and display it."},
	{"content_license", states, "You hereby grant us a perpetual and irrevocable licence to any submissions you provide."},
	{"content_license", states, "When you upload photos, you give us a non-exclusive license to use them in connection with the Service."},
	{"content_license", unrelated, "Subject to these Terms, we grant you a limited license to use the software."},
	{"content_license", unrelated, "You retain ownership of the content you upload."},
	{"content_license", unrelated, "This software is licensed under the MIT License."},

	// account_termination
	{"account_termination", states, "We may suspend or terminate your account if you materially breach these Terms."},
	{"account_termination", states, "We reserve the right to disable your account at any time without notice."},
	{"account_termination", states, "Accounts that violate our Community Guidelines may be banned."},
	{"account_termination", states, "Either party may terminate this agreement with 30 days' written notice."},
	{"account_termination", unrelated, "We retain your content for up to three years after you close your account."},
	{"account_termination", unrelated, "You must provide accurate information when you create an account."},
	{"account_termination", unrelated, "You can disable cookies in your browser settings."},

	// governing_law
	{"governing_law", states, "These Terms are governed by the laws of the State of California, without regard to its conflict of laws rules."},
	{"governing_law", states, "Disputes will be resolved exclusively in the courts of Dublin, Ireland."},
	{"governing_law", states, "The laws of England and Wales govern these Terms."},
	{"governing_law", states, "You agree to submit to the personal jurisdiction of the courts located in King County, Washington."},
	{"governing_law", unrelated, "We may disclose information in response to a court order or subpoena."},
	{"governing_law", unrelated, "Your use of data is described in our Privacy Policy."},
	{"governing_law", unrelated, "We may transfer your data to jurisdictions with different data protection laws."},

	// opt_out
	{"opt_out", states, "You may opt out of this use through your account settings."},
	{"opt_out", states, "You can turn off ad personalization at any time in Settings."},
	{"opt_out", states, "To stop receiving marketing emails, click the unsubscribe link."},
	{"opt_out", states, "Click the \"Do Not Sell or Share My Personal Information\" link."},
	{"opt_out", states, "You have the right to object to processing based on our legitimate interests."},
	{"opt_out", states, "You can withdraw your consent at any time."},
	{"opt_out", restricts, "You cannot opt out of service-related communications."},
	{"opt_out", restricts, "Users may not turn off this feature."},
	{"opt_out", unrelated, "You may stop using the Services at any time."},
	{"opt_out", unrelated, "We use your activity to personalize the ads you see."},

	// consent
	{"consent", states, "With your permission, we access the contacts stored on your device."},
	{"consent", states, "We will ask for your consent before using your data for research."},
	{"consent", states, "By using the Services, you consent to the collection and use of your information."},
	{"consent", states, "This feature is opt-in and off by default."},
	{"consent", unrelated, "You consent to the exclusive jurisdiction of the courts of Ireland."},
	{"consent", unrelated, "We process personal data as permitted by applicable law."},

	// law_enforcement
	{"law_enforcement", states, "We may disclose your information to law enforcement in response to a valid subpoena."},
	{"law_enforcement", states, "We respond to government requests for user data as required by law."},
	{"law_enforcement", states, "We may share information with public authorities to comply with a legal obligation or court order."},
	{"law_enforcement", restricts, "We do not give any government direct access to customer data."},
	{"law_enforcement", restricts, "We will not disclose your content to law enforcement without a warrant."},
	{"law_enforcement", restricts, "We never voluntarily provide data to intelligence agencies."},
	{"law_enforcement", unrelated, "You must provide a government-issued ID to verify your age."},
	{"law_enforcement", unrelated, "We comply with applicable law."},

	// data_transfer
	{"data_transfer", states, "Your personal data may be transferred to and processed in the United States."},
	{"data_transfer", states, "We rely on Standard Contractual Clauses approved by the European Commission."},
	{"data_transfer", states, "Information we collect may be stored and processed in any country where we operate."},
	{"data_transfer", states, "When we transfer data outside the EEA, we use appropriate safeguards."},
	{"data_transfer", restricts, "We do not transfer your personal data outside the European Union."},
	{"data_transfer", restricts, "Customer data is never transferred to other countries."},
	{"data_transfer", unrelated, "In a merger, your information may be transferred to the new owner."},
	{"data_transfer", unrelated, "You may not transfer your account to another person."},
}

func TestClassifySentences(t *testing.T) {
	c := rules()
	ids := map[string]int{}
	for i, cat := range c.cats {
		ids[cat.ID] = i
	}
	for _, tc := range classifyCases {
		ci, ok := ids[tc.cat]
		if !ok {
			t.Fatalf("unknown category %q", tc.cat)
		}
		got := unrelated
		c.classifySentence(tokenize(tc.text), func(cat int, restrictive bool) {
			if cat != ci {
				return
			}
			got = states
			if restrictive {
				got = restricts
			}
		})
		if got != tc.want {
			t.Errorf("%s: got %s, want %s: %q", tc.cat, got, tc.want, tc.text)
		}
	}
}

// TestClassifyEveryCategoryCovered keeps the table honest: every category
// has positive and negative examples above.
func TestClassifyEveryCategoryCovered(t *testing.T) {
	count := map[string]map[string]int{}
	for _, tc := range classifyCases {
		if count[tc.cat] == nil {
			count[tc.cat] = map[string]int{}
		}
		count[tc.cat][tc.want]++
	}
	for _, cat := range Categories() {
		if count[cat.ID][states] < 3 || count[cat.ID][unrelated] < 2 {
			t.Errorf("%s: %d stating and %d unrelated examples; want at least 3 and 2", cat.ID, count[cat.ID][states], count[cat.ID][unrelated])
		}
		if cat.Negatable && count[cat.ID][restricts] < 2 {
			t.Errorf("%s: negatable but only %d restricting examples", cat.ID, count[cat.ID][restricts])
		}
	}
}

// boilerplate sentences state no provision at all.
var boilerplate = []string{
	"These Terms of Service govern your access to and use of the services provided by Example.",
	"By using the Services you agree to these Terms.",
	"You must provide accurate information when you create an account.",
	"You are responsible for all activity that occurs under your account and for keeping your password confidential.",
	"Our Privacy Statement explains how we collect and use personal data.",
	"We process personal data only as described in the Privacy Statement and as permitted by applicable law.",
	"You may stop using the Services at any time.",
	"We may update these Terms from time to time and will post the new version on this page.",
	"If any provision of these Terms is found unenforceable, the remaining provisions remain in effect.",
	"Contact us at legal@example.com with any questions.",
}

func TestClassifyBoilerplate(t *testing.T) {
	c := rules()
	for _, text := range boilerplate {
		c.classifySentence(tokenize(text), func(cat int, restrictive bool) {
			t.Errorf("%q classified as %s (restrictive=%v)", text, c.cats[cat].ID, restrictive)
		})
	}
}

func TestRulesCompile(t *testing.T) {
	if _, err := compile(Categories()); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range Categories() {
		if seen[c.ID] {
			t.Errorf("duplicate category %s", c.ID)
		}
		seen[c.ID] = true
		if c.Title == "" || c.Guidance == "" || len(c.Regulations) == 0 || len(c.Cues) == 0 {
			t.Errorf("%s: title, guidance, regulations and cues are required", c.ID)
		}
		for _, s := range []Severity{c.Severity.Added, c.Severity.Removed, c.Severity.Modified} {
			if !s.Valid() {
				t.Errorf("%s: bad severity %q", c.ID, s)
			}
		}
		for _, e := range c.Escalations {
			if !e.Severity.Valid() {
				t.Errorf("%s: bad escalation severity %q", c.ID, e.Severity)
			}
		}
		for _, cue := range c.Cues {
			if len(cue.With) > 63 {
				t.Errorf("%s: too many cue groups", c.ID)
			}
		}
	}
	for _, id := range []string{"ai_training", "data_sharing", "data_sale", "ad_personalization", "biometric_data",
		"contact_scanning", "data_retention", "arbitration", "class_action_waiver", "children_data", "location_data",
		"content_license", "account_termination", "governing_law", "opt_out", "consent", "law_enforcement", "data_transfer"} {
		if _, ok := Lookup(id); !ok {
			t.Errorf("contract category %s missing", id)
		}
	}
}

func TestParsePhraseErrors(t *testing.T) {
	for _, bad := range []string{"", "~2 word", "word ~2", "ab*", "wo-rd", "word ~x"} {
		if _, err := parsePhrase(bad); err == nil {
			t.Errorf("parsePhrase(%q) accepted", bad)
		}
	}
}

func TestNegationScope(t *testing.T) {
	tests := []struct {
		text string
		word string
		want bool
	}{
		{"We do not sell your data", "sell", true},
		{"We do not sell your data, but we share it with partners", "share", false},
		{"If you do not opt out, we may use your content to train models", "train", false},
		{"If you do not opt out, we may use your content to train models", "opt", false},
		{"We sell data, including but not limited to identifiers", "sell", false},
		{"We never, under any circumstances, sell your data", "sell", true},
		{"We will delete it no later than 30 days after closure", "delete", false},
		{"We do not sell your data and we share it with partners", "share", false},
	}
	for _, tt := range tests {
		s := tokenize(tt.text)
		pos := -1
		for i, w := range s.words {
			if w == tt.word {
				pos = i
				break
			}
		}
		if pos < 0 {
			t.Fatalf("%q not in %q", tt.word, tt.text)
		}
		if got := s.negated(pos, pos+1); got != tt.want {
			t.Errorf("negated(%q in %q) = %v, want %v", tt.word, tt.text, got, tt.want)
		}
	}
}
