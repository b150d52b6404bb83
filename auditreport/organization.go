package auditreport

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// OrganizationFormat identifies the layout of an organization's report for
// a period; Format stays the layout of a platform's full history.
const OrganizationFormat = "clausewatch.audit.org.v1"

// OrganizationReport is an organization's audit export for a period: every
// change to the documents it watches, and the segment of each document's
// version chain that those changes sit on.
type OrganizationReport struct {
	Format       string        `json:"format"`
	GeneratedAt  time.Time     `json:"generated_at"`
	Organization Organization  `json:"organization"`
	Period       Period        `json:"period"`
	Documents    []OrgDocument `json:"documents"`
	Versions     []Version     `json:"versions"`
	Changes      []Change      `json:"changes"`
}

// Organization names the organization the report was made for.
type Organization struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// Period is the half-open interval [From, To) of the changes reported.
type Period struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// OrgDocument is one watched document and what of its chain the report
// holds. The segment runs from the latest version before the period (or the
// first version) to the latest version before its end. AnchorSHA256 is the
// prev_sha256 of the segment's first version — empty when that is the
// document's first version — and is what the verification starts from: it
// proves the segment's links, not what came before the anchor. HeadSHA256
// is the hash of the segment's last version, so dropping it shows.
type OrgDocument struct {
	ID             int64  `json:"id"`
	Platform       string `json:"platform,omitempty"` // slug; empty for custom documents
	PlatformName   string `json:"platform_name,omitempty"`
	Type           string `json:"type"`
	Name           string `json:"name"`
	Custom         bool   `json:"custom"`
	AnchorSHA256   string `json:"anchor_sha256"`
	HeadSHA256     string `json:"head_sha256"`
	FirstVersionID int64  `json:"first_version_id,omitempty"`
	LastVersionID  int64  `json:"last_version_id,omitempty"`
	VersionCount   int    `json:"version_count"`
}

// MaxPeriod is the longest period one report covers.
const MaxPeriod = 3 * 366 * 24 * time.Hour

// BuildOrganization reads the organization's audit export for changes
// recorded in [from, to): its watched documents (catalogue platforms it
// watches, paused or not, and its custom documents), their chain segments
// with snapshot hashes, and the changes with provisions and evidence. It
// reads in a fixed number of queries whatever the number of documents.
func BuildOrganization(ctx context.Context, st *store.Store, orgID int64, from, to, now time.Time) (*OrganizationReport, error) {
	if !to.After(from) {
		return nil, fmt.Errorf("audit report: period end %s is not after its start %s", to.Format(time.RFC3339), from.Format(time.RFC3339))
	}
	org, err := st.Organization(ctx, orgID)
	if err != nil {
		return nil, fmt.Errorf("audit report: %w", err)
	}
	docs, err := st.WatchedDocuments(ctx, orgID, false)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", org.Slug, err)
	}
	ids := make([]int64, 0, len(docs))
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	versions, err := st.ChainSegments(ctx, ids, from, to)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", org.Slug, err)
	}
	changes, err := st.ChangesBetween(ctx, ids, from, to)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", org.Slug, err)
	}
	var snapIDs []int64
	for _, v := range versions {
		snapIDs = append(snapIDs, v.SnapshotIDs...)
	}
	snaps, err := st.SnapshotHashes(ctx, snapIDs)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", org.Slug, err)
	}

	r := &OrganizationReport{
		Format:       OrganizationFormat,
		GeneratedAt:  now.UTC(),
		Organization: Organization{ID: org.ID, Slug: org.Slug, Name: org.Name},
		Period:       Period{From: from.UTC(), To: to.UTC()},
		Documents:    make([]OrgDocument, 0, len(docs)),
		Versions:     make([]Version, 0, len(versions)),
		Changes:      make([]Change, 0, len(changes)),
	}
	hashes := make(map[int64]string, len(versions))
	segs := map[int64]*OrgDocument{}
	sortDocuments(docs)
	for _, d := range docs {
		od := OrgDocument{ID: d.ID, Type: d.DocType, Name: d.Name, Custom: d.OrganizationID != nil}
		if d.Platform != nil {
			od.Platform, od.PlatformName = d.Platform.Slug, d.Platform.Name
		}
		r.Documents = append(r.Documents, od)
	}
	for i := range r.Documents {
		segs[r.Documents[i].ID] = &r.Documents[i]
	}
	// Versions follow the documents' order, oldest first within each.
	rank := make(map[int64]int, len(docs))
	for i, d := range docs {
		rank[d.ID] = i
	}
	slices.SortStableFunc(versions, func(a, b store.Version) int {
		return cmp.Or(cmp.Compare(rank[a.DocumentID], rank[b.DocumentID]), cmp.Compare(a.ID, b.ID))
	})
	for _, v := range versions {
		sums := make([]string, 0, len(v.SnapshotIDs))
		for _, id := range v.SnapshotIDs {
			if h, ok := snaps[id]; ok {
				sums = append(sums, h)
			}
		}
		r.Versions = append(r.Versions, Version{
			ID: v.ID, Document: v.DocumentID, Kind: v.Kind, CreatedAt: v.CreatedAt.UTC(),
			SHA256: v.SHA256, PrevSHA256: v.PrevSHA256, Markdown: v.Markdown, SnapshotSHA256: sums,
		})
		hashes[v.ID] = v.SHA256
		seg := segs[v.DocumentID]
		if seg.VersionCount == 0 {
			seg.AnchorSHA256, seg.FirstVersionID = v.PrevSHA256, v.ID
		}
		seg.HeadSHA256, seg.LastVersionID = v.SHA256, v.ID
		seg.VersionCount++
	}
	slices.SortStableFunc(changes, func(a, b store.Change) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	for _, c := range changes {
		ch, err := exportChange(c)
		if err != nil {
			return nil, fmt.Errorf("audit report of %s: %w", org.Slug, err)
		}
		ch.FromSHA256, ch.ToSHA256 = hashes[c.FromVersionID], hashes[c.ToVersionID]
		r.Changes = append(r.Changes, ch)
	}
	return r, nil
}

// sortDocuments orders catalogue documents by platform name and type, then
// the organization's custom documents by name.
func sortDocuments(docs []store.Document) {
	key := func(d store.Document) (int, string, string) {
		if d.Platform == nil {
			return 1, d.Name, ""
		}
		return 0, d.Platform.Name, d.DocType
	}
	slices.SortStableFunc(docs, func(a, b store.Document) int {
		ag, an, at := key(a)
		bg, bn, bt := key(b)
		return cmp.Or(cmp.Compare(ag, bg), cmp.Compare(an, bn), cmp.Compare(at, bt), cmp.Compare(a.ID, b.ID))
	})
}

// exportChange turns a stored change into its exported form.
func exportChange(c store.Change) (Change, error) {
	provisions := []analysis.Provision{}
	if len(c.Provisions) > 0 && string(c.Provisions) != "null" {
		if err := json.Unmarshal(c.Provisions, &provisions); err != nil {
			return Change{}, fmt.Errorf("provisions of change %d: %w", c.ID, err)
		}
	}
	return Change{
		ID: c.ID, Document: c.DocumentID, FromVersionID: c.FromVersionID, ToVersionID: c.ToVersionID,
		CreatedAt: c.CreatedAt.UTC(), Summary: c.Summary, Severity: c.Severity,
		Stats:      Stats{AddedWords: c.AddedWords, RemovedWords: c.RemovedWords, SectionsChanged: c.SectionsChanged},
		Provisions: provisions,
	}, nil
}
