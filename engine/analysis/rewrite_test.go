package analysis

import (
	"slices"
	"testing"
)

// TestChangeKindOfRewording: a new opt-out beside others is added, unless
// it rewords a sentence that went; a sentence that went is reworded into
// the new sentence nearest to it only.
func TestChangeKindOfRewording(t *testing.T) {
	const stays = "You can opt out of marketing emails in your settings."
	tests := []struct {
		name       string
		gone, came []string // the paragraphs besides the one that stays
		want       string
	}{
		{
			name: "a sentence reworded into the category",
			gone: []string{"You can manage the ads you see in our apps at any time."},
			came: []string{"You can turn off the ads you see in our apps at any time."},
			want: ChangeModified,
		},
		{
			name: "a new statement beside the rewording of a sentence that went",
			gone: []string{"You acknowledge that by using our apps, we will show you ads that we think may be relevant to you."},
			came: []string{"We show you ads that we think may be relevant to you.", "You can also turn off ads in our apps if you want to."},
			want: ChangeAdded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(doc(append([]string{stays}, tt.gone...)...), doc(append([]string{stays}, tt.came...)...))
			i := slices.IndexFunc(r.Provisions, func(p Provision) bool { return p.Category == "opt_out" })
			if i < 0 {
				t.Fatalf("no opt_out change in %+v", r.Provisions)
			}
			if got := r.Provisions[i].Change; got != tt.want {
				t.Errorf("change = %s, want %s (evidence %q, previously %q)", got, tt.want, r.Provisions[i].Evidence, r.Provisions[i].OldEvidence)
			}
		})
	}
}
