// Package insight builds the compliance views of the catalogue from
// classified provisions: a platform's governance exposure, how other
// platforms handle the same provision, and the governance timeline of its
// changes. It returns plain view models; rendering them is the web app's
// business.
package insight

import (
	"context"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Store is what the views read: the catalogue's latest versions and the
// texts of versions to classify.
type Store interface {
	LatestCatalogueVersions(ctx context.Context) ([]store.LatestCatalogueVersion, error)
	VersionTexts(ctx context.Context, ids []int64) (map[int64]string, error)
	CategoryLastChanges(ctx context.Context, category string) (map[int64]time.Time, error)
}

// DefaultCacheSize bounds the classified versions a Service keeps in
// memory; the catalogue's latest versions fit many times over.
const DefaultCacheSize = 4096

// Service builds compliance views. It is safe for concurrent use and is
// meant to live as long as the process, so that its cache of classified
// versions serves every request.
type Service struct {
	store      Store
	cats       *Categories
	provisions *ProvisionCache
}

// New returns a Service reading st, keeping at most cacheSize classified
// versions.
func New(st Store, cacheSize int) *Service {
	return &Service{
		store:      st,
		cats:       NewCategories(),
		provisions: NewProvisionCache(cacheSize, st.VersionTexts, Read),
	}
}

// Categories is the provision category table the views are built with.
func (s *Service) Categories() *Categories { return s.cats }
