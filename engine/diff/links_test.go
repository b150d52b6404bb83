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
		{"link language chosen", "Read our [Privacy Statement](https://example.com/legal/privacy/?hl=fr) and the ODR platform at http://ec.europa.eu/consumers/odr/?locale=de_DE.\n\n" +
			"Contents: [Your data](#data), [Cookies](#cookies).\n\n![](https://cdn.example.com/banner.png?width=794)\n\nTokyo 108-0073, Minato-ku, Japan.\n", true},
		{"link language beside another document", "Read our [Privacy Statement](https://example.com/legal/privacy/?hl=fr&doc=2) and the ODR platform at http://ec.europa.eu/consumers/odr/.\n\n" +
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

// Link targets that vary between renderings of the same link: redirect
// wrappers and their tokens, signed addresses of media files, links
// without text. A link that leads elsewhere still counts.
func TestSignificantLinkTargetNoise(t *testing.T) {
	const wrapped = "https://l.example.net/l.php?u=https%3A%2F%2Fhelp.example.com%2Frequests%3Fref%3Dpolicy&h=AT1xYz"
	tests := []struct {
		name     string
		old, new string
		same     bool
	}{
		{"redirect token changed",
			"Officials may use our [Online Request System](" + wrapped + ") to file requests.\n",
			"Officials may use our [Online Request System](https://l.example.net/l.php?u=https%3A%2F%2Fhelp.example.com%2Frequests%3Fref%3Dpolicy&h=AT9qRs) to file requests.\n", true},
		{"redirect wrapper dropped",
			"You can reach us [online](" + wrapped + ") or by post.\n",
			"You can reach us [online](https://help.example.com/requests?ref=policy) or by post.\n", true},
		{"redirect with the destination first",
			"See [help](https://out.example.org/?url=https%3A%2F%2Fhelp.example.com%2F&e=1).\n",
			"See [help](https://out.example.org/?e=2&url=https%3A%2F%2Fhelp.example.com).\n", true},
		{"redirect to another page",
			"You can reach us [online](" + wrapped + ") or by post.\n",
			"You can reach us [online](https://help.example.com/appeals?ref=policy) or by post.\n", false},
		{"sign-in page is no redirect",
			"[Log in](https://example.com/login?continue=https%3A%2F%2Fexample.com%2Fa)\n",
			"[Log in](https://example.com/login?continue=https%3A%2F%2Fexample.com%2Fb)\n", false},
		{"signed video address changed",
			"[Play video](https://cdn.example.net/v/AbC123.mp4?sig=1a2b&exp=1700000000)\n\nWe collect what you post.\n",
			"[Play video](https://cdn.example.net/v/XyZ789.mp4?sig=9f8e&exp=1800000000)\n\nWe collect what you post.\n", true},
		{"wrapped signed video address changed",
			"[Play video](https://example.com/video_redirect/?src=https%3A%2F%2Fcdn.example.net%2Fv%2FAbC.mp4%3Fsig%3D1)\n",
			"[Play video](https://example.com/video_redirect/?src=https%3A%2F%2Fcdn.example.net%2Fv%2FXyZ.mp4%3Fsig%3D2)\n", true},
		{"video link text changed",
			"[Play video](https://cdn.example.net/v/AbC123.mp4)\n",
			"[Play the video on data sales](https://cdn.example.net/v/AbC123.mp4)\n", false},
		{"empty link target changed",
			"Transparency report\n\n[](https://report.example.com/intro?lang=en)\n",
			"Transparency report\n\n[](https://report.example.com/intro)\n", true},
		{"document link is no media file",
			"Download the [terms](https://example.com/files/terms.pdf?v=1).\n",
			"Download the [terms](https://example.com/files/terms.pdf?v=2).\n", false},
		{"empty link to another page",
			"Transparency report\n\n[](https://report.example.com/intro?lang=en)\n",
			"Transparency report\n\n[](https://report.example.com/outro?lang=en)\n", false},
		{"empty link gone",
			"Transparency report\n\n[](https://report.example.com/intro?lang=en)\n",
			"Transparency report\n", false},
		{"empty in-page link gone",
			"[Contents](#1)[](#2)[More resources](#3)\n",
			"[Contents](#1)[More resources](#3)\n", true},
		{"illustration gone",
			"![Illustration of a lighthouse above a stormy sea.](https://cdn.example.net/i/a1.png?auto=format)\n\nSafety Centre\n",
			"Safety Centre\n", true},
		{"picture described otherwise",
			"![A photo of two friends laughing](https://cdn.example.net/i/a1.png)\n\nSafety Centre\n",
			"![A picture showing a park at night](https://cdn.example.net/i/b2.png)\n\nSafety Centre\n", true},
		{"image that says something gone",
			"![Your data stays in the EU](https://cdn.example.net/i/a1.png)\n\nSafety Centre\n",
			"Safety Centre\n", false},
		{"image named but not described",
			"![Image](https://cdn.example.net/i/a1.png) Safety Centre\n",
			"Safety Centre\n", false},
		{"cache-busting stamp of a file changed",
			"You can [download and save](https://assets.example.com/privacy_en.pdf?1656577249892) this policy.\n",
			"You can [download and save](https://assets.example.com/privacy_en.pdf?1657868278901) this policy.\n", true},
		{"named stamp in seconds changed",
			"See the [terms](https://example.com/terms.pdf?v=1700000000&lang=en).\n",
			"See the [terms](https://example.com/terms.pdf?v=1710000000).\n", true},
		{"stamped file replaced by another",
			"You can [download](https://assets.example.com/privacy_en.pdf?1656577249892) this policy.\n",
			"You can [download](https://assets.example.com/terms_en.pdf?1657868278901) this policy.\n", false},
		{"deployment stamp in the path changed",
			"Use the [withdrawal form](https://shop.example.com/static/-/Library/fr_FR/v1645596393170/cgv/withdrawal.docx).\n",
			"Use the [withdrawal form](https://shop.example.com/static/-/Library/fr_FR/v1645613574409/cgv/withdrawal.docx).\n", true},
		{"stamped path to another file",
			"Use the [withdrawal form](https://shop.example.com/static/v1645596393170/cgv/withdrawal.docx).\n",
			"Use the [withdrawal form](https://shop.example.com/static/v1645613574409/cgv/complaint.docx).\n", false},
		{"version segment is no stamp",
			"Read the [API terms](https://example.com/api/v1/terms).\n",
			"Read the [API terms](https://example.com/api/v2/terms).\n", false},
		{"analytics parameters changed",
			"Manage your [cookies](https://www.example.com/legal.html?_ga=2.1486.1579.1670783836-2419.1670783836&_gl=1*esbai9*_ga*MjQx).\n",
			"Manage your [cookies](https://www.example.com/legal.html?_gl=1*1mi5rs8*_ga*MTMw&_ga=2.1158.1892.1676397405-1307.1676397405&_gac=1.1830.1676398010.CjwKCAiA#).\n", true},
		{"campaign tags added",
			"See our [partners](https://example.com/partners?page=2).\n",
			"See our [partners](https://example.com/partners?utm_source=policy&page=2&gclid=AbC).\n", true},
		{"page parameter changed beside tags",
			"See our [partners](https://example.com/partners?page=2&utm_source=a).\n",
			"See our [partners](https://example.com/partners?page=3&utm_source=a).\n", false},
		{"empty fragment dropped",
			"Manage your [cookies](https://www.example.com/legal.html#).\n",
			"Manage your [cookies](https://www.example.com/legal.html).\n", true},
		{"fragment to another part of the page",
			"Manage your [cookies](https://www.example.com/legal.html#cookies).\n",
			"Manage your [cookies](https://www.example.com/legal.html#contact).\n", false},
		{"encoded space at the end of a target",
			"Use the platform [http://ec.example.eu/odr.](http://ec.example.eu/odr.%C2%A0) to complain.\n",
			"Use the platform [http://ec.example.eu/odr.](http://ec.example.eu/odr.) to complain.\n", true},
		{"page number shaped like a time",
			"Read the [answer](https://help.example.com/faq?id=1656577249).\n",
			"Read the [answer](https://help.example.com/faq?id=1656577250).\n", false},
		{"short version number",
			"See the [terms](https://example.com/terms?v=20240101).\n",
			"See the [terms](https://example.com/terms?v=20250101).\n", false},
		{"root of the page's fragment routes",
			"Raise a [content dispute](https://www.example.com/legal/notices/#/).\n",
			"Raise a [content dispute](https://www.example.com/legal/notices/#).\n", true},
		{"root of the fragment routes dropped",
			"Raise a [content dispute](https://www.example.com/legal/notices#/).\n",
			"Raise a [content dispute](https://www.example.com/legal/notices).\n", true},
		{"a route within the page",
			"Raise a [content dispute](https://www.example.com/legal/notices/#/disputes).\n",
			"Raise a [content dispute](https://www.example.com/legal/notices/#/).\n", false},
		{"screen-reader hint added to a link's text",
			"Read the [Seller Agreement](https://www.example.com/seller).\n",
			"Read the [Seller Agreement - Opens in new window or tab](https://www.example.com/seller).\n", true},
		{"hint added as the link leads elsewhere",
			"Read the [Seller Agreement](https://www.example.com/seller).\n",
			"Read the [Seller Agreement - opens in new window](https://www.example.com/buyer).\n", false},
		{"text added beside an empty link",
			"[](https://example.com/a)\n",
			"[](https://example.com/a) We may sell your data.\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if same := Significant(tt.old) == Significant(tt.new); same != tt.same {
				t.Fatalf("same = %v, want %v\n%q\n%q", same, tt.same, Significant(tt.old), Significant(tt.new))
			}
			if changed := Compare(tt.old, tt.new).Changed; changed == tt.same {
				t.Fatalf("Compare: changed = %v, want %v", changed, !tt.same)
			}
		})
	}
}
