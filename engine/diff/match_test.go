package diff

import (
	"strings"
	"testing"
)

// A heading used twice in the new version ("General" as a new subheading
// of the fees, beside the general terms) or the old general terms kept
// under another heading must not make the unchanged general terms look
// removed or rewritten: the new subheading's section is what was added.
func TestMatchHeadingUsedTwice(t *testing.T) {
	const fees = "You agree to pay all fees when due. We do not provide cash refunds."
	const general = "No waiver of any term shall be deemed a further waiver of that term. These terms are the entire agreement."
	old := "# Terms\n\n## 10. Fees\n\n" + fees + "\n\n## 17. General\n\n" + general + "\n"
	tests := []struct {
		name string
		new  string
	}{
		{"the general terms keep their heading", "# Terms\n\n## 10. Fees\n\n**General**\n\n" + fees + " You get no refund if we close your account for a breach.\n\n## 17. General\n\n" + general + "\n"},
		{"the general terms under another heading", "# Terms\n\n## 10. Fees\n\n**General**\n\n" + fees + " You get no refund if we close your account for a breach.\n\n## 17. Miscellaneous\n\n" + general + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(old, tt.new)
			var added bool
			for _, s := range res.Sections {
				for _, r := range s.Removed {
					if strings.HasPrefix(r, "No waiver") {
						t.Errorf("section %q (%s) lists the unchanged waiver as removed", s.Heading, s.Kind)
					}
				}
				if s.Heading == "General" && s.Kind == KindAdded {
					added = true
				}
			}
			if !added {
				t.Errorf("sections %+v: want the fees subheading General added", res.Sections)
			}
		})
	}
}
