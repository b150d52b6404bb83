package analysis

import (
	"slices"
	"testing"
)

// TestChangeKindOfRewording: a new statement beside others of its
// category is added, unless every new one rewords a sentence that went; a
// sentence that went is reworded into the new sentence nearest to it only.
func TestChangeKindOfRewording(t *testing.T) {
	const optOut = "You can opt out of marketing emails in your settings."
	// Each case: its name, the category, a statement of it in both
	// versions, the paragraphs that went and those that came beside it,
	// and the change kind wanted.
	tests := []struct {
		name, category, stays string
		gone, came            []string
		want                  string
	}{
		{"a sentence reworded into the category", "opt_out", optOut,
			[]string{"You can manage the ads you see in our apps at any time."},
			[]string{"You can turn off the ads you see in our apps at any time."},
			ChangeModified},
		{"a new statement beside the rewording of a sentence that went", "opt_out", optOut,
			[]string{"You acknowledge that by using our apps, we will show you ads that we think may be relevant to you."},
			[]string{"We show you ads that we think may be relevant to you.", "You can also turn off ads in our apps if you want to."},
			ChangeAdded},
		{"a sentence reworded into the category beside a new statement", "consent", "You agree to receive our newsletter.",
			[]string{"We will tell you before we use your photos in our ads."},
			[]string{"We will ask for your permission before we use your photos in our ads.", "By using the app, you consent to the processing of your location data."},
			ChangeAdded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(doc(append([]string{tt.stays}, tt.gone...)...), doc(append([]string{tt.stays}, tt.came...)...))
			i := slices.IndexFunc(r.Provisions, func(p Provision) bool { return p.Category == tt.category })
			if i < 0 {
				t.Fatalf("no %s change in %+v", tt.category, r.Provisions)
			}
			if got := r.Provisions[i].Change; got != tt.want {
				t.Errorf("change = %s, want %s (evidence %q, previously %q)", got, tt.want, r.Provisions[i].Evidence, r.Provisions[i].OldEvidence)
			}
		})
	}
}
