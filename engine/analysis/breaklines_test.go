package analysis

import (
	"slices"
	"testing"
)

func TestListsSetWithLineBreaks(t *testing.T) {
	const (
		head = "## How we use data\n\n| Purpose | Legal basis |\n| --- | --- |\n"
		// An entry of the cell changed; the retention entry did not.
		before = head + "| **To run your account, we:**<br><br>* send you a code by text message.<br>* delete accounts that have been inactive for 12 months. | Contract |\n"
	)
	tests := []struct {
		name, oldMD, newMD string
		want, notWant      []string
	}{
		{
			name:    "another entry of the cell changed",
			oldMD:   before,
			newMD:   head + "| **To run your account, we:**<br><br>* send you a code by text message or by e-mail.<br>* delete accounts that have been inactive for 12 months. | Contract |\n",
			notWant: []string{"data_retention"},
		},
		{
			name:  "the retention entry changed",
			oldMD: before,
			newMD: head + "| **To run your account, we:**<br><br>* send you a code by text message.<br>* delete accounts that have been inactive for 36 months. | Contract |\n",
			want:  []string{"data_retention"},
		},
		{
			name:  "a new entry states a practice",
			oldMD: before,
			newMD: head + "| **To run your account, we:**<br><br>* send you a code by text message.<br>* share your precise location with advertisers.<br>* delete accounts that have been inactive for 12 months. | Contract |\n",
			want:  []string{"location_data"},
		},
		{
			// The lead-in of the list says what its entries are about.
			name:  "an entry read with the lead-in",
			oldMD: "## Data\n\n| We retain the following for 90 days:<br>* your messages<br>* your photos | Contract |\n",
			newMD: "## Data\n\n| We retain the following for 90 days:<br>* your messages<br>* your photos<br>* your voice notes | Contract |\n",
			want:  []string{"data_retention"},
		},
		{
			// A full sentence before the list does not lead it in.
			name:    "a sentence before the entries",
			oldMD:   "## Data\n\n| We may suspend your account if you break these terms.<br>* You can link your account to a watch. | Contract |\n",
			newMD:   "## Data\n\n| We may suspend your account if you break these terms.<br>* You can link your account to a watch or a tablet. | Contract |\n",
			notWant: []string{"account_termination"},
		},
		{
			name:    "the cell's entries set out as a Markdown list",
			oldMD:   before,
			newMD:   "## How we use data\n\nTo run your account, we:\n\n* send you a code by text message.\n* delete accounts that have been inactive for 12 months.\n\nLegal basis: contract.\n",
			notWant: []string{"data_retention"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.oldMD, tt.newMD)
			got := provisionCategories(r.Provisions)
			for _, c := range tt.want {
				if !slices.Contains(got, c) {
					t.Errorf("provisions %v lack %s", got, c)
				}
			}
			for _, c := range tt.notWant {
				if slices.Contains(got, c) {
					t.Errorf("provisions %v have %s", got, c)
				}
			}
		})
	}
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"We:<br><br>* verify your number.<br>* keep your settings.", []string{"We:", "verify your number.", "keep your settings."}},
		{"One line<BR />- another", []string{"One line", "another"}},
		{"No breaks here.", nil},
		{"Only a trailing break<br>", nil},
	}
	for _, tt := range tests {
		if got := breakLines(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("breakLines(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHasLineBreak(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"we:<br>* verify", true},
		{"we:<BR/>* verify", true},
		{"a < b and <Br />", true},
		{"a <b>bold</b> word", false},
		{"ends with <b", false},
		{"ends with <", false},
		{"no tags at all", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasLineBreak(tt.text); got != tt.want {
			t.Errorf("hasLineBreak(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// splitAtLineBreaks splits as the expression it replaced did: at "<br>",
// "<br/>" and "<BR />", not at "<brand>" or "<b>".
func TestSplitAtLineBreaks(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"we:<br><br>* verify.<br/>* delete.", []string{"we:", "", "* verify.", "* delete."}},
		{"a <BR /> b", []string{"a ", " b"}},
		{"a <brand> b <b>c</b>", []string{"a <brand> b <b>c</b>"}},
		{"ends <br", []string{"ends <br"}},
		{"<br>", []string{"", ""}},
	}
	for _, tt := range tests {
		if got := splitAtLineBreaks(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("splitAtLineBreaks(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
