package insight

import (
	"context"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// PlatformStance is one catalogue platform's stance on a provision.
type PlatformStance struct {
	PlatformID int64
	Slug, Name string
	Category   string // the platform's category: "Video conferencing"
	Stance
	LastChange *time.Time // the latest change that moved the provision
}

// CatalogueStances lists every catalogue platform that has a recorded
// version with its stance on the category, in platform name order. The
// category must exist (Categories.Has).
func (s *Service) CatalogueStances(ctx context.Context, category string) ([]PlatformStance, error) {
	cat, ok := s.cats.byID[category]
	if !ok {
		return nil, fmt.Errorf("catalogue stances: unknown category %q", category)
	}
	rows, err := s.store.LatestCatalogueVersions(ctx)
	if err != nil {
		return nil, fmt.Errorf("catalogue stances: %w", err)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.VersionID
	}
	provisions, err := s.provisions.Provisions(ctx, ids)
	if err != nil {
		return nil, err
	}
	last, err := s.store.CategoryLastChanges(ctx, category)
	if err != nil {
		return nil, fmt.Errorf("catalogue stances: %w", err)
	}
	var out []PlatformStance
	for _, group := range byPlatform(rows) {
		r := group[0]
		docs := make([]Document, len(group))
		for i, g := range group {
			docs[i] = Document{ID: g.DocumentID, DocType: g.DocType, VersionID: g.VersionID}
		}
		ps := PlatformStance{PlatformID: r.PlatformID, Slug: r.Slug, Name: r.Name, Category: r.Category,
			Stance: stanceOf(r.Name, cat, statements(docs, provisions, category))}
		if t, ok := last[r.PlatformID]; ok {
			ps.LastChange = &t
		}
		out = append(out, ps)
	}
	return out, nil
}

// byPlatform groups rows by platform, in the order platforms first appear.
// Rows of one platform need not be adjacent: two platforms may share a
// name.
func byPlatform(rows []store.LatestCatalogueVersion) [][]store.LatestCatalogueVersion {
	var out [][]store.LatestCatalogueVersion
	index := map[int64]int{}
	for _, r := range rows {
		i, ok := index[r.PlatformID]
		if !ok {
			i = len(out)
			index[r.PlatformID] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	return out
}

// StanceGroup is the platforms that share one stance.
type StanceGroup struct {
	Value     string
	Platforms []PlatformStance
	More      int // platforms beyond the ones listed
}

// GroupByStance groups platforms by stance, stated stances first, keeping
// at most limit platforms per group (all when limit is 0).
func GroupByStance(ps []PlatformStance, limit int) []StanceGroup {
	var out []StanceGroup
	index := map[string]int{}
	for _, p := range ps {
		i, ok := index[p.Value]
		if !ok {
			i = len(out)
			index[p.Value] = i
			out = append(out, StanceGroup{Value: p.Value})
		}
		if limit == 0 || len(out[i].Platforms) < limit {
			out[i].Platforms = append(out[i].Platforms, p)
		} else {
			out[i].More++
		}
	}
	sortGroups(out)
	return out
}

// sortGroups puts stated stances before "not stated", keeping the order
// of first appearance otherwise.
func sortGroups(gs []StanceGroup) {
	var stated, not []StanceGroup
	for _, g := range gs {
		if g.Value == StanceNotStated {
			not = append(not, g)
		} else {
			stated = append(stated, g)
		}
	}
	copy(gs, append(stated, not...))
}
