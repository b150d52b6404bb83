package insight

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// SourceDocument is what the provision page reads of one of the
// platform's documents: its latest version (VersionID 0 before the
// first), its health and how often it changed.
type SourceDocument struct {
	ID            int64
	DocType       string
	VersionID     int64
	VersionAt     time.Time
	State         docstate.State
	LastError     string
	LastCheckedAt *time.Time
	Changes       int
}

// Excerpt is what one document's latest version says about the
// provision: its own stance, with the sentences it rests on.
type Excerpt struct {
	DocumentID, VersionID int64
	DocType               string
	VersionAt             time.Time
	Stance                Stance
}

// ProvisionPage is one provision of one platform: what the platform's
// current documents say about it, where, how it moved, how other
// platforms handle it and what it engages.
type ProvisionPage struct {
	Platform        store.Platform
	Category        analysis.Category
	Stance          Stance
	Excerpts        []Excerpt
	Notes           []string // why the reading may be incomplete
	Documents       []SourceDocument
	Timeline        []GovernanceEntry
	Others          []StanceGroup
	Exposure        analysis.Severity
	ExposureDrivers []string
	Jurisdictions   []string
	Contract        string
}

// othersPerStance bounds the platforms each stance group names on the
// page; the catalogue page lists them all.
const othersPerStance = 8

// ProvisionPage builds the page of one provision category of a platform
// from its documents and its changes (newest first). The category must
// exist (Categories.Has).
func (s *Service) ProvisionPage(ctx context.Context, p store.Platform, docs []SourceDocument, changes []store.Change, category string) (ProvisionPage, error) {
	cat, ok := s.cats.byID[category]
	if !ok {
		return ProvisionPage{}, fmt.Errorf("provision page: unknown category %q", category)
	}
	page := ProvisionPage{Platform: p, Category: cat, Documents: docs, Contract: ContractImplication(category)}
	var latest []Document
	for _, d := range docs {
		if d.VersionID != 0 {
			latest = append(latest, Document{ID: d.ID, DocType: d.DocType, VersionID: d.VersionID})
		}
	}
	ids := make([]int64, len(latest))
	for i, d := range latest {
		ids[i] = d.VersionID
	}
	readings, err := s.provisions.Readings(ctx, ids)
	if err != nil {
		return page, err
	}
	page.Stance = stanceOf(p.Name, cat, latest, readings)
	for _, f := range statements(cat, latest, readings) {
		i := slices.IndexFunc(docs, func(d SourceDocument) bool { return d.ID == f.doc.ID })
		page.Excerpts = append(page.Excerpts, Excerpt{DocumentID: f.doc.ID, VersionID: f.doc.VersionID, DocType: f.doc.DocType,
			VersionAt: docs[i].VersionAt, Stance: f.stance})
	}
	var all []analysis.Provision
	for _, d := range latest {
		all = append(all, readings[d.VersionID].Provisions...)
	}
	page.Exposure, page.ExposureDrivers = s.cats.Exposure(all)
	page.Jurisdictions = jurisdictions([]CategoryView{{Regulations: cat.Regulations}})
	page.Notes = interpretiveNotes(docs, page.Stance)
	if page.Timeline, err = s.cats.Timeline(changes, category); err != nil {
		return page, err
	}
	catalogue, err := s.CatalogueStances(ctx, category)
	if err != nil {
		return page, err
	}
	catalogue = slices.DeleteFunc(catalogue, func(o PlatformStance) bool { return o.PlatformID == p.ID })
	page.Others = GroupByStance(catalogue, othersPerStance)
	return page, nil
}

// interpretiveNotes says where the reading of the documents may be
// incomplete: a document never read, or whose latest check failed, so
// that the stance rests on an older version or on fewer documents.
func interpretiveNotes(docs []SourceDocument, st Stance) []string {
	var notes []string
	incomplete := false
	for _, d := range docs {
		switch {
		case d.VersionID == 0 && d.State.Failed():
			incomplete = true
			notes = append(notes, fmt.Sprintf("The %s has never been read: %s. Nothing it says is part of this analysis.", d.DocType, stateWords(d.State)))
		case d.VersionID == 0:
			incomplete = true
			notes = append(notes, fmt.Sprintf("The %s has not been read yet; nothing it says is part of this analysis.", d.DocType))
		case d.State.Failed():
			incomplete = true
			notes = append(notes, fmt.Sprintf("The latest check of the %s failed: %s. This analysis reads the version recorded on %s, which may no longer be current.",
				d.DocType, stateWords(d.State), d.VersionAt.UTC().Format("2 Jan 2006")))
		}
	}
	if incomplete && !st.Stated() {
		notes = append(notes, "The stance above rests only on the documents that could be read.")
	}
	return notes
}

// stateWords explains a failure state in plain words.
func stateWords(s docstate.State) string {
	switch s {
	case docstate.Unreachable:
		return "the site could not be reached"
	case docstate.HTTPError:
		return "the site answered with an error"
	case docstate.Blocked:
		return "the site blocked the request or showed a challenge instead of the document"
	case docstate.TooLarge:
		return "the page exceeds the size limit, so it was not read at all rather than read in part"
	case docstate.NeedsBrowser:
		return "the page needs a browser to show its text"
	case docstate.SelectorMissing:
		return "a part of the page the declaration selects is missing, so the page changed shape; half a document is never taken for a new version"
	case docstate.Empty:
		return "no text could be taken from the page"
	}
	return string(s)
}
