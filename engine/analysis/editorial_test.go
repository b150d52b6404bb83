package analysis

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/diff"
)

func TestAnalyzeEditorialHasNoProvisions(t *testing.T) {
	old := "# Privacy\n\nWe collect biometric identifiers such as face geometry to verify your identity.\n"
	tests := []struct {
		name, new   string
		materiality string
		provisions  bool
	}{
		{"typo inside biometric", strings.Replace(old, "biometric", "biometirc", 1), diff.Editorial, false},
		{"biometric collection stopped", strings.Replace(old, "We collect", "We do not collect", 1), diff.Substantive, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, pair := range [][2]string{{old, tt.new}, {tt.new, old}} {
				r := Analyze(pair[0], pair[1])
				if r.Materiality != tt.materiality {
					t.Fatalf("materiality = %q, want %q", r.Materiality, tt.materiality)
				}
				if got := len(r.Provisions) > 0; got != tt.provisions {
					t.Errorf("provisions = %v, want any: %v", r.Provisions, tt.provisions)
				}
			}
		})
	}
}

func TestReportJSONMateriality(t *testing.T) {
	old := "We keep your data for 30 days.\n"
	for _, tt := range []struct{ new, want string }{
		{"We keep your data for 30 days.\n", `"changed":false,"summary"`},
		{"We keep your data for 60 days.\n", `"changed":true,"materiality":"substantive"`},
		{"We kepe your data for 30 days.\n", `"changed":true,"materiality":"editorial","summary":"Editorial: spelling corrected."`},
	} {
		out, err := json.Marshal(Analyze(old, tt.new))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("Analyze(%q) JSON = %s, want it to contain %s", tt.new, out, tt.want)
		}
	}
}
