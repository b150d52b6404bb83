package analysis

import "testing"

// developerIntro speaks to the developer of an app, as developer terms and
// developer program policies do.
var developerIntro = []string{
	"These terms apply when you publish your app in our store and when your app reaches your users.",
	"You decide how your app looks and what your users see in your app.",
	"Updates to your app reach your users within a day; your app keeps its reviews.",
	"We may feature your app in our lists.",
}

// consumerIntro speaks to the user of a service, as consumer terms do.
var consumerIntro = []string{
	"These terms apply when you use our service, your account and your content.",
	"You decide what you post and who sees your profile.",
	"Updates to the service reach you within a day.",
	"We may feature your posts in our lists.",
}

// TestAddressesBusiness checks that a document that keeps speaking of the
// reader's app, users or customers is addressed to a developer or a
// business, and one that speaks of the reader's account and content is not.
func TestAddressesBusiness(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"developer terms", doc(developerIntro...), true},
		{"consumer terms", doc(consumerIntro...), false},
		{"a consumer policy naming your app once", doc(append(consumerIntro, "You can also sign in from your app.")...), false},
		{"business terms", "Your customers pay through your store. Your listings show your customers' reviews. Your campaigns reach your customers. Your ads, your listings and your campaigns are yours.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := addressesBusiness(tt.text); got != tt.want {
				t.Errorf("addressesBusiness = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRateYouDuty checks that "you" bound by a duty or a limit is the
// reader of developer terms (medium, a new rule to follow, however grave
// the practice or however low the category), while in consumer terms the
// same sentence keeps the category's own rating.
func TestRateYouDuty(t *testing.T) {
	tests := []struct {
		name, category, sentence string
		developer, consumer      Severity
	}{
		{"a limit on you and your app's use of data for training", "ai_training",
			"You and your app may not use the network data you receive for advertising or to train models.", SeverityMedium, SeverityLow},
		{"a limit on you, your app and your accessory", "ai_training",
			"You, your app, and any paired accessory may not use the network data to train models.", SeverityMedium, SeverityLow},
		{"you remain responsible for consent", "consent",
			"You remain responsible for obtaining the consent of every person whose data you send us.", SeverityMedium, SeverityLow},
		{"you represent that you obtained consent", "consent",
			"You represent and warrant that you have obtained all consents needed to share your content with us.", SeverityMedium, SeverityLow},
		{"you must not sell the data", "data_sale",
			"You must not sell the personal data of users to data brokers.", SeverityMedium, SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(developerIntro...), doc(append(developerIntro, tt.sentence)...), tt.category, tt.developer)
			checkSeverity(t, doc(consumerIntro...), doc(append(consumerIntro, tt.sentence)...), tt.category, tt.consumer)
		})
	}
}
