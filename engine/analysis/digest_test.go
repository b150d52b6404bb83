package analysis

import (
	"slices"
	"testing"
)

// TestDigestRestatesThePage: the items of a page's digest of itself are
// no change of a provision when the digest comes or goes; the same items
// under another heading are, and so is text after the digest's list.
func TestDigestRestatesThePage(t *testing.T) {
	const page = "# Partner rules\n\nThese rules apply to every partner.\n\n" +
		"## Data\n\nWe share your personal data with advertising partners. We may terminate your account if you break these rules.\n"
	digest := func(heading, after string) string {
		return "# Partner rules\n\n" + heading + "\n\nflag\n\n" +
			"*   We share your personal data with advertising partners to measure ads.\n    \n" +
			"*   Accounts may be terminated when partners break the rules.\n\n" +
			"These rules apply to every partner." + after + "\n\n" +
			"## Data\n\nWe share your personal data with advertising partners. We may terminate your account if you break these rules.\n"
	}
	tests := []struct {
		name, old, new string
		want           []string // categories changed
	}{
		{"digest added", page, digest("AI-generated Key Takeaways\n--------------------------", ""), nil},
		{"digest renamed", digest("## Key takeaways", ""), digest("## Page summary", ""), nil},
		{"digest removed", digest("## Page Summary", ""), page, nil},
		{"the same list under another heading", page, digest("## Our rules", ""), []string{"account_termination", "data_sharing"}},
		{"new text after the digest's list", page, digest("## Key takeaways", " We sell your personal information to data brokers."), []string{"data_sale"}},
		{"a summary and a table of dos and don'ts added under bold titles", page,
			"# Partner rules\n\n![](icon.png)**Policy** **Summary**\n\nWe share your personal data with advertising partners to measure ads.\n\n" +
				"![](icon.png) **Full Policy**\n\nThese rules apply to every partner.\n\n" +
				"## Data\n\nWe share your personal data with advertising partners. We may terminate your account if you break these rules.\n\n" +
				"**Key Considerations**\n\n| **Do** | **Don't** |\n| --- | --- |\n| Read the rules. | Break the rules, or your account may be terminated. |\n",
			nil},
		{"the same paragraph under a bold line that is no digest's title", page,
			"# Partner rules\n\n**Advertising**\n\nWe sell your personal information to data brokers.\n\nThese rules apply to every partner.\n\n" +
				"## Data\n\nWe share your personal data with advertising partners. We may terminate your account if you break these rules.\n",
			[]string{"data_sale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.old, tt.new)
			got := provisionCategories(r.Provisions)
			slices.Sort(got)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("categories %v, want %s among them", got, w)
				}
			}
			if tt.want == nil && len(got) > 0 {
				t.Errorf("categories %v, want none", got)
			}
		})
	}
}

func TestDigestSentences(t *testing.T) {
	tests := []struct {
		name, heading, body string
		in, out             []string
	}{
		{"the first list under a digest heading", "AI-generated Key Takeaways",
			"outlined_flag\n\n*   First point.\n    \n*   Second point, which goes\n    on here.\n\nThe page begins.\n\n*   A later list.\n",
			[]string{"First point.", "Second point, which goes", "on here."}, []string{"outlined_flag", "The page begins.", "A later list."}},
		{"a paragraph after a bold title behind an icon", "Malware",
			"Intro of the policy.\n\n![](//example.com/icon.png)**Policy** **Summary**\n\nApps must not steal data. They must ask first.\n\n![](//example.com/icon2.png) **Full Policy**\n\nApps must not steal data.\n",
			[]string{"Apps must not steal data.", "They must ask first."}, []string{"Intro of the policy."}},
		{"a table after a bold title", "Malware",
			"**Key Considerations**\n\n| **Do** | **Don't** |\n| --- | --- |\n| Ask for consent. | Sell the data. |\n\nChoose a section.\n",
			[]string{"Ask for consent.; Sell the data."}, []string{"Choose a section."}},
		{"a bold line that is no digest's title", "Malware",
			"**Full Policy**\n\nApps must not steal data.\n", nil, []string{"Apps must not steal data."}},
		{"a digest's title inside a sentence", "Malware",
			"See the **policy summary** below.\n\nApps must not steal data.\n", nil, []string{"Apps must not steal data."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := digestSentences(tt.heading, tt.body)
			for _, s := range tt.in {
				if !got[s] {
					t.Errorf("%q not in the digest %v", s, got)
				}
			}
			for _, s := range tt.out {
				if got[s] {
					t.Errorf("%q in the digest %v", s, got)
				}
			}
		})
	}
}
