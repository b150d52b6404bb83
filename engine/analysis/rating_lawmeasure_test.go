package analysis

import "testing"

// TestRateMeasureTheLawRequires checks that a new statement of the
// suspension the EU Digital Services Act requires, written in that law's
// words, restates the law (low), in English, French and German, while a
// suspension on grounds the platform sets is new grounds of termination
// (medium).
func TestRateMeasureTheLawRequires(t *testing.T) {
	kept := "We may remove content that breaks these rules."
	tests := []struct {
		name, sentence string
		want           Severity
	}{
		{"the suspension the law requires",
			"Our misuse policy explains how we may suspend your account for a reasonable time where you have frequently posted manifestly illegal content.",
			SeverityLow},
		{"the same for unfounded reports",
			"We may suspend your account where you have frequently submitted manifestly unfounded complaints.",
			SeverityLow},
		{"the same in French",
			"Nous pouvons suspendre votre compte pendant une durée raisonnable si vous publiez fréquemment des contenus manifestement illicites.",
			SeverityLow},
		{"the same in German",
			"Wir können Ihr Konto für einen angemessenen Zeitraum sperren, wenn Sie häufig offensichtlich rechtswidrige Inhalte bereitstellen.",
			SeverityLow},
		{"grounds the platform sets",
			"We may suspend your account where you have frequently posted content that breaks our community rules.",
			SeverityMedium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSeverity(t, doc(kept), doc(kept, tt.sentence), "account_termination", tt.want)
		})
	}
}
