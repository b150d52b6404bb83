package extract

import (
	"slices"
	"testing"
)

func TestHasClass(t *testing.T) {
	tests := []struct {
		value string
		seen  []string // the names match is asked about, in order
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a b", []string{"a", "b"}},
		{"a  b", []string{"a", "", "b"}},
		{" a\tb\n", []string{"", "a", "b"}},
		{"a\fb\rc", []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		var seen []string
		found := hasClass(tt.value, func(name string) bool {
			seen = append(seen, name)
			return false
		})
		if found || !slices.Equal(seen, tt.seen) {
			t.Errorf("hasClass(%q) asked about %q (found %v), want %q", tt.value, seen, found, tt.seen)
		}
		if len(tt.seen) > 0 && !hasClass(tt.value, func(name string) bool { return name == tt.seen[len(tt.seen)-1] }) {
			t.Errorf("hasClass(%q) did not find %q", tt.value, tt.seen[len(tt.seen)-1])
		}
	}
}
