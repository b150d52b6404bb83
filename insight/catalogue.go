package insight

import (
	"context"
	"fmt"
	"slices"
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
	readings, err := s.provisions.Readings(ctx, ids)
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
		ps := PlatformStance{PlatformID: r.PlatformID, Slug: r.Slug, Name: r.Name, Category: r.Category,
			Stance: stanceOf(r.Name, cat, documentsOf(group), readings)}
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

// GroupByStance groups platforms by stance, in the order the rules try
// stances (not stated last), keeping at most limit platforms per group
// (all when limit is 0).
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
	slices.SortStableFunc(out, func(a, b StanceGroup) int { return a.Platforms[0].Rank - b.Platforms[0].Rank })
	return out
}

// StanceMatrix reads the stances of the given catalogue platforms on each
// of the categories: matrix[platform id][category id]. A platform with no
// recorded version is left out; unknown categories are skipped.
func (s *Service) StanceMatrix(ctx context.Context, platformIDs []int64, categories []string) (map[int64]map[string]Stance, error) {
	rows, err := s.store.LatestCatalogueVersions(ctx)
	if err != nil {
		return nil, fmt.Errorf("stance matrix: %w", err)
	}
	wanted := make(map[int64]bool, len(platformIDs))
	for _, id := range platformIDs {
		wanted[id] = true
	}
	rows = slices.DeleteFunc(rows, func(r store.LatestCatalogueVersion) bool { return !wanted[r.PlatformID] })
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.VersionID
	}
	readings, err := s.provisions.Readings(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := map[int64]map[string]Stance{}
	for _, group := range byPlatform(rows) {
		docs := documentsOf(group)
		row := map[string]Stance{}
		for _, id := range categories {
			if cat, ok := s.cats.byID[id]; ok {
				row[id] = stanceOf(group[0].Name, cat, docs, readings)
			}
		}
		out[group[0].PlatformID] = row
	}
	return out, nil
}

// documentsOf is the documents of one platform's latest versions.
func documentsOf(rows []store.LatestCatalogueVersion) []Document {
	docs := make([]Document, len(rows))
	for i, r := range rows {
		docs[i] = Document{ID: r.DocumentID, DocType: r.DocType, VersionID: r.VersionID}
	}
	return docs
}
