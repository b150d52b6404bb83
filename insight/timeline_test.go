package insight_test

import (
	"encoding/json"
	"testing"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

func change(t *testing.T, id int64, ps ...analysis.Provision) store.Change {
	t.Helper()
	raw, err := json.Marshal(ps)
	if err != nil {
		t.Fatal(err)
	}
	return store.Change{ID: id, Provisions: raw, Document: &store.Document{DocType: "Terms of Service"}}
}

func TestTimeline(t *testing.T) {
	changes := []store.Change{
		change(t, 3, analysis.Provision{Category: "ai_training", Change: "added", Severity: "high"}),
		{ID: 2}, // no provisions: not a governance change
		change(t, 1, analysis.Provision{Category: "arbitration", Change: "added", Severity: "high"}, analysis.Provision{Category: "ai_training", Change: "removed", Severity: "low"}),
	}
	tests := []struct {
		filter string
		want   []int64 // change ids, in order
		counts []int   // provisions per entry
	}{
		{"", []int64{3, 1}, []int{1, 2}},
		{"ai_training", []int64{3, 1}, []int{1, 1}},
		{"arbitration", []int64{1}, []int{1}},
		{"data_sale", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			got, err := insight.NewCategories().Timeline(changes, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("timeline has %d entries, want %d", len(got), len(tt.want))
			}
			for i, e := range got {
				if e.ChangeID != tt.want[i] || len(e.Provisions) != tt.counts[i] || e.DocType != "Terms of Service" {
					t.Errorf("entry %d = change %d with %d provisions (%q), want change %d with %d", i, e.ChangeID, len(e.Provisions), e.DocType, tt.want[i], tt.counts[i])
				}
			}
		})
	}
}

func TestTimelineRefusesUnreadableProvisions(t *testing.T) {
	_, err := insight.NewCategories().Timeline([]store.Change{{ID: 9, Provisions: []byte("{not json")}}, "")
	if err == nil {
		t.Fatal("no error for unreadable provisions")
	}
}
