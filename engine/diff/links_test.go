package diff

import "testing"

func TestSignificantLinkNoise(t *testing.T) {
	const old = "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
		"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n"
	tests := []struct {
		name string
		new  string
		same bool
	}{
		{"identical", old, true},
		{"scheme flip", "Read our [Privacy Statement](http://example.com/legal/privacy/) and the ODR platform at https://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"trailing slash and host case", "Read our [Privacy Statement](https://Example.com/legal/privacy) and the ODR platform at http://ec.europa.eu/consumers/odr.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"in-page links become text", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: Your data, Cookies.\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"in-page link targets in angle brackets", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](<#data>), [Cookies](<#cookies>).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"decorative image gone", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"spacing around punctuation", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/ .\n\n" +
			"Contents: [Your data](#data),[Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073,Minato-ku , Japan.\n", true},
		{"link target changed", "Read our [Privacy Statement](https://example.com/legal/privacy-2024/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", false},
		{"link query changed", "Read our [Privacy Statement](https://example.com/legal/privacy/?region=eu) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", false},
		{"image alt added", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![Data flows to our processors](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", false},
		{"text became an outside link", "Read our [Privacy Statement](https://example.com/legal/privacy/) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
			"Contents: [Your data](#data), [Cookies](https://example.com/cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if same := Significant(old) == Significant(tt.new); same != tt.same {
				t.Fatalf("same = %v, want %v\n%q\n%q", same, tt.same, Significant(old), Significant(tt.new))
			}
		})
	}
}

// A heading's anchor written with its spaces, bare or in angle brackets,
// is the same in-page link; only its text counts.
func TestSignificantSpacedAnchors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		same     bool
	}{
		{"spaces bare and in brackets",
			"* [How refunds are paid](#How refunds are paid)\n* [Contact us](#Contact us)\n",
			"* [How refunds are paid](<#How refunds are paid>)\n* [Contact us](<#Contact us>)\n", true},
		{"spaced anchor rewritten with underscores",
			"See [How fees are set](#How fees are set) below.\n",
			"See [How fees are set](#How_fees_are_set) below.\n", true},
		{"anchor renamed",
			"See [How refunds are paid](#How refunds are paid).\n",
			"See [How refunds are paid](#Refunds and returns).\n", true},
		{"link text changed",
			"See [How refunds are paid](<#How refunds are paid>).\n",
			"See [How credits are paid](<#How refunds are paid>).\n", false},
		{"outside link in brackets still counts",
			"See [our refund page](<https://example.com/refunds>).\n",
			"See [our refund page](<https://example.com/credits>).\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if same := Significant(tt.old) == Significant(tt.new); same != tt.same {
				t.Fatalf("same = %v, want %v\n%q\n%q", same, tt.same, Significant(tt.old), Significant(tt.new))
			}
		})
	}
}
