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
