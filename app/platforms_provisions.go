package app

import (
	"context"
	"fmt"
	"sync"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// provisionCache keeps the provisions of classified versions by id.
// Versions never change once recorded, so an entry never goes stale; the
// bound keeps memory flat, evicting the oldest entries first.
type provisionCache struct {
	mu      sync.Mutex
	max     int
	entries map[int64][]analysis.Provision
	order   []int64
	// fill serializes classification, so that concurrent first visits
	// classify the catalogue once rather than once each.
	fill sync.Mutex
}

func newProvisionCache(max int) *provisionCache {
	return &provisionCache{max: max, entries: map[int64][]analysis.Provision{}}
}

func (pc *provisionCache) get(id int64) ([]analysis.Provision, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	ps, ok := pc.entries[id]
	return ps, ok
}

func (pc *provisionCache) put(id int64, ps []analysis.Provision) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if _, ok := pc.entries[id]; ok {
		return
	}
	for len(pc.order) >= pc.max {
		delete(pc.entries, pc.order[0])
		pc.order = pc.order[1:]
	}
	pc.entries[id] = ps
	pc.order = append(pc.order, id)
}

// Len is the number of cached versions.
func (pc *provisionCache) Len() int {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return len(pc.entries)
}

// versionProvisions returns the provisions each version states, reading
// and classifying only the versions not cached yet.
func (e *catalogueHandlers) versionProvisions(ctx context.Context, ids []int64) (map[int64][]analysis.Provision, error) {
	out := make(map[int64][]analysis.Provision, len(ids))
	missing := e.collectCached(ids, out)
	if len(missing) == 0 {
		return out, nil
	}
	e.provisions.fill.Lock()
	defer e.provisions.fill.Unlock()
	missing = e.collectCached(missing, out) // another request may have filled them meanwhile
	if len(missing) == 0 {
		return out, nil
	}
	texts, err := e.store.VersionTexts(ctx, missing)
	if err != nil {
		return nil, fmt.Errorf("classify versions: %w", err)
	}
	for _, id := range missing {
		md, ok := texts[id]
		if !ok {
			continue
		}
		ps := analysis.Classify(md)
		e.provisions.put(id, ps)
		out[id] = ps
	}
	return out, nil
}

func (e *catalogueHandlers) collectCached(ids []int64, out map[int64][]analysis.Provision) []int64 {
	var missing []int64
	for _, id := range ids {
		if ps, ok := e.provisions.get(id); ok {
			out[id] = ps
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}
