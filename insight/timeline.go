package insight

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// GovernanceEntry is one change that moved provisions.
type GovernanceEntry struct {
	ChangeID   int64
	CreatedAt  time.Time
	DocType    string
	Summary    string
	Provisions []ProvisionView
}

// Timeline lists the changes that moved provisions, in the order given
// (newest first on the platform page), narrowed to one category when
// filter is set.
func (ct *Categories) Timeline(changes []store.Change, filter string) ([]GovernanceEntry, error) {
	var out []GovernanceEntry
	for _, c := range changes {
		ps, err := ChangeProvisions(c)
		if err != nil {
			return nil, err
		}
		if filter != "" {
			ps = slices.DeleteFunc(ps, func(p analysis.Provision) bool { return p.Category != filter })
		}
		if len(ps) == 0 {
			continue
		}
		entry := GovernanceEntry{ChangeID: c.ID, CreatedAt: c.CreatedAt, Summary: c.Summary, Provisions: ct.Views(ps)}
		if c.Document != nil {
			entry.DocType = c.Document.DocType
		}
		out = append(out, entry)
	}
	return out, nil
}

// ChangeProvisions decodes the provisions stored with a change.
func ChangeProvisions(c store.Change) ([]analysis.Provision, error) {
	var ps []analysis.Provision
	if len(c.Provisions) == 0 {
		return ps, nil
	}
	if err := json.Unmarshal(c.Provisions, &ps); err != nil {
		return nil, fmt.Errorf("provisions of change %d: %w", c.ID, err)
	}
	return ps, nil
}
