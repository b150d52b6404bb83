package analysis

import (
	"slices"
	"strings"
	"testing"
)

// doc is a short policy made of the given paragraphs, so that each case
// states only what it tests.
func doc(paragraphs ...string) string {
	return "# Terms\n\n## Section\n\n" + strings.Join(paragraphs, "\n\n") + "\n"
}

func TestRateChange(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		category string
		want     Severity
		summary  string // part of the summary, when the case is about its words
	}{
		{
			name:     "a modification that only adds statements is rated as an addition",
			old:      doc("Sign in with Face ID is handled by your phone and its biometric data never reaches us."),
			new:      doc("Sign in with Face ID is handled by your phone and its biometric data never reaches us.", "To verify your identity we collect face geometry, which is biometric data, from the selfie you send."),
			category: "biometric_data",
			want:     SeverityHigh,
		},
		{
			name:     "a disclosure made only where the law requires it",
			old:      doc("We share information with our hosting providers."),
			new:      doc("We share information with our hosting providers.", "We disclose your personal data to vetted research partners where this is legally required under data access rules."),
			category: "data_sharing",
			want:     SeverityLow,
		},
		{
			name:     "a disclosure the law requires, the law as the subject",
			old:      doc("We share information with our hosting providers."),
			new:      doc("We share information with our hosting providers.", "Some laws require us to share your personal data with third parties such as academic researchers."),
			category: "data_sharing",
			want:     SeverityLow,
		},
		{
			name: "a disclosure the law requires, described under its heading",
			old:  "# Policy\n\n## Who we share information with\n\n* **Hosting:** We use hosting providers.\n",
			new: "# Policy\n\n## Who we share information with\n\n* **Hosting:** We use hosting providers.\n" +
				"* **Researchers:** We give information to vetted researchers where this is legally required under data access rules. " +
				"This may cover any category of data that their study needs. " +
				"For researchers who were not vetted, it is limited to what anyone can see on the site.\n",
			category: "data_sharing",
			want:     SeverityLow,
		},
		{
			name: "a disclosure beside one the law requires, under the same heading",
			old:  "# Policy\n\n## Who we share information with\n\n* **Hosting:** We use hosting providers.\n",
			new: "# Policy\n\n## Who we share information with\n\n* **Hosting:** We use hosting providers.\n" +
				"* **Researchers:** We give information to vetted researchers where this is legally required under data access rules. " +
				"We also give your contact details to marketing partners.\n",
			category: "data_sharing",
			want:     SeverityMedium,
		},
		{
			name:     "a disclosure a business partner requires",
			old:      doc("We share information with our hosting providers."),
			new:      doc("We share information with our hosting providers.", "Our business partners require us to disclose your contact details to them."),
			category: "data_sharing",
			want:     SeverityMedium,
		},
		{
			name:     "a disclosure beside one the law requires",
			old:      doc("We share information with our hosting providers."),
			new:      doc("We share information with our hosting providers.", "We share information with marketing partners to improve our offers."),
			category: "data_sharing",
			want:     SeverityMedium,
		},
		{
			name:     "a new opt-out beside an existing one adds a user right",
			old:      doc("You can opt out of marketing emails at any time."),
			new:      doc("You can opt out of marketing emails at any time.", "You can also opt out of push notifications in the app settings."),
			category: "opt_out",
			want:     SeverityLow,
		},
		{
			name:     "every added statement is read, not only the first",
			old:      doc("We train our models on licensed data sets."),
			new:      doc("Several sources are used for training our models.", "The data used to train our models may include personal information from public posts."),
			category: "ai_training",
			want:     SeverityHigh,
			summary:  "AI training on customer content changed",
		},
		{
			name:     "AI training on the information collected about users",
			old:      doc("We use information to provide the service."),
			new:      doc("We use information to provide the service.", "We use the information we collect to train and improve our AI models."),
			category: "ai_training",
			want:     SeverityHigh,
		},
		{
			name:     "AI training on licensed data only",
			old:      doc("We use information to provide the service."),
			new:      doc("We use information to provide the service.", "We train our AI models on data sets licensed from publishers."),
			category: "ai_training",
			want:     SeverityMedium,
		},
		{
			name:     "a longer ban is a change of the term",
			old:      doc("A member whose account we terminate may not open a new account for 1 year after the termination."),
			new:      doc("A member whose account we terminate may not open a new account for 2 years after the termination."),
			category: "account_termination",
			want:     SeverityMedium,
		},
		{
			name:     "a permanent ban added as a consequence is heavier",
			old:      doc("Members who repeatedly post spam may have their accounts suspended."),
			new:      doc("Members who repeatedly post spam may have their accounts suspended or permanently banned."),
			category: "account_termination",
			want:     SeverityMedium,
		},
		{
			name:     "a permanent suspension added as a consequence is heavier",
			old:      doc("If you break these rules we may suspend your account."),
			new:      doc("If you break these rules we may suspend your account, and serious breaches lead to a permanent suspension."),
			category: "account_termination",
			want:     SeverityMedium,
		},
		{
			name:     "a permanent ban that went narrows the consequence",
			old:      doc("Members who repeatedly post spam may have their accounts suspended or permanently banned."),
			new:      doc("Members who repeatedly post spam may have their accounts suspended."),
			category: "account_termination",
			want:     SeverityLow,
		},
		{
			name:     "a phone number given",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "By providing your phone number, you consent to receive promotional text messages from us."),
			category: "consent",
			want:     SeverityMedium,
		},
		{
			name:     "an email address entered",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "By entering your email address you agree to receive our newsletter and special offers."),
			category: "consent",
			want:     SeverityMedium,
		},
		{
			name:     "French: a phone number given",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "En communiquant votre numéro de téléphone, vous consentez à recevoir nos offres par SMS."),
			category: "consent",
			want:     SeverityMedium,
		},
		{
			name:     "German: an email address given",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Mit der Angabe Ihrer E-Mail-Adresse erteilen Sie Ihre Einwilligung zum Erhalt unseres Newsletters."),
			category: "consent",
			want:     SeverityMedium,
		},
		{
			name:     "consent asked for",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "We ask for your consent before we send promotional text messages to the phone number you give us."),
			category: "consent",
			want:     SeverityLow,
		},
		{
			name:     "under 13 with a parent's consent",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Children under 13 may use the service with the consent of a parent or guardian."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "under the age of 13 with parental permission",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "If you are under the age of 13, you can create an account with your parent's permission."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "French: under 13 with the parents' agreement",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Les enfants de moins de 13 ans peuvent utiliser le service avec l'accord de leurs parents."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "under 13 barred unless a parent agrees",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "If you are under the age of 13 (or the minimum age where you live), you must not use the app without first getting your parent's agreement."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "under 13 may not sign up without a guardian's consent",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Children under 13 cannot open an account without the consent of a guardian."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "French: under 13 barred unless the parents agree",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Si vous avez moins de 13 ans, vous ne pouvez pas utiliser le service sans l'accord de vos parents."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "German: under 13 barred unless the parents agree",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "Wenn du unter 13 Jahre alt bist, darfst du den Dienst nicht ohne Zustimmung deiner Eltern nutzen."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "data of under-13s not collected without a parent's consent",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "We do not collect personal data from children under 13 without the consent of a parent."),
			category: "children_data",
			want:     SeverityMedium,
		},
		{
			name:     "data given without a parent's consent deleted",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service.", "If we learn that a child under 13 has given us personal data without a parent's consent, we will delete it."),
			category: "children_data",
			want:     SeverityMedium,
		},
		{
			name:     "a commitment not to do it removed while the practice stays",
			old:      doc("We show you ads based on your activity on our service.", "We do not share your information with advertisers for cross-context behavioral advertising."),
			new:      doc("We show you ads based on your activity on our service."),
			category: "ad_personalization",
			want:     SeverityHigh,
		},
		{
			// Each commitment is a safeguard of its own: the one about
			// health data does not keep the one about advertisers.
			name:     "a commitment removed while another one about something else stays",
			old:      doc("We show you ads based on your activity on our service.", "We do not use your health data to personalise ads.", "We do not share your information with advertisers for cross-context behavioral advertising."),
			new:      doc("We show you ads based on your activity on our service.", "We do not use your health data to personalise ads."),
			category: "ad_personalization",
			want:     SeverityHigh,
		},
		{
			name:     "a commitment removed while a restatement of it stays",
			old:      doc("We show you ads based on your activity on our service.", "We do not share your personal information with advertisers for cross-context behavioral advertising.", "For users in every state, we never share personal information with advertising partners for cross-context behavioral advertising."),
			new:      doc("We show you ads based on your activity on our service.", "For users in every state, we never share personal information with advertising partners for cross-context behavioral advertising."),
			category: "ad_personalization",
			want:     SeverityMedium,
		},
		{
			name:     "an opt-out gone with the feature it was about",
			old:      doc("You can opt out of marketing emails in your settings.", "Other members can find you by your phone number; you can opt out of phone lookup in your privacy settings."),
			new:      doc("You can opt out of marketing emails in your settings."),
			category: "opt_out",
			want:     SeverityLow,
		},
		{
			name:     "an opt-out gone while what it was about is still named",
			old:      doc("You can opt out of marketing emails in your settings.", "We use Acme Analytics to measure visits.", "You can refuse Acme Analytics cookies in the cookie banner."),
			new:      doc("You can opt out of marketing emails in your settings.", "We use Acme Analytics to measure visits."),
			category: "opt_out",
			want:     SeverityMedium,
		},
		{
			name:     "the only opt-out gone with the vendor it was about",
			old:      doc("We use Acme Analytics to measure visits.", "You can refuse Acme Analytics cookies in the cookie banner."),
			new:      doc("We measure visits ourselves."),
			category: "opt_out",
			want:     SeverityLow,
		},
		{
			name:     "the only opt-out gone while its practice stays",
			old:      doc("We use Acme Analytics to measure visits.", "You can refuse Acme Analytics cookies in the cookie banner."),
			new:      doc("We use Acme Analytics to measure visits."),
			category: "opt_out",
			want:     SeverityHigh,
		},
		{
			name:     "an opt-out of something general gone",
			old:      doc("You can opt out of marketing emails in your settings.", "You can opt out of targeted advertising at any time."),
			new:      doc("You can opt out of marketing emails in your settings."),
			category: "opt_out",
			want:     SeverityMedium,
		},
		{
			name:     "a user right's exclusion removed",
			old:      doc("You can opt out of marketing emails in your settings.", "You cannot opt out of service-related communications."),
			new:      doc("You can opt out of marketing emails in your settings."),
			category: "opt_out",
			want:     SeverityMedium,
		},
		{
			name:     "a commitment not to do it removed where the practice is not stated",
			old:      doc("We share information with service providers who host the service.", "We do not sell your personal information."),
			new:      doc("We share information with service providers who host the service."),
			category: "data_sale",
			want:     SeverityMedium,
		},
		{
			name:     "periods written in words count",
			old:      doc("We may terminate an account that stays inactive for one year."),
			new:      doc("We may terminate an account that stays inactive for two years."),
			category: "account_termination",
			want:     SeverityMedium,
		},
		{
			name:     "a renumbered clause is not a changed period",
			old:      doc("7.1 We may terminate your account at our discretion if you breach these terms."),
			new:      doc("8.1 We may terminate your account at our discretion if you seriously breach these terms."),
			category: "account_termination",
			want:     SeverityLow,
		},
		{
			name:     "fewer destination countries",
			old:      doc("We may transfer your personal data to countries outside the EEA, namely Canada, Japan and Brazil, where our servers process it."),
			new:      doc("We may transfer your personal data to countries outside the EEA, namely Canada and Japan, where our servers process it."),
			category: "data_transfer",
			want:     SeverityLow,
		},
		{
			name:     "a destination dropped with a limit on the transfer",
			old:      doc("We may transfer your personal data to countries outside the EEA, namely Canada and Japan, only for users who gave their consent."),
			new:      doc("We may transfer your personal data to countries outside the EEA, namely Canada."),
			category: "data_transfer",
			want:     SeverityMedium,
		},
		{
			name:     "a destination replaced by another",
			old:      doc("We may transfer your personal data to countries outside the EEA, namely Canada, Japan and Brazil, where our servers process it."),
			new:      doc("We may transfer your personal data to countries outside the EEA, namely Canada and India, where our servers process it."),
			category: "data_transfer",
			want:     SeverityMedium,
		},
		{
			name:     "the same law reworded",
			old:      doc("All disputes arising from these terms are governed by the laws of Ohio."),
			new:      doc("All disputes arising from these terms or from your use of the app are governed by the laws of Ohio."),
			category: "governing_law",
			want:     SeverityLow,
		},
		{
			name:     "the same law, the contract's title shortened",
			old:      doc("These General Terms and Conditions of Use are governed by the laws of Scotland."),
			new:      doc("These Terms and Conditions are governed by the laws of Scotland."),
			category: "governing_law",
			want:     SeverityLow,
		},
		{
			name:     "another country's law, the contract's title shortened",
			old:      doc("These General Terms and Conditions of Use are governed by the laws of Scotland."),
			new:      doc("These Terms and Conditions are governed by the laws of Malta."),
			category: "governing_law",
			want:     SeverityMedium,
		},
		{
			name:     "another country's law",
			old:      doc("These terms are governed by the laws of Belgium."),
			new:      doc("These terms are governed by the laws of Ireland."),
			category: "governing_law",
			want:     SeverityMedium,
		},
		{
			name: "the consumer's home law removed",
			old: doc("These terms are governed by the laws of Ireland.",
				"If you are a consumer, the laws of the country where you live govern any claim you bring against us."),
			new: doc("These terms are governed by the laws of Ireland.",
				"Any claim between you and us shall be resolved exclusively in the courts of Dublin."),
			category: "governing_law",
			want:     SeverityHigh,
			summary:  "consumers' home-country law and courts removed",
		},
		{
			name:     "the consumer's home law kept while the law changes",
			old:      doc("These terms are governed by the laws of Belgium, subject to the mandatory consumer laws of your country."),
			new:      doc("These terms are governed by the laws of Ireland, subject to the mandatory consumer laws of your country."),
			category: "governing_law",
			want:     SeverityMedium,
		},
		{
			name: "the consumer's home law added, other claims kept in the same courts",
			old:  doc("You and we agree that any claim between us shall be resolved exclusively in the courts of Dublin, Ireland."),
			new: doc("If you are a consumer, the laws of the country where you live apply to any claim you bring against us, and you may bring it in any competent court there.",
				"In all other cases, you and we agree that any claim shall be resolved exclusively in the courts of Dublin, Ireland."),
			category: "governing_law",
			want:     SeverityLow,
		},
		{
			name: "the consumer's home law added, an opening word is no name",
			old:  doc("These terms are governed by the laws of Ireland, and any claim shall be resolved exclusively in the courts of Dublin."),
			new: doc("If you are a consumer, the laws of the country where you live apply to any claim you bring against us.",
				"Otherwise, these terms are governed by the laws of Ireland and any claim shall be resolved exclusively in the courts of Dublin."),
			category: "governing_law",
			want:     SeverityLow,
		},
		{
			name: "the consumer's home law added, the operator named by its legal form",
			old:  doc("You and we agree that any claim between us shall be resolved exclusively in the courts of Dublin, Ireland."),
			new: doc("If you are a consumer, the laws of the country where you live apply to any claim you bring against us, and you may bring it in any competent court there.",
				"In all other cases, you and we agree that any claim shall be resolved exclusively in the courts of Dublin, Ireland.",
				"Acme Platforms, Inc. may also bring a claim against you in the courts of the country where you live."),
			category: "governing_law",
			want:     SeverityLow,
		},
		{
			name: "other claims moved to a country the operator's legal name holds",
			old:  doc("These terms are between you and Acme Ireland Limited, and any claim between us shall be resolved exclusively in the courts of Luxembourg."),
			new: doc("If you are a consumer, the laws of the country where you live apply to any claim you bring against us, and you may bring it in any competent court there.",
				"In all other cases, these terms are between you and Acme Ireland Limited, and any claim shall be resolved exclusively in the courts of Ireland."),
			category: "governing_law",
			want:     SeverityMedium,
		},
		{
			name: "the consumer's home law added while other claims move",
			old:  doc("You and we agree that any claim between us shall be resolved exclusively in the courts of Dublin, Ireland."),
			new: doc("If you are a consumer, the laws of the country where you live apply to any claim you bring against us, and you may bring it in any competent court there.",
				"In all other cases, you and we agree that any claim shall be resolved exclusively in the courts of Luxembourg."),
			category: "governing_law",
			want:     SeverityMedium,
		},
		{
			name:     "data kept forever",
			old:      doc("We delete your messages within 30 days after you close your account."),
			new:      doc("We delete your messages within 30 days after you close your account.", "We keep your personal data forever, even after you close your account."),
			category: "data_retention",
			want:     SeverityHigh,
		},
		{
			name:     "forever beside a limit to what is necessary",
			old:      doc("We delete your messages within 30 days after you close your account."),
			new:      doc("We delete your messages within 30 days after you close your account.", "We hope your friendships last forever, but we keep your personal data only as long as necessary to run the service."),
			category: "data_retention",
			want:     SeverityMedium,
		},
		{
			name:     "consent no longer the only basis",
			old:      doc("We use your health readings only with your consent."),
			new:      doc("We use your health readings with your consent or as otherwise permitted by law."),
			category: "consent",
			want:     SeverityHigh,
			summary:  "consent requirement removed",
		},
		{
			name:     "a safeguard stated elsewhere in the new version is kept",
			old:      doc("We share usage data with our partners in aggregated form.", "We share your data with service providers such as our payment processor."),
			new:      doc("We share your data with service providers like our payment processor.", "Our partners get usage data that we share with them in aggregated form only."),
			category: "data_sharing",
			want:     SeverityLow,
		},
		{
			name:     "sharing with advertisers for targeted ads",
			old:      doc("We share your data with service providers who host our servers."),
			new:      doc("We share your data with service providers who host our servers.", "We share your device identifiers with advertising partners so they can show you targeted ads on other apps."),
			category: "data_sharing",
			want:     SeverityHigh,
			summary:  "data sharing for targeted advertising",
		},
		{
			name:     "new recipients of personal data for advertising",
			old:      doc("We share your data with service providers who host our servers."),
			new:      doc("We share your data with service providers who host our servers.", "We share your email address and purchase history with our advertising partners."),
			category: "data_sharing",
			want:     SeverityHigh,
			summary:  "data sharing with advertisers",
		},
		{
			name:     "sharing aggregated reports with advertisers",
			old:      doc("We share your data with service providers who host our servers."),
			new:      doc("We share your data with service providers who host our servers.", "We share aggregated data with advertisers about how their ads perform."),
			category: "data_sharing",
			want:     SeverityMedium,
		},
		{
			name:     "ads personalized with the activity on the operator's other products",
			old:      doc("We show you ads based on the posts you like in the app."),
			new:      doc("We show you ads based on the posts you like in the app.", "If you link your accounts, we use your information to show you personalized ads across our family of products."),
			category: "ad_personalization",
			want:     SeverityHigh,
		},
		{
			name:     "ads personalized with the activity in the app",
			old:      doc("We may update this policy from time to time."),
			new:      doc("We may update this policy from time to time.", "We use the posts you like in the app to show you personalized ads."),
			category: "ad_personalization",
			want:     SeverityMedium,
		},
		{
			name:     "a duty to follow the law adds nothing",
			old:      doc("Sellers may show personalized ads to shoppers who opted in."),
			new:      doc("Sellers may show personalized ads to shoppers who opted in.", "All ads, personalized ads included, must comply with the laws of the country where they are shown."),
			category: "ad_personalization",
			want:     SeverityLow,
		},
		{
			name:     "a duty beyond the law is a change",
			old:      doc("Developers may share user data with third parties to run their app."),
			new:      doc("Developers may share user data with third parties to run their app.", "Developers must disclose each third party they share personal data with and get the user's permission first."),
			category: "data_sharing",
			want:     SeverityMedium,
		},
		{
			name:     "a prohibition on developers is a duty, not the practice",
			old:      doc("Developers may use the API to read a user's public profile."),
			new:      doc("Developers may use the API to read a user's public profile.", "Developers may not sell user data obtained through the API."),
			category: "data_sale",
			want:     SeverityMedium,
		},
		{
			name:     "a practice made optional",
			old:      doc("When you sign up, we require you to share your location with us through the app."),
			new:      doc("When you sign up, we ask you to share your location with us through the app to use all features.", "You can opt out of sharing your location when you sign up."),
			category: "location_data",
			want:     SeverityLow,
			summary:  "permission for location data added",
		},
		{
			name:     "a new use of location with an opt-out is still a new use",
			old:      doc("When you sign up, we ask you to share your location with us through the app."),
			new:      doc("When you sign up, we ask you to share your location with us through the app.", "We also use your location to pick the offers of our partners you see, and you can opt out of this in settings."),
			category: "location_data",
			want:     SeverityMedium,
		},
		{
			name:     "a safeguard said in other words is kept",
			old:      doc("We share usage data with our partners in aggregated form.", "We share your data with service providers such as our payment processor."),
			new:      doc("We share usage data with our partners in anonymised form.", "We share your data with service providers such as our payment processor."),
			category: "data_sharing",
			want:     SeverityLow,
		},
		{
			name:     "a minimum age changed is medium even with parental consent added",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 16 years old to use the service, or 13 with parental consent."),
			category: "children_data",
			want:     SeverityMedium,
		},
		{
			name:     "a minimum age changed while a profiling statement went",
			old:      doc("You must be at least 13 years old to use the service.", "We may use data of users under 18 for profiling."),
			new:      doc("You must be at least 16 years old to use the service."),
			category: "children_data",
			want:     SeverityMedium,
		},
		{
			name:     "children under the minimum age let in",
			old:      doc("You must be at least 13 years old to use the service."),
			new:      doc("You must be at least 13 years old to use the service on your own.", "Younger children may use a parent-managed account set up by their parent."),
			category: "children_data",
			want:     SeverityHigh,
		},
		{
			name:     "latitude and longitude are precise location",
			old:      doc("We collect your device location to show nearby members."),
			new:      doc("We collect your device location to show nearby members.", "If you allow it, we collect your location (latitude and longitude) from your device."),
			category: "location_data",
			want:     SeverityHigh,
		},
		{
			name:     "an aggravation that went narrows the practice",
			old:      doc("We collect your approximate location from your IP address.", "We also collect your precise GPS location in the background."),
			new:      doc("We collect your approximate location from your IP address."),
			category: "location_data",
			want:     SeverityLow,
		},
		{
			name:     "a licence no longer permanent",
			old:      doc("You grant us a worldwide, permanent licence to use, copy and show the content you post."),
			new:      doc("You grant us a worldwide licence to use, copy and show the content you post while your account is open."),
			category: "content_license",
			want:     SeverityLow,
		},
		{
			name:     "a plain statement that went while another stays narrows the practice",
			old:      doc("We collect your approximate location from your IP address.", "We use your location to show nearby members."),
			new:      doc("We collect your approximate location from your IP address."),
			category: "location_data",
			want:     SeverityLow,
		},
		{
			name:     "one way of finding contacts gone while uploads stay",
			old:      doc("You can upload your address book to find people you know.", "Members can also find friends by typing their phone number."),
			new:      doc("You can upload your address book to find people you know."),
			category: "contact_scanning",
			want:     SeverityLow,
		},
		{
			name:     "a retention statement that went, others staying, keeps its weight",
			old:      doc("We keep your messages for 30 days.", "We delete your photos within 7 days of closing your account."),
			new:      doc("We keep your messages for 30 days."),
			category: "data_retention",
			want:     SeverityMedium,
		},
		{
			name:     "a retention extension that ended",
			old:      doc("We retain your personal data for 90 days.", "This year we retain your personal data for an extra 90 days while we investigate abuse."),
			new:      doc("We retain your personal data for 90 days."),
			category: "data_retention",
			want:     SeverityLow,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := checkSeverity(t, tt.old, tt.new, tt.category, tt.want)
			if !strings.Contains(strings.ToLower(r.Summary), strings.ToLower(tt.summary)) {
				t.Errorf("summary %q lacks %q", r.Summary, tt.summary)
			}
		})
	}
}

