package analysis

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestSeverityOrder(t *testing.T) {
	tests := []struct {
		a, b          Severity
		less, atLeast bool
		compare       int
	}{
		{SeverityLow, SeverityMedium, true, false, -1},
		{SeverityMedium, SeverityHigh, true, false, -1},
		{SeverityLow, SeverityHigh, true, false, -1},
		{SeverityHigh, SeverityLow, false, true, 1},
		{SeverityMedium, SeverityMedium, false, true, 0},
		{"", SeverityLow, true, false, -1},
		{"urgent", SeverityLow, true, false, -1},
		{SeverityLow, "", false, true, 1},
		{"", "", false, true, 0},
	}
	for _, tt := range tests {
		if got := tt.a.Less(tt.b); got != tt.less {
			t.Errorf("%q.Less(%q) = %v, want %v", tt.a, tt.b, got, tt.less)
		}
		if got := tt.a.AtLeast(tt.b); got != tt.atLeast {
			t.Errorf("%q.AtLeast(%q) = %v, want %v", tt.a, tt.b, got, tt.atLeast)
		}
		if got := tt.a.Compare(tt.b); got != tt.compare {
			t.Errorf("%q.Compare(%q) = %d, want %d", tt.a, tt.b, got, tt.compare)
		}
	}
	got := []Severity{SeverityHigh, "", SeverityLow, SeverityMedium}
	slices.SortFunc(got, Severity.Compare)
	if want := []Severity{"", SeverityLow, SeverityMedium, SeverityHigh}; !slices.Equal(got, want) {
		t.Errorf("sorted = %q, want %q", got, want)
	}
}

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    Severity
		wantErr bool
	}{
		{"low", SeverityLow, false},
		{"medium", SeverityMedium, false},
		{"high", SeverityHigh, false},
		{"", "", true},
		{"High", "", true},
		{" high", "", true},
		{"critical", "", true},
	}
	for _, tt := range tests {
		got, err := ParseSeverity(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestSeverityLabel(t *testing.T) {
	tests := map[Severity]string{SeverityLow: "Low", SeverityMedium: "Medium", SeverityHigh: "High", "": "", "odd": ""}
	for s, want := range tests {
		if got := s.Label(); got != want {
			t.Errorf("%q.Label() = %q, want %q", s, got, want)
		}
	}
}

func TestSeverityJSON(t *testing.T) {
	for _, s := range []Severity{SeverityLow, SeverityMedium, SeverityHigh} {
		b, err := json.Marshal(Provision{Severity: s})
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		if raw["severity"] != string(s) {
			t.Errorf("%q encodes as %v, want the plain string", s, raw["severity"])
		}
		var back Provision
		if err := json.Unmarshal(b, &back); err != nil || back.Severity != s {
			t.Errorf("round trip of %q = %q, %v", s, back.Severity, err)
		}
	}
	var p Provision
	if err := json.Unmarshal([]byte(`{"severity":"severe"}`), &p); err == nil {
		t.Errorf("decoding an unknown severity succeeded with %q", p.Severity)
	}
	if err := json.Unmarshal([]byte(`{"category":"x"}`), &p); err != nil || p.Severity != "" {
		t.Errorf("decoding without a severity = %q, %v", p.Severity, err)
	}
}

func TestHighestSeverity(t *testing.T) {
	tests := []struct {
		in   []Severity
		want Severity
	}{
		{nil, ""},
		{[]Severity{SeverityLow}, SeverityLow},
		{[]Severity{SeverityMedium, SeverityHigh, SeverityLow}, SeverityHigh},
		{[]Severity{SeverityLow, SeverityMedium, SeverityLow}, SeverityMedium},
	}
	for _, tt := range tests {
		var ps []Provision
		for _, s := range tt.in {
			ps = append(ps, Provision{Severity: s})
		}
		if got := HighestSeverity(ps); got != tt.want {
			t.Errorf("HighestSeverity(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
