package alerts

import (
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/templates"
)

// TestChangeEmailSeverityBadge checks the colour the alert mail gives each
// severity and that a change without one has no badge.
func TestChangeEmailSeverityBadge(t *testing.T) {
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		severity analysis.Severity
		want     string
	}{
		{analysis.SeverityHigh, `background:#fee2e2">high severity`},
		{analysis.SeverityMedium, `background:#fef3c7">medium severity`},
		{analysis.SeverityLow, `background:#e5e7eb">low severity`},
		{"", ""},
	}
	for _, tt := range tests {
		_, _, html, err := tmpl.Email("alert_change", ChangeEmail{Document: "Terms", Summary: "Changed.", Severity: tt.severity, ChangeURL: "https://cw.example/changes/1"})
		if err != nil {
			t.Fatalf("%q: %v", tt.severity, err)
		}
		if tt.want == "" {
			if strings.Contains(html, "severity</span>") {
				t.Errorf("no severity, yet a badge:\n%s", html)
			}
			continue
		}
		if !strings.Contains(html, tt.want) {
			t.Errorf("%q: mail lacks %q:\n%s", tt.severity, tt.want, html)
		}
	}
}
