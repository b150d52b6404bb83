package alerts

import (
	"encoding/json"
	"fmt"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// ProvisionLine is a provision as an alert names it to a person: "AI
// training added", never its id.
type ProvisionLine struct {
	Name     string
	Severity analysis.Severity
	Evidence string
}

// Words is the whole line: "AI training added — high".
func (p ProvisionLine) Words() string {
	if p.Severity == "" {
		return p.Name
	}
	return p.Name + " — " + p.Severity.String()
}

// provisionName is "AI training added": the category's title and the
// change kind.
func provisionName(p analysis.Provision) string {
	name := p.Category
	if c, ok := analysis.Lookup(p.Category); ok {
		name = c.Title
	}
	if p.Change == "" {
		return name
	}
	return name + " " + p.Change
}

// provisionLines reads a change's stored provisions into lines.
func provisionLines(c *store.Change) ([]ProvisionLine, error) {
	if len(c.Provisions) == 0 {
		return nil, nil
	}
	var ps []analysis.Provision
	if err := json.Unmarshal(c.Provisions, &ps); err != nil {
		return nil, fmt.Errorf("read provisions of change %d: %w", c.ID, err)
	}
	out := make([]ProvisionLine, len(ps))
	for i, p := range ps {
		out[i] = ProvisionLine{Name: provisionName(p), Severity: p.Severity, Evidence: shorten(p.Evidence, clauseLimit)}
	}
	return out, nil
}