// checkSeverity analyses the change from old to new and reports an error
// unless it has a change of category rated want.
func checkSeverity(t *testing.T, old, new, category string, want Severity) Report {
	t.Helper()
	r := Analyze(old, new)
	i := slices.IndexFunc(r.Provisions, func(p Provision) bool { return p.Category == category })
	if i < 0 {
		t.Fatalf("no %s change in %+v", category, r.Provisions)
	}
	if got := r.Provisions[i].Severity; got != want {
		t.Errorf("severity = %s, want %s (evidence %q)", got, want, r.Provisions[i].Evidence)
	}
	return r
}

// TestEscalateOtherLanguages checks that escalations written with accents
// match text tokenized the same way, for when the cues read French and
// German too.
func TestEscalateOtherLanguages(t *testing.T) {
	c := rules()
	tests := []struct {
		category, text string
		want           Severity
	}{
		{"location_data", "Nous collectons votre position précise à partir de votre appareil.", SeverityHigh},
		{"location_data", "Wir erheben Ihren genauen Standort, um Ihnen Profile in der Nähe zu zeigen.", SeverityHigh},
		{"location_data", "Wir erheben Ihren Standort (Breitengrad und Längengrad) über Ihr Gerät.", SeverityHigh},
		{"location_data", "Wir erheben Ihren ungefähren Standort anhand Ihrer IP-Adresse.", SeverityLow},
		{"data_sharing", "Nous partageons vos données avec nos partenaires pour de la publicité ciblée.", SeverityHigh},
		{"data_retention", "Ihre Daten werden auf unbestimmte Zeit gespeichert.", SeverityHigh},
		{"account_termination", "Nous pouvons fermer votre compte sans préavis.", SeverityMedium},
		{"account_termination", "En cas de fraude, votre compte peut être suspendu définitivement.", SeverityMedium},
		{"account_termination", "Bei wiederholten Verstößen wird Ihr Konto dauerhaft gesperrt.", SeverityMedium},
		{"account_termination", "Bei wiederholten Verstößen wird Ihr Konto gesperrt.", SeverityLow},
		{"consent", "En utilisant le service, vous consentez à la collecte de vos données.", SeverityMedium},
		{"consent", "Durch die Nutzung des Dienstes willigen Sie in die Verarbeitung ein.", SeverityMedium},
		{"content_license", "Vous nous accordez une licence irrévocable sur vos contenus.", SeverityHigh},
		{"content_license", "Sie räumen uns eine Lizenz ein, Ihre Inhalte für künstliche Intelligenz zu nutzen.", SeverityHigh},
		{"children_data", "Les enfants peuvent utiliser un compte géré par leurs parents.", SeverityHigh},
	}
	for _, tt := range tests {
		ci := slices.IndexFunc(c.cats, func(cc compiledCategory) bool { return cc.ID == tt.category })
		if ci < 0 {
			t.Fatalf("no category %s", tt.category)
		}
		if got, _ := c.escalate(ci, SeverityLow, tokenize(tt.text)); got != tt.want {
			t.Errorf("%s: escalate(%q) = %s, want %s", tt.category, tt.text, got, tt.want)
		}
	}
}

