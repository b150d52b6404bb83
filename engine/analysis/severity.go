package analysis

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity is how much a provision change matters to a compliance team.
// Its values are the strings stored in the database and emitted in JSON.
type Severity string

// Severity levels, lowest first.
const (
	SeverityLow    Severity = "low"
	SeverityMedium Severity = "medium"
	SeverityHigh   Severity = "high"
)

// severityOrder lists the levels lowest first; a level's rank is its
// index plus one, so the zero Severity and unknown values rank 0.
var severityOrder = [...]Severity{SeverityLow, SeverityMedium, SeverityHigh}

// ParseSeverity returns the severity named by s ("low", "medium" or
// "high") or an error for anything else, the empty string included.
func ParseSeverity(s string) (Severity, error) {
	if sev := Severity(s); sev.Valid() {
		return sev, nil
	}
	return "", fmt.Errorf("unknown severity %q (want low, medium or high)", s)
}

// Valid reports whether s is one of the defined levels.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// Rank orders the levels: 1 for low up to 3 for high, 0 for an empty or
// unknown value, so that any real level outranks "none".
func (s Severity) Rank() int { return slices.Index(severityOrder[:], s) + 1 }

// Less reports whether s ranks below t.
func (s Severity) Less(t Severity) bool { return s.Rank() < t.Rank() }

// AtLeast reports whether s ranks at or above t.
func (s Severity) AtLeast(t Severity) bool { return s.Rank() >= t.Rank() }

// Compare returns -1, 0 or +1 as s ranks below, level with or above t,
// for slices.SortFunc and cmp-style orderings.
func (s Severity) Compare(t Severity) int { return cmp.Compare(s.Rank(), t.Rank()) }

// String returns the stored form: "low", "medium" or "high".
func (s Severity) String() string { return string(s) }

// Label is the level as a heading word: "Low", "Medium" or "High"; empty
// for an unknown value.
func (s Severity) Label() string {
	switch s {
	case SeverityLow:
		return "Low"
	case SeverityMedium:
		return "Medium"
	case SeverityHigh:
		return "High"
	}
	return ""
}

// MarshalText writes the stored form, so JSON carries the same strings.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText accepts the stored forms and the empty string (a field
// left out); anything else is an error rather than a level that would
// silently rank as none.
func (s *Severity) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = ""
		return nil
	}
	sev, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = sev
	return nil
}

// HighestSeverity returns the highest severity among ps, or "" when ps is
// empty.
func HighestSeverity(ps []Provision) Severity {
	var best Severity
	for _, p := range ps {
		if best.Less(p.Severity) {
			best = p.Severity
		}
	}
	return best
}
