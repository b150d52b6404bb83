package analysis

import (
	"slices"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := map[string][]string{
		"19.3.2 Cached output is kept for at most 30 days.":        {"30"},
		"(4) Accounts inactive for two years are deleted.":         {"2"},
		"You must be 18 or older, or 13 with consent.":             {"18", "13"},
		"No one may use the Services for commercial ends.":         nil,
		"The fee of USD 100 is due within 030 days of sale.":       {"100", "30"},
		"We may suspend it as set out in Section 14.4 for 7 days.": {"7"},
		"We rely on your consent (Art. 9 (2) GDPR).":               nil,
	}
	for text, want := range tests {
		if got := figures(tokenize(text).words); !slices.Equal(got, want) {
			t.Errorf("figures(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := map[string][]string{
		"These Terms are governed by the laws of France.": {"terms", "france"},
		"California law will govern all disputes.":        {"california"},
		"All disputes go to the courts of Dublin.":        {"dublin"},
	}
	for text, want := range tests {
		if got := names(text); !slices.Equal(got, want) {
			t.Errorf("names(%q) = %q, want %q", text, got, want)
		}
	}
}
