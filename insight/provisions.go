package insight

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/sync/singleflight"

	"github.com/clausewatch/clausewatch/engine/analysis"
)

// TextsFunc reads the texts of versions by id; a version it does not find
// is left out of the map.
type TextsFunc func(ctx context.Context, ids []int64) (map[int64]string, error)

// ClassifyFunc finds the provisions a text states.
type ClassifyFunc func(markdown string) []analysis.Provision

// textBatch is how many version texts one read brings into memory at
// most: the peer comparison may classify a thousand long policies.
const textBatch = 64

// ProvisionCache keeps the provisions of classified versions by id.
// Versions never change once recorded, so an entry never goes stale; the
// bound keeps memory flat, evicting the least recently used entries.
//
// Classification is the expensive part. Concurrent lookups of one version
// classify it once (the others wait for that result), while different
// versions classify in parallel: nothing is locked around classification.
// One lookup classifies its versions one after the other, so a page costs
// at most one core however cold the cache.
type ProvisionCache struct {
	entries  *lru.Cache[int64, []analysis.Provision]
	flights  singleflight.Group
	texts    TextsFunc
	classify ClassifyFunc
}

// NewProvisionCache returns a cache of at most size versions (at least
// one), reading texts with texts and classifying them with classify.
func NewProvisionCache(size int, texts TextsFunc, classify ClassifyFunc) *ProvisionCache {
	entries, err := lru.New[int64, []analysis.Provision](max(size, 1))
	if err != nil {
		panic(fmt.Sprintf("provision cache: %v", err)) // only a size below one fails
	}
	return &ProvisionCache{entries: entries, texts: texts, classify: classify}
}

// Len is the number of cached versions.
func (c *ProvisionCache) Len() int { return c.entries.Len() }

// Provisions returns the provisions each version states, reading and
// classifying only the versions not cached yet. Versions without text are
// left out.
func (c *ProvisionCache) Provisions(ctx context.Context, ids []int64) (map[int64][]analysis.Provision, error) {
	out := make(map[int64][]analysis.Provision, len(ids))
	missing := c.collect(ids, out)
	for batch := range slices.Chunk(missing, textBatch) {
		// Another request may have classified some of them meanwhile.
		if batch = c.collect(batch, out); len(batch) == 0 {
			continue
		}
		texts, err := c.texts(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("classify versions: %w", err)
		}
		for _, id := range batch {
			if md, ok := texts[id]; ok {
				out[id] = c.classifyOnce(id, md)
			}
		}
	}
	return out, nil
}

// collect copies the cached provisions of ids into out and returns the ids
// not cached.
func (c *ProvisionCache) collect(ids []int64, out map[int64][]analysis.Provision) []int64 {
	var missing []int64
	for _, id := range ids {
		if ps, ok := c.entries.Get(id); ok {
			out[id] = ps
		} else {
			missing = append(missing, id)
		}
	}
	return missing
}

// classifyOnce classifies version id unless it is cached or being
// classified already, in which case it takes that result.
func (c *ProvisionCache) classifyOnce(id int64, markdown string) []analysis.Provision {
	v, _, _ := c.flights.Do(strconv.FormatInt(id, 10), func() (any, error) {
		// A flight that ended between our cache miss and this call has
		// filled the cache.
		if ps, ok := c.entries.Get(id); ok {
			return ps, nil
		}
		ps := c.classify(markdown)
		c.entries.Add(id, ps)
		return ps, nil
	})
	return v.([]analysis.Provision)
}
