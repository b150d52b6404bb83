package analysis

import "testing"

// TestNamesClause checks that every sentence the clause pattern matches is
// one namesClause lets through, so that asking it first loses no title.
func TestNamesClause(t *testing.T) {
	tests := []struct {
		text string
		want bool // the pattern matches
	}{
		{"Sections 6 and 7 (Privacy) survive termination.", true},
		{"SECTION 11 (DISPUTES) applies.", true},
		{"See clause 4(b) (Fees).", true},
		{"Under Article 27 (Representatives) we name one.", true},
		{"paragraph 2 (a) applies", true},
		{"see **Section** 3 (Payments)", true},
		{"Section11 (Notices) applies.", true},
		{"We keep your data (for a while).", false},
		{"A subsection 3 (notices) is not a section number.", false},
		{"Our articles of association (the bylaws) say so.", false},
	}
	for _, tt := range tests {
		if got := clauseRef.MatchString(tt.text); got != tt.want {
			t.Fatalf("clauseRef.MatchString(%q) = %v, want %v", tt.text, got, tt.want)
		}
		if tt.want && !namesClause(tt.text) {
			t.Errorf("namesClause(%q) = false, but the pattern matches", tt.text)
		}
	}
	for _, text := range []string{"We keep your data (for a while).", "Contact us (by e-mail) at any time."} {
		if namesClause(text) {
			t.Errorf("namesClause(%q) = true, want false: it names no clause", text)
		}
	}
}
