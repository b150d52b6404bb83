package insight

import (
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// Exposure rates a platform's governance exposure from the provisions its
// current documents state: High when any is high-severity, Medium when any
// is medium, Low otherwise. The drivers are the titles of the provisions
// that set it.
func (ct *Categories) Exposure(ps []analysis.Provision) (string, []string) {
	level := analysis.SeverityLow
	for _, p := range ps {
		if severityRank(p.Severity) > severityRank(level) {
			level = p.Severity
		}
	}
	var drivers []string
	for _, p := range ps {
		t := ct.View(p).Title
		if p.Severity == level && level != analysis.SeverityLow && !slices.Contains(drivers, t) {
			drivers = append(drivers, t)
		}
	}
	names := map[string]string{analysis.SeverityHigh: "High", analysis.SeverityMedium: "Medium", analysis.SeverityLow: "Low"}
	return names[level], drivers
}

func severityRank(s string) int {
	switch s {
	case analysis.SeverityHigh:
		return 2
	case analysis.SeverityMedium:
		return 1
	}
	return 0
}
