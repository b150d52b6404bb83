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

// Reading is what the analysis reads in one version: the provisions it
// states and its stance on each category whose rules define stances.
type Reading struct {
	Provisions []analysis.Provision
	Stances    []analysis.Stance
}

// ReadFunc reads a version's text.
type ReadFunc func(markdown string) Reading

// Read is the analysis's reading of a version.
func Read(markdown string) Reading {
	return Reading{Provisions: analysis.Classify(markdown), Stances: analysis.Stances(markdown)}
}

// textBatch is how many version texts one read brings into memory at
// most: the peer comparison may classify a thousand long policies.
const textBatch = 64

// ProvisionCache keeps the readings of classified versions by id.
// Versions never change once recorded, so an entry never goes stale; the
// bound keeps memory flat, evicting the least recently used entries.
//
// Classification is the expensive part. Concurrent lookups of one version
// classify it once (the others wait for that result), while different
// versions classify in parallel: nothing is locked around classification.
// One lookup classifies its versions one after the other, so a page costs
// at most one core however cold the cache.
type ProvisionCache struct {
	entries *lru.Cache[int64, Reading]
	flights singleflight.Group
	texts   TextsFunc
	read    ReadFunc
}

// NewProvisionCache returns a cache of at most size versions (at least
// one), reading texts with texts and classifying them with read.
func NewProvisionCache(size int, texts TextsFunc, read ReadFunc) *ProvisionCache {
	entries, err := lru.New[int64, Reading](max(size, 1))
	if err != nil {
		panic(fmt.Sprintf("provision cache: %v", err)) // only a size below one fails
	}
	return &ProvisionCache{entries: entries, texts: texts, read: read}
}

// Len is the number of cached versions.
func (c *ProvisionCache) Len() int { return c.entries.Len() }

// Provisions returns the provisions each version states; see Readings.
func (c *ProvisionCache) Provisions(ctx context.Context, ids []int64) (map[int64][]analysis.Provision, error) {
	rs, err := c.Readings(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]analysis.Provision, len(rs))
	for id, r := range rs {
		out[id] = r.Provisions
	}
	return out, nil
}

// Readings returns the reading of each version, reading and classifying
// only the versions not cached yet. Versions without text are left out.
func (c *ProvisionCache) Readings(ctx context.Context, ids []int64) (map[int64]Reading, error) {
	out := make(map[int64]Reading, len(ids))
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

// collect copies the cached readings of ids into out and returns the ids
// not cached.
func (c *ProvisionCache) collect(ids []int64, out map[int64]Reading) []int64 {
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
func (c *ProvisionCache) classifyOnce(id int64, markdown string) Reading {
	v, _, _ := c.flights.Do(strconv.FormatInt(id, 10), func() (any, error) {
		// A flight that ended between our cache miss and this call has
		// filled the cache.
		if ps, ok := c.entries.Get(id); ok {
			return ps, nil
		}
		r := c.read(markdown)
		c.entries.Add(id, r)
		return r, nil
	})
	return v.(Reading)
}
