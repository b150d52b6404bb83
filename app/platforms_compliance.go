package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// Bounds of the compliance views: how many other platforms each category
// names, and how many catalogue documents are compared at most.
const (
	peersPerCategory  = 6
	peerDocumentLimit = 1000
)

// provisionView is a provision with the plain-words title, the laws it
// engages and what to do about it.
type provisionView struct {
	analysis.Provision
	Title    string
	Laws     []analysis.Regulation
	Guidance string
}

// categoryTable indexes the provision categories once: analysis.Lookup
// rebuilds the table on every call, and the views look categories up per
// provision.
type categoryTable struct {
	list []analysis.Category
	byID map[string]analysis.Category
}

func newCategoryTable() *categoryTable {
	ct := &categoryTable{list: analysis.Categories(), byID: map[string]analysis.Category{}}
	for _, c := range ct.list {
		ct.byID[c.ID] = c
	}
	return ct
}

func (ct *categoryTable) view(p analysis.Provision) provisionView {
	v := provisionView{Provision: p, Title: p.Category}
	if cat, ok := ct.byID[p.Category]; ok {
		v.Title, v.Laws, v.Guidance = cat.Title, cat.Regulations, cat.Guidance
	}
	return v
}

func (ct *categoryTable) views(ps []analysis.Provision) []provisionView {
	out := make([]provisionView, len(ps))
	for i, p := range ps {
		out[i] = ct.view(p)
	}
	return out
}

