package analysis

import (
	"strings"
	"testing"
)

// A negation written short or in full, and initials with or without dots,
// are the same statement: a page moving from "are not allowed" to "aren't
// allowed", or from "US" to "U.S.", changes no provision; nor does a
// renumbered clause or cross-reference, a word typed twice or "such as"
// written "like"; "e.g." ends where it ends ("e.g. U.S." is "eg us"). A
// changed age or period does.
func TestCompareKeyStyle(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"ads that target these countries are not allowed", "ads that target these countries arent allowed", true},
		{"we do not sell your data", "we dont sell your data", true},
		{"you cannot opt out", "you can not opt out", true},
		{"we will not share it", "we wont share it", true},
		{"we do not sell your data", "we do sell your data", false},
		{"the courts of the u s will decide", "the courts of the us will decide", true},
		{"courts of the us", "courts of the uk", false},
		{"cookies help tailor ads off of our products", "cookies help tailor ads off our products", true},
		{"the data that we keep", "the data we keep", true},
		{"where consent is indicated by by any of these", "where consent is indicated by any of these", true},
		{"data such as your name", "data like your name", true},
		{"data such as your name", "data such as your email", false},
		{"10 3 data protection and consent", "11 3 data protection and consent", true},
		{"k you agree to obtain consent", "you agree to obtain consent", true},
		{"as set out in section 5 2 we keep logs", "as set out in section 4 1 we keep logs", true},
		{"13 is the minimum age", "16 is the minimum age", false},
		{"you must be 13 to use it", "you must be 16 to use it", false},
		{"we keep logs for 30 days", "we keep logs for 90 days", false},
		{"e u law applies", "u s law applies", false},
		{"courts e g u s courts", "courts eg us courts", true},
		{"courts e g u s courts", "courts e g u k courts", false},
		{"approvals from regulators e g u s fda", "approvals from regulators for example u s fda", true},
		{"data for instance your name", "data such as your name", true},
		{"data e g your name", "data like your name", true},
		{"processors i e companies hosting servers", "processors that is companies hosting servers", true},
		{"data e g your name", "data i e your name", false},
		{"for example u s law applies", "for example u k law applies", false},
		{"we use it for example to show ads", "we use it to show ads", false},
		{"cookies br br help tailor ads", "cookies help tailor ads", true},
		{"we recognise that minors need protection", "we recognize that minors need protection", true},
		{"anonymised data and behaviour in self defence", "anonymized data and behavior in self defense", true},
		{"our services are restricted to adults", "our service is restricted to adults", true},
		{"we share your data with partners", "we share your data with advertisers", false},
		{"we do not collect your location", "we collect your location", false},
	}
	for _, tt := range tests {
		ka, kb := compareKey(strings.Fields(tt.a)), compareKey(strings.Fields(tt.b))
		if (ka == kb) != tt.same {
			t.Errorf("compareKey(%q) = %q, compareKey(%q) = %q, want same = %v", tt.a, ka, tt.b, kb, tt.same)
		}
	}
}
