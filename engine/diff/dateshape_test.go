package diff

import "testing"

func TestHasDateShape(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Last updated: March 3, 2026", true},
		{"Effective 2026-03-01", true},
		{"Updated 12/31/24", true},
		{"Revised 1.2.25", true},
		{"We keep logs for 30 days after a change.", false},
		{"Section 3 may change", false},
		{"No digits here", false},
	}
	for _, tt := range tests {
		if got := hasDateShape(tt.line); got != tt.want {
			t.Errorf("hasDateShape(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
	// The guard must not change what Significant keeps.
	if Significant("Last updated: March 3, 2026\n\nText.") != Significant("Last updated: April 9, 2027\n\nText.") {
		t.Error("dates still differ after the guard")
	}
}
