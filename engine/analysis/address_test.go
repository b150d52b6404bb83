package analysis

import (
	"slices"
	"testing"
)

// TestTermFiguresAddress checks that the numbers of a postal address are
// no figures of a statement, while periods, ages and amounts beside one
// still are.
func TestTermFiguresAddress(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"We use the consent tool of Lindwurm GmbH, Rosental 4, 80331 Munich, Germany.", nil},
		{"We use the consent tool of Lindwurm GmbH, Hafenstr. 12, 20095 Hamburg, Germany.", nil},
		{"Write to Kestrel SAS, 5 rue Feydeau 75002 Paris, France.", nil},
		{"Write to Kestrel Inc., 100 Market Street, San Francisco, CA 94105.", nil},
		{"Lindwurm GmbH, Rosental 4, 80331 Munich, keeps the consent records for 12 months.", []string{"12"}},
		{"We keep your data for 30 days in 2025 Reports.", []string{"30", "2025"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := termFigures(finding{text: tt.text, words: tokenize(tt.text).words}); !slices.Equal(got, tt.want) {
				t.Errorf("termFigures = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRateConsentCompanyMoved checks that consent named for access to the
// device beside a consent tool whose company moved is low: no period, age
// or amount changed, only an address.
func TestRateConsentCompanyMoved(t *testing.T) {
	old := doc("The legal basis for processing the data is your consent.",
		"To manage consent we use the platform of Lindwurm GmbH, Rosental 4, 80331 Munich, Germany.")
	new := doc("The legal basis for processing the data and for access to your device is your consent.",
		"To manage consent we use the platform of Lindwurm GmbH, Hafenstr. 12, 20095 Hamburg, Germany.")
	checkSeverity(t, old, new, "consent", SeverityLow)
}
