package analysis

import (
	"slices"
	"testing"
)

// TestRestatedSentenceIsNoChange: a sentence of a category reworded with
// synonyms, reordered, split or merged, or a question, navigation line or
// definition naming the topic, changes no provision; a change of who, what data,
// which condition, a negation or a number does.
func TestRestatedSentenceIsNoChange(t *testing.T) {
	tests := []struct {
		name     string
		old, new []string
		category string
		changed  bool
	}{
		{
			name:     "synonyms",
			old:      []string{"We may disclose your personal information to law enforcement agencies when required by law."},
			new:      []string{"We can share your personal data with law enforcement agencies if required by law."},
			category: "law_enforcement",
		},
		{
			name:     "words reordered",
			old:      []string{"We retain your messages for as long as your account is active only."},
			new:      []string{"We only retain your messages for as long as your account is active."},
			category: "data_retention",
		},
		{
			name:     "example marker and initials",
			old:      []string{"We transfer personal data to other countries (e.g. U.S. data centers) under standard contractual clauses."},
			new:      []string{"We transfer personal data to other countries (for example, U.S. data centers) under standard contractual clauses."},
			category: "data_transfer",
		},
		{
			name:     "a sentence split in two",
			old:      []string{"We collect the precise location of your device through GPS to show nearby members and we keep it for thirty days."},
			new:      []string{"We collect the precise location of your device through GPS to show nearby members.", "We keep it for thirty days."},
			category: "location_data",
		},
		{
			name:     "two sentences merged",
			old:      []string{"We collect the precise location of your device through GPS.", "We use the precise location of your device to show nearby members."},
			new:      []string{"We collect the precise location of your device through GPS and use it to show nearby members."},
			category: "location_data",
		},
		{
			name:     "a question naming the topic",
			old:      []string{"We may disclose your personal information to law enforcement agencies when required by law."},
			new:      []string{"When do we share information with law enforcement agencies?", "We may disclose your personal information to law enforcement agencies when required by law."},
			category: "law_enforcement",
		},
		{
			name:     "a navigation line",
			old:      []string{"We may disclose your personal information to law enforcement agencies when required by law."},
			new:      []string{"Your rights ---------- Sharing with law enforcement agencies ---------- Contact us ----------", "We may disclose your personal information to law enforcement agencies when required by law."},
			category: "law_enforcement",
		},
		{
			name:     "a definition naming the practice",
			old:      []string{"We may disclose your personal information to law enforcement agencies when required by law."},
			new:      []string{`"Official Requests" means requests in which law enforcement agencies ask us to disclose your personal information.`, "We may disclose your personal information to law enforcement agencies when required by law."},
			category: "law_enforcement",
		},
		{
			name:     "a definition of two names in a list item",
			old:      []string{"Developers must not use the data to train models."},
			new:      []string{`* “Large Model” or “LM” (in these terms) refers to a generative artificial intelligence model trained on large datasets to answer prompts.`, "Developers must not use the data to train models."},
			category: "ai_training",
		},
		{
			// Rated low as a restated law before definitions were read as
			// stating nothing.
			name:     "a term defined by a regulation",
			old:      []string{"We may update this policy from time to time."},
			new:      []string{"We may update this policy from time to time.", "“Restricted Data” means personal data or government-related data, each as defined in 28 C.F.R. Part 202 on Access to Government-Related Data by Countries of Concern."},
			category: "law_enforcement",
		},
		{
			name:     "a pointer to where a practice is stated",
			old:      []string{"We ask for your consent before we process your health data."},
			new:      []string{"To learn more about the processing activities where we rely on your consent, refer to our Legal Bases page.", "We ask for your consent before we process your health data."},
			category: "consent",
		},
		{
			name:     "a pointer with a link to read more after its full stop",
			old:      []string{"We ask for your consent before we process your health data."},
			new:      []string{"To learn more about the processing activities where we rely on your consent, refer to our Legal Bases. [[Learn more]](https://example.com/legal-bases)", "We ask for your consent before we process your health data."},
			category: "consent",
		},
		{
			name:     "a statement with a link to read more after its full stop",
			old:      []string{"We show you personalized ads based on your activity on other sites."},
			new:      []string{"We rely on your consent to share your health data with researchers. [**Learn more**](https://example.com/health)", "We show you personalized ads based on your activity on other sites."},
			category: "consent",
			changed:  true,
		},
		{
			name:     "a pointer reworded",
			old:      []string{"For more information about the partners who show you personalized ads, please visit our Cookie Policy.", "We show you personalized ads based on your activity on other sites."},
			new:      []string{"You can learn more about the partners who show you personalized ads in our consent settings.", "We show you personalized ads based on your activity on other sites."},
			category: "ad_personalization",
		},
		{
			name:     "a pointer to a page that shows what is shared",
			old:      []string{"We share your personal data with our payment processors."},
			new:      []string{"You can see the personal data we shared with third parties and who they are by clicking here.", "We share your personal data with our payment processors."},
			category: "data_sharing",
		},
		{
			name:     "a pointer to a page that shows what is shared, offering a choice",
			old:      []string{"We share your personal data with our payment processors."},
			new:      []string{"You can see the personal data we shared with third parties and opt out of the sharing by clicking here.", "We share your personal data with our payment processors."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "a clause reference",
			old:      []string{"Any dispute is resolved by binding individual arbitration under Section 14."},
			new:      []string{"Section 14 (Binding Arbitration) applies to purchases of virtual items as well.", "Any dispute is resolved by binding individual arbitration under Section 14."},
			category: "arbitration",
		},
		{
			name:     "a pointer that also offers a choice",
			old:      []string{"We show you personalized ads based on your activity on other sites."},
			new:      []string{"To learn more about personalized ads or to opt out of them, visit our Ad Choices page.", "We show you personalized ads based on your activity on other sites."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "a pointer followed by a practice",
			old:      []string{"We show you personalized ads based on your activity on other sites."},
			new:      []string{"For more information, see below; we also share your browsing history with advertisers.", "We show you personalized ads based on your activity on other sites."},
			category: "data_sharing",
			changed:  true,
		},
		{
			name:     "a statement that starts with a quoted name",
			old:      []string{"We may disclose your personal information to law enforcement agencies when required by law."},
			new:      []string{`"Acme Safety" shares your personal information with law enforcement agencies when they ask for it.`, "We may disclose your personal information to law enforcement agencies when required by law."},
			category: "law_enforcement",
			changed:  true,
		},
		{
			name:     "a company renamed throughout",
			old:      []string{"Brightloop shares your profile data with Brightloop advertising partners.", "Brightloop runs the app."},
			new:      []string{"Nimbleware shares your profile data with Nimbleware advertising partners.", "Nimbleware runs the app."},
			category: "data_sharing",
		},
		{
			name:     "a company named with its legal form",
			old:      []string{"Brightloop is liable for onward transfers to third parties that process personal data in breach of the framework."},
			new:      []string{"Brightloop, Inc., is liable for onward transfers to third parties that process personal data in breach of the framework."},
			category: "data_sharing",
		},
		{
			name:     "a legal form beside a new party",
			old:      []string{"Brightloop shares your profile data with its advertising partners."},
			new:      []string{"Brightloop, Inc., shares your profile data with its advertising partners and data brokers."},
			category: "data_sharing",
			changed:  true,
		},
		{
			name: "a term changed throughout",
			old: []string{"You and we agree to resolve disputes under this arbitration agreement.",
				"This arbitration agreement survives the end of your account.",
				"You may opt out of this arbitration agreement within thirty days."},
			new: []string{"You and we agree to resolve disputes under this arbitration provision.",
				"This arbitration provision survives the end of your account.",
				"You may opt out of this arbitration provision within thirty days."},
			category: "arbitration",
		},
		{
			name:     "a term changed in one sentence",
			old:      []string{"You and we agree to resolve disputes under this arbitration agreement.", "This arbitration agreement survives the end of your account."},
			new:      []string{"You and we agree to resolve disputes under this arbitration provision.", "This arbitration agreement survives the end of your account."},
			category: "arbitration",
			changed:  true,
		},
		{
			name: "a period changed throughout",
			old: []string{"We retain your messages for thirty days.",
				"We retain your photos for thirty days.",
				"We retain your location history for thirty days."},
			new: []string{"We retain your messages for ninety days.",
				"We retain your photos for ninety days.",
				"We retain your location history for ninety days."},
			category: "data_retention",
			changed:  true,
		},
		{
			// The old name stays as the platform's: not a rename of
			// names, but the same change of terms in many sentences,
			// made twice in one of them beside another such change.
			name: "a company renamed twice in a sentence, beside a term changed throughout",
			old: []string{"You and Open Harbor agree that any dispute between you and Open Harbor is resolved by individual arbitration and not by a class action.",
				"Each administrator grants Open Harbor a licence to display the logo of the project.",
				"The Open Harbor platform is run by Open Harbor.", "Open Harbor may update these terms.", "Open Harbor owns the site content.",
				"An administrator approves new members.", "An administrator manages the budget.", "An administrator publishes the reports."},
			new: []string{"You and Nimbleware agree that any dispute between you and Nimbleware is resolved by individual arbitration and not by a class action.",
				"Each admin grants Nimbleware a licence to display the logo of the project.",
				"The Open Harbor platform is run by Nimbleware.", "Nimbleware may update these terms.", "Nimbleware owns the site content.",
				"An admin approves new members.", "An admin manages the budget.", "An admin publishes the reports."},
			category: "arbitration",
		},
		{
			name: "a company renamed twice in a sentence whose practice changed",
			old: []string{"You and Open Harbor agree that any dispute between you and Open Harbor is resolved by individual arbitration and not by a class action.",
				"The Open Harbor platform is run by Open Harbor.", "Open Harbor may update these terms.", "Open Harbor owns the site content."},
			new: []string{"You and Nimbleware agree that any dispute between you and Nimbleware is resolved by individual arbitration or by a class action.",
				"The Open Harbor platform is run by Nimbleware.", "Nimbleware may update these terms.", "Nimbleware owns the site content."},
			category: "arbitration",
			changed:  true,
		},
		{
			name: "a company renamed in a sentence, beside a term changed in it alone",
			old: []string{"You and Open Harbor agree that any dispute between you and Open Harbor is resolved by individual arbitration and not by a class action.",
				"The Open Harbor platform is run by Open Harbor.", "Open Harbor may update these terms.", "Open Harbor owns the site content."},
			new: []string{"You and Nimbleware agree that any claim between you and Nimbleware is resolved by individual arbitration and not by a class action.",
				"The Open Harbor platform is run by Nimbleware.", "Nimbleware may update these terms.", "Nimbleware owns the site content."},
			category: "arbitration",
			changed:  true,
		},
		{
			name:     "hyphenation",
			old:      []string{"Claims are governed by the laws of Ohio, except where they are preempted by federal law."},
			new:      []string{"Claims are governed by the laws of Ohio, except where they are pre-empted by federal law."},
			category: "governing_law",
		},
		{
			name:     "a partner replaced by one already named",
			old:      []string{"We share your profile data with our analytics partner Brightloop.", "Nimbleware hosts our servers."},
			new:      []string{"We share your profile data with our analytics partner Nimbleware.", "Nimbleware hosts our servers."},
			category: "data_sharing",
			changed:  true,
		},
		{
			// The law named is what the category is about: a name that
			// changed is not read as a rename.
			name:     "another state's law",
			old:      []string{"These terms are governed by the laws of Ohio."},
			new:      []string{"These terms are governed by the laws of Texas."},
			category: "governing_law",
			changed:  true,
		},
		{
			name:     "another kind of data",
			old:      []string{"We collect the precise location of your device through GPS to show nearby members."},
			new:      []string{"We collect the precise location of your device through GPS and Bluetooth beacons to show nearby members."},
			category: "location_data",
			changed:  true,
		},
		{
			name:     "a condition moved to the lead-in of its list",
			old:      []string{"You have the following choices:", "* You may opt out of the sale of your personal data.", "* Where the law of your state allows, you may object to our use of your data for targeted advertising."},
			new:      []string{"Where the law of your state allows, you have the following choices:", "* You may opt out of the sale of your personal data.", "* You may object to our use of your data for targeted advertising."},
			category: "opt_out",
		},
		{
			name:     "a condition moved from the lead-in of its list",
			old:      []string{"Where the law of your state allows, you have the following choices:", "* You may opt out of the sale of your personal data.", "* You may object to our use of your data for targeted advertising."},
			new:      []string{"You have the following choices:", "* You may opt out of the sale of your personal data.", "* Where the law of your state allows, you may object to our use of your data for targeted advertising."},
			category: "opt_out",
		},
		{
			name:     "a condition that went, beside a new lead-in without it",
			old:      []string{"You have the following choices:", "* You may opt out of the sale of your personal data.", "* Where the law of your state allows, you may object to our use of your data for targeted advertising."},
			new:      []string{"You have the following choices and rights:", "* You may opt out of the sale of your personal data.", "* You may object to our use of your data for targeted advertising."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "a condition that went, beside a new lead-in of a list it is not in",
			old:      []string{"Where the law of your state allows, you may object to our use of your data for targeted advertising.", "You have the following choices:", "* You may opt out of the sale of your personal data."},
			new:      []string{"You may object to our use of your data for targeted advertising.", "Where the law of your state allows, you have the following choices:", "* You may opt out of the sale of your personal data."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "the words of its entry's run-in title added to a statement",
			old:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners.", "* **Access.** You can ask for a copy of your data."},
			new:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners for targeted advertising purposes.", "* **Access.** You can ask for a copy of your data."},
			category: "opt_out",
		},
		{
			name:     "the words of its entry's run-in title added to a statement that only they make one of the category",
			old:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners.", "* **Access.** You can ask for a copy of your data."},
			new:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners for targeted advertising purposes.", "* **Access.** You can ask for a copy of your data."},
			category: "ad_personalization",
		},
		{
			name:     "a purpose added that its entry's run-in title does not name",
			old:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners.", "* **Access.** You can ask for a copy of your data."},
			new:      []string{"* **Targeted advertising.** You can opt out of the sharing of your personal data with our ad partners for fraud prevention purposes.", "* **Access.** You can ask for a copy of your data."},
			category: "opt_out",
			changed:  true,
		},
		{
			name:     "a condition that went",
			old:      []string{"We may disclose your personal information to law enforcement agencies only when required by law."},
			new:      []string{"We may disclose your personal information to law enforcement agencies."},
			category: "law_enforcement",
			changed:  true,
		},
		{
			name:     "another period",
			old:      []string{"We retain your messages for thirty days after you delete your account."},
			new:      []string{"We retain your messages for ninety days after you delete your account."},
			category: "data_retention",
			changed:  true,
		},
		{
			name:     "a negation",
			old:      []string{"We share your personal data with advertisers."},
			new:      []string{"We never share your personal data with advertisers."},
			category: "data_sharing",
			changed:  true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkChanged(t, doc(tt.old...), doc(tt.new...), tt.category, tt.changed)
		})
	}
}

// TestGist: the words that only shape a sentence, a verb's form and a
// synonym leave the gist as it was; repeats, negations and numbers stay.
func TestGist(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"We disclose information to partners", "we are sharing data with partners", true},
		{"you can opt out at any time", "you may opt out at any time", true},
		{"we keep logs for 30 days", "we keep logs for 90 days", false},
		{"we sell data", "we do not sell data", false},
		{"law governs disputes about terms", "law governs terms and disputes about terms", false},
		{"we send you e-mail about licences", "we send you email about licenses", true},
		{"we show ads on this site to improve it", "we display advertising on the website to enhance it", true},
		{"we've begun to collect images", "we start collecting pictures", true},
		{"choose a plan in Settings", "select a plan in Settings", true},
		{"we'll keep it in our data centres in order to help", "we will keep it in our data centers since it helps", true},
		{"the expiry date as defined herein", "the expiration date", true},
		{"we show ads on this site", "we show ads on partner sites", false},
		{"data you provide and where you consent", "data you provide or where you consent", false},
		{"you may withdraw consent (article 7, paragraph 3, GDPR)", "you may withdraw consent (art. 7, para. 3, GDPR)", true},
		{"Widerruf der Einwilligung (Artikel 7 Absatz 3 DSGVO)", "Widerruf der Einwilligung (Art. 7 Abs. 3 DSGVO)", true},
		{"as described in section 4", "as described in sec. 4", true},
		// Clauses renumbered: which number a clause has is layout.
		{"This Section 10A applies to data from the UK", "This Section 10B applies to data from the UK", true},
		{"the terms of clause 7 survive termination", "the terms of clause 8 survive termination", true},
		{"under section 4 we keep logs for 30 days", "under section 5 we keep logs for 90 days", false},
	}
	key := func(s string) string { return compareKey(tokenize(s).words) }
	for _, tt := range tests {
		if got := slices.Equal(gistOf(key(tt.a)), gistOf(key(tt.b))); got != tt.same {
			t.Errorf("same gist of %q and %q = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestDiffer: the sizes differ counts are those of minus.
func TestDiffer(t *testing.T) {
	tests := []struct{ g, h gist }{
		{gist{"a", "b", "b", "c"}, gist{"b", "c", "d"}},
		{gist{}, gist{"a"}},
		{gist{"a", "a"}, gist{"a"}},
		{gist{"x", "y"}, gist{"x", "y"}},
	}
	for _, tt := range tests {
		n, m := differ(tt.g, tt.h)
		if n != len(minus(tt.g, tt.h)) || m != len(minus(tt.h, tt.g)) {
			t.Errorf("differ(%v, %v) = %d, %d; minus gives %v, %v", tt.g, tt.h, n, m, minus(tt.g, tt.h), minus(tt.h, tt.g))
		}
	}
}

// TestRestatedBesideOtherChange: a statement that only lost its web
// or e-mail address or a space between two words (or gained one), or whose run-in label ran into it or came out of it, changes no
// provision, in a document changed elsewhere (a fee); words of a label
// moved inside the statement do.
func TestRestatedBesideOtherChange(t *testing.T) {
	tests := []besideFee{
		{"a run-in label runs into its sentence", "* **Data sharing.** We share your personal data with advertisers only with your consent.",
			"* **Data sharing** We share your personal data with advertisers only with your consent.", "data_sharing", false},
		{"a run-in label split from its sentence", "* **Data sharing** We share your personal data with advertisers only with your consent.",
			"* **Data sharing.** We share your personal data with advertisers only with your consent.", "data_sharing", false},
		{"a label's words moved into the sentence", "**Advertisers.** We share your personal data with partners.",
			"We share your personal data with advertisers and partners.", "data_sharing", true},
		{"a web address that went", "You can opt out of interest-based ads at https://example.org/choices/ads.",
			"You can opt out of interest-based ads.", "opt_out", false},
		{"a link pointed elsewhere", "You can opt out of interest-based ads on [our choices page](https://example.org/choices).",
			"You can opt out of interest-based ads on [our choices page](https://www.example.org/privacy/ad-choices).", "opt_out", false},
		{"an e-mail address that went", "To delete your data, write to [privacy@example.org](mailto:privacy@example.org) or [legal@example.org](mailto:legal@example.org), and we erase it within 30 days.",
			"To delete your data, write to [privacy@example.org](mailto:privacy@example.org), and we erase it within 30 days.", "data_retention", false},
		{"an e-mail address replaced", "You can opt out of interest-based ads by writing to ads@example.org.",
			"You can opt out of interest-based ads by writing to choices@example.net.", "opt_out", false},
		{"an e-mail address that went with the period", "To delete your data, write to privacy@example.org or legal@example.org, and we erase it within 30 days.",
			"To delete your data, write to privacy@example.org, and we erase it within 90 days.", "data_retention", true},
		{"two words joined where a space went", "Transfers outside the EEA rest on the standard contractual clauses of the **European** **Commission**.",
			"Transfers outside the EEA rest on the standard contractual clauses of the **European****Commission**.", "data_transfer", false},
		{"a word split", "We may disclose your personal information to law enforcement agencies when required by law.",
			"We may disclose your personal information to law enforce ment agencies when required by law.", "law_enforcement", false},
		{"two words joined beside a new condition", "Transfers outside the EEA rest on the standard contractual clauses of the **European** **Commission**.",
			"Transfers outside the EEA rest on the standard contractual clauses of the **European****Commission** or on consent.", "data_transfer", true},
		{"a web address that went with the choice", "You can opt out of interest-based ads at https://example.org/choices/ads.",
			"You cannot opt out of interest-based ads.", "opt_out", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.check)
	}
}

// besideFee is a statement changed from old to new in a document changed
// elsewhere (a fee), and whether that changes category.
type besideFee struct {
	name, old, new, category string
	changed                  bool
}

func (tt besideFee) check(t *testing.T) {
	t.Helper()
	checkChanged(t, doc(tt.old, "Fees are due each month."), doc(tt.new, "Fees are due each week."), tt.category, tt.changed)
}

// checkChanged reports an error unless analysing the change from oldMD to
// newMD finds a provision of category exactly when want is set.
func checkChanged(t *testing.T, oldMD, newMD, category string, want bool) {
	t.Helper()
	r := Analyze(oldMD, newMD)
	if got := slices.ContainsFunc(r.Provisions, func(p Provision) bool { return p.Category == category }); got != want {
		t.Errorf("%s changed = %v, want %v (provisions %+v)", category, got, want, r.Provisions)
	}
}
