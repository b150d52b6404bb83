package insight_test

import (
	"slices"
	"testing"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
)

func TestExposure(t *testing.T) {
	tests := []struct {
		name    string
		ps      []analysis.Provision
		want    analysis.Severity
		drivers []string
	}{
		{"none", nil, analysis.SeverityLow, nil},
		{"low only", []analysis.Provision{{Category: "governing_law", Severity: "low"}}, analysis.SeverityLow, nil},
		{"medium", []analysis.Provision{{Category: "governing_law", Severity: "low"}, {Category: "data_sharing", Severity: "medium"}}, analysis.SeverityMedium, []string{"Data sharing with third parties"}},
		{"high wins", []analysis.Provision{{Category: "data_sharing", Severity: "medium"}, {Category: "ai_training", Severity: "high"}, {Category: "data_sale", Severity: "high"}}, analysis.SeverityHigh, []string{"AI training", "Sale of personal data"}},
		{"drivers once each", []analysis.Provision{{Category: "ai_training", Severity: "high"}, {Category: "ai_training", Severity: "high"}}, analysis.SeverityHigh, []string{"AI training"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, drivers := insight.NewCategories().Exposure(tt.ps)
			if got != tt.want || !slices.Equal(drivers, tt.drivers) {
				t.Errorf("exposure = %s %q, want %s %q", got, drivers, tt.want, tt.drivers)
			}
		})
	}
}

func TestTitlesNameEachCategoryOnce(t *testing.T) {
	ps := []analysis.Provision{{Category: "ai_training"}, {Category: "arbitration"}, {Category: "ai_training"}, {Category: "not_a_category"}}
	got := insight.NewCategories().Titles(ps)
	want := []string{"AI training", "Mandatory arbitration", "not_a_category"}
	if !slices.Equal(got, want) {
		t.Errorf("titles = %q, want %q", got, want)
	}
}
