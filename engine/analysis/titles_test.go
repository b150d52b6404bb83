package analysis

import (
	"slices"
	"strings"
	"testing"
)

func TestTitleSentences(t *testing.T) {
	body := strings.Join([]string{
		"4. **Your Content, Licence to Us and AI Features**",
		"",
		"**How to Decline Renewal**",
		"",
		"Arbitration of Disputes",
		"",
		"* Location Data",
		"* Device Identifiers",
		"",
		"We keep your data for a year.",
		"",
		"**Note:** we may change these terms.",
		"",
		"the results of the survey",
		"",
		"Line one of a paragraph",
		"that goes on here",
	}, "\n")
	got := titleSentences(body)
	want := []string{"Your Content, Licence to Us and AI Features", "How to Decline Renewal", "Arbitration of Disputes"}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("titleSentences = %q, want %q", keys, want)
	}
}

// TestTitleCountsWithItsSection: a title reworded over a section that
// says what it said changes no provision; a new section's title may be
// the only place its category is named.
func TestTitleCountsWithItsSection(t *testing.T) {
	const doc = "# Terms\n\n3. **Using the Service**\n\n    You must follow our rules when you use the service.\n\n4. **%s**\n\n    You keep ownership of what you post.\n\n    You grant us a worldwide, non-exclusive, royalty-free licence to host, copy and display the content you post.\n%s\n5. **Ending These Terms**\n\n    You may stop using the service at any time.\n"
	old := strings.Replace(strings.Replace(doc, "%s", "Your Content and Licence to Us", 1), "%s", "", 1)
	renamed := strings.Replace(strings.Replace(doc, "%s", "Content in the Service, Licence Grant to Us and Consent to AI Features", 1), "%s", "\n    We may show you summaries of long threads written by software.\n", 1)
	section := strings.Replace(old, "5. **Ending", "5. **Arbitration of Disputes**\n\n    Any dispute goes before a single neutral under the rules of the chamber of commerce in Paris, whose decision binds both of us.\n\n6. **Ending", 1)
	tests := []struct {
		name, new string
		want, not []string
	}{
		{"renamed over the same section", renamed, nil, []string{"content_license"}},
		{"a new section named by its title", section, []string{"arbitration"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(old, tt.new)
			var cats []string
			for _, p := range r.Provisions {
				cats = append(cats, p.Category)
			}
			for _, c := range tt.want {
				if !slices.Contains(cats, c) {
					t.Errorf("provisions %v lack %s (%s)", cats, c, r.Materiality)
				}
			}
			for _, c := range tt.not {
				if slices.Contains(cats, c) {
					t.Errorf("provisions %v have %s", cats, c)
				}
			}
		})
	}
}
