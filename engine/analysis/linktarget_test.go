package analysis

import (
	"slices"
	"testing"
)

// TestLinkTargetsNotRead: where a link points is not what its sentence
// says; the words of its address state no practice, and the link's own
// text and the sentence around it are read as ever.
func TestLinkTargetsNotRead(t *testing.T) {
	tests := []struct {
		text string
		cat  string
		want bool
	}{
		{"You can download the browser add-on [here](https://example.com/privacy/behavioral-advertising/) to stop analytics.", "ad_personalization", false},
		{"Our help centre answers questions on payments (see https://help.example.com/targeted-ads-and-sale-of-data).", "ad_personalization", false},
		{"Our help centre answers questions on payments (see www.example.com/sell-personal-data).", "data_sale", false},
		{"We use your activity to personalise the ads you see, as [this page](https://example.com/help) explains.", "ad_personalization", true},
		{"You can [opt out](https://example.com/choices) of marketing e-mails at any time.", "opt_out", true},
	}
	c := rules()
	for _, tt := range tests {
		cl := c.classified(tt.text, newMemo())
		got := slices.ContainsFunc(cl.verdicts, func(v verdict) bool { return c.cats[v.cat].ID == tt.cat })
		if got != tt.want {
			t.Errorf("%q: %s = %v, want %v", tt.text, tt.cat, got, tt.want)
		}
	}
}
