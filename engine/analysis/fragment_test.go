package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// wholePolicy returns a privacy policy of our own words: a title and n
// sections of a few sentences, some stating practices.
func wholePolicy(n int) string {
	var b strings.Builder
	b.WriteString("# Privacy Policy\n\nThis policy explains how Acme handles the information of its members.\n\n")
	for i := range n {
		fmt.Fprintf(&b, "## Part %d\n\n", i+1)
		fmt.Fprintf(&b, "We share your personal data with our payment partners to settle order number %d and keep records of it. ", i+1)
		b.WriteString("We keep your messages for two years after you close your account, unless the law asks us to keep them longer. ")
		b.WriteString("You can opt out of interest-based ads in your account settings at any time. ")
		b.WriteString("We use your precise location to show you members near you when you turn the feature on.\n\n")
	}
	return b.String()
}

// TestFragmentIsNoProvisionChange: a version that lost nearly all of the
// document and says next to nothing new (a page cut off, an error line
// instead of the policy), or the whole text coming back after one, is a
// wrong capture: no provision is compared and the report says which
// version looks incomplete. A real shortening or a short notice that
// replaces the policy is compared as any change.
func TestFragmentIsNoProvisionChange(t *testing.T) {
	whole := wholePolicy(8)
	cut := whole[:strings.Index(whole, "## Part 1")] + "## Part 1\n\nWe share your personal data with our pay"
	tests := []struct {
		name       string
		old, new   string
		incomplete string // "": provisions compared
	}{
		{"page cut off after its first lines", whole, cut, IncompleteNew},
		{"only the title left", whole, "# Privacy Policy\n", IncompleteNew},
		{"an error line instead of the policy", whole, "# Sorry, this page could not be found\n", IncompleteNew},
		{"the whole text back after a cut", cut, whole, IncompleteOld},
		{"half of the policy removed", whole, wholePolicy(4), ""},
		{"a notice pointing elsewhere replaces the policy", whole,
			"# Privacy Policy\n\nOur privacy policy has moved: the policy of our parent company Globex now applies to every member of Acme, who can read it on the Globex website.\n", ""},
		{"a short policy cut", wholePolicy(1), "# Privacy Policy\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.old, tt.new)
			if r.Incomplete != tt.incomplete {
				t.Fatalf("incomplete = %q, want %q (summary %q)", r.Incomplete, tt.incomplete, r.Summary)
			}
			if tt.incomplete != "" && len(r.Provisions) > 0 {
				t.Errorf("provisions compared on a fragment: %+v", r.Provisions)
			}
			if tt.incomplete == "" && len(r.Provisions) == 0 {
				t.Errorf("no provision change reported: summary %q", r.Summary)
			}
		})
	}
}

// FuzzWordCount holds wordCount to counting strings.Fields.
func FuzzWordCount(f *testing.F) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\nline", "non\u00a0breaking\u2003space", "\xff\xfe bad", "ünïcode wörds"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("wordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
