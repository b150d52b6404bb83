package insight

import (
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// Exposure rates a platform's governance exposure from the provisions its
// current documents state: high when any is high-severity, medium when any
// is medium, low otherwise. The drivers are the titles of the provisions
// that set it.
func (ct *Categories) Exposure(ps []analysis.Provision) (analysis.Severity, []string) {
	level := analysis.HighestSeverity(ps)
	if level.Less(analysis.SeverityLow) {
		level = analysis.SeverityLow
	}
	var drivers []string
	for _, p := range ps {
		t := ct.View(p).Title
		if p.Severity == level && level != analysis.SeverityLow && !slices.Contains(drivers, t) {
			drivers = append(drivers, t)
		}
	}
	return level, drivers
}