// titles names the categories of provisions, once each, in order: what a
// visitor without the Compliance plan is shown.
func (ct *categoryTable) titles(ps []analysis.Provision) []string {
	var out []string
	for _, p := range ps {
		t := ct.view(p).Title
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// documentProvisions is what the latest version of one document states.
type documentProvisions struct {
	DocumentID int64
	DocType    string
	VersionID  int64
	Provisions []provisionView
}

// peerView is another platform whose latest version states the same
// provision.
type peerView struct {
	Slug, Name, DocType, Evidence string
}

// categoryView is one provision category present on the platform, with its
// regulatory landscape and how other platforms handle it.
type categoryView struct {
	ID, Title   string
	Severity    string
	Regulations []analysis.Regulation
	Guidance    string
	Peers       []peerView
	MorePeers   int
}

// governanceEntry is one change that moved provisions.
type governanceEntry struct {
	ChangeID   int64
	CreatedAt  time.Time
	DocType    string
	Summary    string
	Provisions []provisionView
}

// complianceView is the compliance part of the platform page. Entitled
// organizations get everything; others get Teaser only.
type complianceView struct {
	Entitled        bool
	Teaser          []string
	Exposure        string
	ExposureDrivers []string
	Jurisdictions   []string
	Documents       []documentProvisions
	Categories      []categoryView
	Timeline        []governanceEntry
	Filter          string // provision category the timeline is narrowed to
	FilterOptions   []analysis.Category
}

// exposure rates a platform's governance exposure from the provisions its
// current documents state: High when any is high-severity, Medium when any
// is medium, Low otherwise. The drivers are the provisions that set it.
func (ct *categoryTable) exposure(ps []analysis.Provision) (string, []string) {
	level := analysis.SeverityLow
	for _, p := range ps {
		if severityRank(p.Severity) > severityRank(level) {
			level = p.Severity
		}
	}
	var drivers []string
	for _, p := range ps {
		t := ct.view(p).Title
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

// platformCompliance builds the compliance view of a platform from the
// latest versions of its documents and its changes (newest first).
func (e *catalogueHandlers) platformCompliance(ctx context.Context, p *store.Platform, docs []documentRow, changes []store.Change, entitled bool, filter string) (complianceView, error) {
	v := complianceView{Entitled: entitled}
	var latest []int64
	for _, d := range docs {
		if d.Latest != nil {
			latest = append(latest, d.Latest.ID)
		}
	}
	found, err := e.versionProvisions(ctx, latest)
	if err != nil {
		return v, err
	}
	var all []analysis.Provision
	for _, d := range docs {
		if d.Latest == nil {
			continue
		}
		ps := found[d.Latest.ID]
		all = append(all, ps...)
		v.Documents = append(v.Documents, documentProvisions{DocumentID: d.ID, DocType: d.DocType, VersionID: d.Latest.ID, Provisions: e.cats.views(ps)})
	}
	if !entitled {
		v.Teaser = e.cats.titles(all)
		v.Documents = nil // never the evidence
		return v, nil
	}
	v.Exposure, v.ExposureDrivers = e.cats.exposure(all)
	if v.Categories, err = e.categoryViews(ctx, p.ID, all); err != nil {
		return v, err
	}
	for _, c := range v.Categories {
		for _, r := range c.Regulations {
			if r.Jurisdiction != "" && !slices.Contains(v.Jurisdictions, r.Jurisdiction) {
				v.Jurisdictions = append(v.Jurisdictions, r.Jurisdiction)
			}
		}
	}
	slices.Sort(v.Jurisdictions)
	if _, ok := e.cats.byID[filter]; ok {
		v.Filter = filter
	}
	v.FilterOptions = e.cats.list
	if v.Timeline, err = e.cats.governanceTimeline(changes, v.Filter); err != nil {
		return v, err
	}
	return v, nil
}

// categoryViews lists the categories present, in table order, with the
// other catalogue platforms whose latest versions state them.
func (e *catalogueHandlers) categoryViews(ctx context.Context, platformID int64, present []analysis.Provision) ([]categoryView, error) {
	rows, err := e.store.LatestCatalogueVersions(ctx)
	if err != nil {
		return nil, err
	}
	rows = slices.DeleteFunc(rows, func(r store.LatestCatalogueVersion) bool { return r.PlatformID == platformID })
	rows = rows[:min(len(rows), peerDocumentLimit)]
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.VersionID
	}
	peers, err := e.versionProvisions(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []categoryView
	for _, cat := range e.cats.list {
		i := slices.IndexFunc(present, func(p analysis.Provision) bool { return p.Category == cat.ID })
		if i < 0 {
			continue
		}
		cv := categoryView{ID: cat.ID, Title: cat.Title, Severity: present[i].Severity, Regulations: cat.Regulations, Guidance: cat.Guidance}
		seen := map[int64]bool{}
		for _, r := range rows {
			if seen[r.PlatformID] {
				continue
			}
			j := slices.IndexFunc(peers[r.VersionID], func(p analysis.Provision) bool { return p.Category == cat.ID })
			if j < 0 {
				continue
			}
			seen[r.PlatformID] = true
			if len(cv.Peers) < peersPerCategory {
				cv.Peers = append(cv.Peers, peerView{Slug: r.Slug, Name: r.Name, DocType: r.DocType, Evidence: peers[r.VersionID][j].Evidence})
			} else {
				cv.MorePeers++
			}
		}
		out = append(out, cv)
	}
	return out, nil
}

// governanceTimeline lists the changes that moved provisions, newest
// first, narrowed to one category when filter is set.
func (ct *categoryTable) governanceTimeline(changes []store.Change, filter string) ([]governanceEntry, error) {
	var out []governanceEntry
	for _, c := range changes {
		ps, err := changeProvisions(c)
		if err != nil {
			return nil, err
		}
		if filter != "" {
			ps = slices.DeleteFunc(ps, func(p analysis.Provision) bool { return p.Category != filter })
		}
		if len(ps) == 0 {
			continue
		}
		entry := governanceEntry{ChangeID: c.ID, CreatedAt: c.CreatedAt, Summary: c.Summary, Provisions: ct.views(ps)}
		if c.Document != nil {
			entry.DocType = c.Document.DocType
		}
		out = append(out, entry)
	}
	return out, nil
}

// changeProvisions decodes the provisions stored with a change.
func changeProvisions(c store.Change) ([]analysis.Provision, error) {
	var ps []analysis.Provision
	if len(c.Provisions) == 0 {
		return ps, nil
	}
	if err := json.Unmarshal(c.Provisions, &ps); err != nil {
		return nil, fmt.Errorf("provisions of change %d: %w", c.ID, err)
	}
	return ps, nil
}
