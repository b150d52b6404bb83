package diff

import (
	"slices"
	"testing"
)

// materialityCase is an edit between two versions and the materiality it
// must get; reason, when set, is a kind of editorial edit it must name.
type materialityCase struct {
	name     string
	old, new string
	want     string
	reason   string
}

// checkMateriality compares the versions of each case both ways.
func checkMateriality(t *testing.T, tests []materialityCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, dir := range [][2]string{{tt.old, tt.new}, {tt.new, tt.old}} {
				res := Compare(dir[0], dir[1])
				if !res.Changed {
					t.Fatalf("Changed = false; the case must differ beyond noise")
				}
				if res.Materiality != tt.want {
					t.Fatalf("%q -> %q: Materiality = %q (%v), want %q", dir[0], dir[1], res.Materiality, res.Editorial, tt.want)
				}
				if tt.reason != "" && !slices.Contains(res.Editorial, tt.reason) {
					t.Errorf("Editorial = %v, want it to include %q", res.Editorial, tt.reason)
				}
			}
		})
	}
}
