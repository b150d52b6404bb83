package insight

import (
	"context"
	"fmt"
	"slices"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// Bounds of the peer comparison: how many other platforms each category
// names, and how many catalogue documents are compared at most.
const (
	peersPerCategory  = 6
	peerDocumentLimit = 1000
)

// Peer is another platform whose latest version states the same
// provision.
type Peer struct {
	Slug, Name, DocType, Evidence string
}

// CategoryView is one provision category present on the platform, with its
// regulatory landscape and how other platforms handle it.
type CategoryView struct {
	ID, Title   string
	Severity    analysis.Severity
	Regulations []analysis.Regulation
	Guidance    string
	Peers       []Peer
	MorePeers   int
}

// categoryViews lists the categories present, in table order, with the
// other catalogue platforms whose latest versions state them.
func (s *Service) categoryViews(ctx context.Context, platformID int64, present []analysis.Provision) ([]CategoryView, error) {
	rows, err := s.store.LatestCatalogueVersions(ctx)
	if err != nil {
		return nil, fmt.Errorf("peer platforms: %w", err)
	}
	rows = slices.DeleteFunc(rows, func(r store.LatestCatalogueVersion) bool { return r.PlatformID == platformID })
	rows = rows[:min(len(rows), peerDocumentLimit)]
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.VersionID
	}
	peers, err := s.provisions.Provisions(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []CategoryView
	for _, cat := range s.cats.List() {
		i := slices.IndexFunc(present, func(p analysis.Provision) bool { return p.Category == cat.ID })
		if i < 0 {
			continue
		}
		cv := CategoryView{ID: cat.ID, Title: cat.Title, Severity: present[i].Severity, Regulations: cat.Regulations, Guidance: cat.Guidance}
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
				cv.Peers = append(cv.Peers, Peer{Slug: r.Slug, Name: r.Name, DocType: r.DocType, Evidence: peers[r.VersionID][j].Evidence})
			} else {
				cv.MorePeers++
			}
		}
		out = append(out, cv)
	}
	return out, nil
}
