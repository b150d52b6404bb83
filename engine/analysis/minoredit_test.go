package analysis

import "testing"

// TestMinorEdit: spelling, stops in abbreviations and words that say
// nothing leave a statement as it was; a changed term, number or
// negation does not.
func TestMinorEdit(t *testing.T) {
	tests := []struct {
		old, new string
		want     bool
	}{
		{"You grant us a license to content (like photos) you share.", "You grant us a licence to content (e.g. photos) that you share.", true},
		{"Claims must be resolved in the U.S. District Court.", "Claims must be resolved in the US District Court.", true},
		{"You also will ensure that you own the rights.", "You will also ensure that you own the rights.", true},
		{"We keep logs for 90 days.", "We keep logs for 30 days.", false},
		{"We sell your data to partners.", "We do not sell your data to partners.", false},
		{"Claims are governed by the laws of California.", "Claims are governed by the laws of Ireland.", false},
	}
	for _, tt := range tests {
		if got := minorEdit(tokenize(tt.old).words, tokenize(tt.new).words); got != tt.want {
			t.Errorf("minorEdit(%q, %q) = %v, want %v", tt.old, tt.new, got, tt.want)
		}
	}
}
