package app

import (
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Editorial corrections are counted apart from substantive changes, so the
// weekly chart does not show a typo fix as a change without severity.
func TestCountWeeksKeepsEditorialApart(t *testing.T) {
	first := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC) // a Monday
	marks := []store.ChangeMark{
		{CreatedAt: first.Add(time.Hour), Severity: "high", Materiality: store.MaterialitySubstantive},
		{CreatedAt: first.Add(2 * time.Hour), Materiality: store.MaterialityEditorial},
		{CreatedAt: first.AddDate(0, 0, 8), Materiality: store.MaterialitySubstantive},
		{CreatedAt: first.AddDate(0, 0, -1), Severity: "low"}, // before the first week
	}
	got := countWeeks(marks, first, 2)
	want := []weekCount{
		{Start: first, High: 1, Editorial: 1, Total: 2},
		{Start: first.AddDate(0, 0, 7), Other: 1, Total: 1},
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("week %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
