package analysis

import (
	"strings"
	"testing"
)

// A negation written short or in full, and initials with or without dots,
// are the same statement: a page moving from "are not allowed" to "aren't
// allowed", or from "US" to "U.S.", changes no provision.
func TestCompareKeyStyle(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"ads that target these countries are not allowed", "ads that target these countries arent allowed", true},
		{"we do not sell your data", "we dont sell your data", true},
		{"you cannot opt out", "you can not opt out", true},
		{"we will not share it", "we wont share it", true},
		{"we do not sell your data", "we do sell your data", false},
		{"the courts of the u s will decide", "the courts of the us will decide", true},
		{"courts of the us", "courts of the uk", false},
		{"cookies help tailor ads off of our products", "cookies help tailor ads off our products", true},
	}
	for _, tt := range tests {
		ka, kb := compareKey(strings.Fields(tt.a)), compareKey(strings.Fields(tt.b))
		if (ka == kb) != tt.same {
			t.Errorf("compareKey(%q) = %q, compareKey(%q) = %q, want same = %v", tt.a, ka, tt.b, kb, tt.same)
		}
	}
}
