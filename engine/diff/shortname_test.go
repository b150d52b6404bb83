package diff

import (
	"slices"
	"testing"
)

// TestMaterialityShortName checks a company's defined short name
// replaced throughout by the company's own name, which the old version
// wrote only with its legal form, and the same replacement where the old
// version used the new name for something else or never defined the
// short name.
func TestMaterialityShortName(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"short name becomes the company's name",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield, hereinafter ExampleMobility.\n\n## Tickets\n\nExampleMobility may cancel tickets. Write to ExampleMobility first.\n",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield, hereinafter Example.\n\n## Tickets\n\nExample may cancel tickets. Write to Example first.\n",
			Editorial},
		{"short name never defined",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield.\n\n## Tickets\n\nExampleMobility may cancel tickets. Write to ExampleMobility first.\n",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield.\n\n## Tickets\n\nExample may cancel tickets. Write to Example first.\n",
			Substantive},
		{"new name already used alone",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield, hereinafter ExampleMobility. Example runs the app.\n\n## Tickets\n\nExampleMobility may cancel tickets. Write to ExampleMobility first.\n",
			"## Seller\n\nThe seller is Example SE, 1 Main Street, 80001 Springfield, hereinafter Example. Example runs the app.\n\n## Tickets\n\nExample may cancel tickets. Write to Example first.\n",
			Substantive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(tt.old, tt.new)
			if res.Materiality != tt.want {
				t.Fatalf("Materiality = %q (%v), want %q", res.Materiality, res.Editorial, tt.want)
			}
			if tt.want == Editorial && !slices.Contains(res.Editorial, ReasonRename) {
				t.Errorf("Editorial = %v, want it to include %q", res.Editorial, ReasonRename)
			}
		})
	}
}