// TestRateRestatedEscalation checks that a statement restating one that
// already said the grave thing does not newly say it (the rewording is
// rated as such), while a new grave phrase, a new way of doing it or a
// changed figure in the restated statement still does.
func TestRateRestatedEscalation(t *testing.T) {
	tests := []struct {
		name, category, old, new string
		want                     Severity
	}{
		{"precise location reworded", "location_data",
			"We collect your precise location through GPS when you use the map.",
			"We collect your precise location through GPS whenever you open the map feature.",
			SeverityMedium},
		{"precise location reworded, its means dropped", "location_data",
			"If you give us permission, we can collect your precise location (latitude and longitude) through GPS, Bluetooth or Wi-Fi.",
			"If you give us your consent, we can collect your precise location (latitude and longitude) from your device.",
			SeverityLow},
		{"off-platform ads given a new purpose", "ad_personalization",
			"We use your activity on other websites to measure how our ads perform.",
			"We use your activity on other websites to measure how our ads perform and to make them more relevant to you.",
			SeverityHigh},
		{"ads newly based on sites that use the service", "ad_personalization",
			"We show you ads based on your activity in our apps.",
			"We show you ads based on your activity in our apps and on websites that use our services.",
			SeverityHigh},
		{"AI training on a new kind of content", "ai_training",
			"We use your public posts to train our AI models.",
			"We use your public posts and your messages to train our AI models.",
			SeverityHigh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(tt.old), doc(tt.new), tt.category, tt.want)
		})
	}
}
