package insight

import (
	"context"
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// Document is a catalogue document with its latest version: what the
// compliance view reads of a platform's documents.
type Document struct {
	ID        int64
	DocType   string
	VersionID int64
}

// DocumentProvisions is what the latest version of one document states.
type DocumentProvisions struct {
	DocumentID int64
	DocType    string
	VersionID  int64
	Provisions []ProvisionView
}

// Compliance is the compliance part of the platform page. Entitled
// organizations get everything; others get Teaser only.
type Compliance struct {
	Entitled        bool
	Teaser          []string
	Exposure        analysis.Severity
	ExposureDrivers []string
	Jurisdictions   []string
	Documents       []DocumentProvisions
	Categories      []CategoryView
	Timeline        []GovernanceEntry
	Filter          string // provision category the timeline is narrowed to
	FilterOptions   []analysis.Category
}

// Compliance builds the compliance view of a platform from the latest
// versions of its documents and its changes (newest first). Without
// entitlement it names the categories found and nothing else, never the
// evidence. filter narrows the timeline to one category; an unknown one is
// ignored.
func (s *Service) Compliance(ctx context.Context, platformID int64, docs []Document, changes []store.Change, entitled bool, filter string) (Compliance, error) {
	v := Compliance{Entitled: entitled}
	latest := make([]int64, len(docs))
	for i, d := range docs {
		latest[i] = d.VersionID
	}
	found, err := s.provisions.Provisions(ctx, latest)
	if err != nil {
		return v, err
	}
	var all []analysis.Provision
	for _, d := range docs {
		ps := found[d.VersionID]
		all = append(all, ps...)
		v.Documents = append(v.Documents, DocumentProvisions{DocumentID: d.ID, DocType: d.DocType, VersionID: d.VersionID, Provisions: s.cats.Views(ps)})
	}
	if !entitled {
		v.Teaser = s.cats.Titles(all)
		v.Documents = nil // never the evidence
		return v, nil
	}
	v.Exposure, v.ExposureDrivers = s.cats.Exposure(all)
	if v.Categories, err = s.categoryViews(ctx, platformID, all); err != nil {
		return v, err
	}
	v.Jurisdictions = jurisdictions(v.Categories)
	if s.cats.Has(filter) {
		v.Filter = filter
	}
	v.FilterOptions = s.cats.List()
	if v.Timeline, err = s.cats.Timeline(changes, v.Filter); err != nil {
		return v, err
	}
	return v, nil
}

// jurisdictions lists the jurisdictions the categories' regulations
// engage, once each, sorted.
func jurisdictions(cats []CategoryView) []string {
	var out []string
	for _, c := range cats {
		for _, r := range c.Regulations {
			if r.Jurisdiction != "" && !slices.Contains(out, r.Jurisdiction) {
				out = append(out, r.Jurisdiction)
			}
		}
	}
	slices.Sort(out)
	return out
}
