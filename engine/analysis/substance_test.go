package analysis

import (
	"slices"
	"testing"
)

func TestFigures(t *testing.T) {
	tests := map[string][]string{
		"19.3.2 Cached output is kept for at most 30 days.":                   {"30"},
		"(4) Accounts inactive for two years are deleted.":                    {"2"},
		"You must be 18 or older, or 13 with consent.":                        {"18", "13"},
		"No one may use the Services for commercial ends.":                    nil,
		"The fee of USD 100 is due within 030 days of sale.":                  {"100", "30"},
		"We may suspend it as set out in Section 14.4 for 7 days.":            {"7"},
		"We rely on your consent (Art. 9 (2) GDPR).":                          nil,
		"Sites directed to children under 13 (16 CFR part 312) need consent.": {"13"},
		"Records are kept 2 years under 18 U.S.C. 2703.":                      {"2"},
		// Dates say when, not how long or how old.
		"Transfers rely on the standard clauses of 04/06/2021.":        nil,
		"From 2024-03-01 we keep chat logs for 90 days.":               {"90"},
		"Effective June 4, 2021, you must be 16 to join.":              {"16"},
		"Since 1 March 2025 we delete drafts after 30 days.":           {"30"},
		"Les données sont conservées 3 ans à compter du 12 juin 2023.": {"3"},
		"Seit dem 4. Juni 2021 speichern wir Protokolle 14 Tage.":      {"14"},
		"You may 2 times a year ask for a copy, from 1 May on.":        {"2"},
		"We keep 2021 records and 12 backups.":                         {"2021", "12"},
		"Rule 19.3.2 limits storage to 30 days.":                       {"19", "3", "2", "30"},
	}
	for text, want := range tests {
		if got := figures(tokenize(text).words); !slices.Equal(got, want) {
			t.Errorf("figures(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := map[string][]string{
		"These Terms are governed by the laws of France.":                     {"france"},
		"The General Terms and Conditions of Use of Acme follow Maltese law.": {"acme", "maltese"},
		"California law will govern all disputes.":                            {"california"},
		"All disputes go to the courts of Dublin.":                            {"dublin"},
		"In March 2024, Irish law began to apply.":                            {"irish"},
		"By Monday, 4 June, the courts of Paris decide.":                      {"paris"},
	}
	for text, want := range tests {
		if got := names(text); !slices.Equal(got, want) {
			t.Errorf("names(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestRateDatedRestatement checks that a date written into a restated
// statement is no changed term: the statement says the same for as long
// and to the same people, only when it was agreed.
func TestRateDatedRestatement(t *testing.T) {
	tests := []struct {
		name, category string
		old, new       string
		want           Severity
	}{
		{
			name:     "the date of the clauses a transfer relies on",
			category: "data_transfer",
			old:      doc("We transfer your data to our provider in the United States under the standard contractual clauses."),
			new:      doc("We transfer your data to our provider in the United States under the standard contractual clauses of 04/06/2021."),
			want:     SeverityLow,
		},
		{
			name:     "the date from which a period applies",
			category: "data_retention",
			old:      doc("We delete chat logs 90 days after you close your account."),
			new:      doc("Since 1 March 2025, we delete chat logs 90 days after you close your account."),
			want:     SeverityMedium,
		},
		{
			name:     "a period changed beside a date is still a changed term",
			category: "data_transfer",
			old:      doc("We transfer your data to our provider in the United States under the standard contractual clauses for 2 years."),
			new:      doc("We transfer your data to our provider in the United States under the standard contractual clauses of June 4, 2021 for 5 years."),
			want:     SeverityMedium,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkSeverity(t, tt.old, tt.new, tt.category, tt.want) })
	}
}
