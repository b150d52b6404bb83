package analysis

import (
	"strings"
	"testing"
)

func TestSummaryNamesWhereAControlMoved(t *testing.T) {
	tests := []struct {
		name, oldMD, newMD, want string
	}{
		{
			"moved to another settings page",
			"## Choices\n\nYou can opt out of marketing e-mails in your privacy settings.\n",
			"## Choices\n\nYou can opt out of marketing e-mails in your account settings.\n",
			"opt-out moved to account settings",
		},
		{
			"same place, other wording",
			"## Choices\n\nYou can opt out of marketing e-mails in your privacy settings.\n",
			"## Choices\n\nYou may opt out of all marketing e-mails at any time in your privacy settings.\n",
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.oldMD, tt.newMD)
			got := strings.ToLower(r.Summary)
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Fatalf("summary %q lacks %q", r.Summary, tt.want)
			}
			if tt.want == "" && strings.Contains(got, "moved to") {
				t.Fatalf("summary %q claims a move", r.Summary)
			}
		})
	}
}
