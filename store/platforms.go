package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"
)

// Origins of a platform's declaration.
const (
	OriginBuiltin = "builtin" // the catalogue shipped in the binary
	OriginImport  = "import"  // catalogue import
)

// UpsertPlatform creates the platform or updates its descriptive fields
// and origin, keyed by slug, and returns it with its id.
func (s *Store) UpsertPlatform(ctx context.Context, p *Platform) error {
	now := time.Now().UTC()
	p.CreatedAt, p.UpdatedAt = now, now
	if p.Origin == "" {
		p.Origin = OriginImport
	}
	err := s.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "slug"}},
		DoUpdates: clause.AssignmentColumns([]string{"name", "jurisdiction", "locale", "category", "origin", "updated_at"}),
	}).Create(p).Error
	if err != nil {
		return notFound(err, "upsert platform "+p.Slug)
	}
	// On conflict some drivers do not return the existing id.
	return notFound(s.conn(ctx).Where("slug = ?", p.Slug).First(p).Error, "platform "+p.Slug)
}

// Platforms lists the catalogue, by name.
func (s *Store) Platforms(ctx context.Context) ([]Platform, error) {
	var ps []Platform
	err := s.conn(ctx).Order("name").Find(&ps).Error
	return ps, notFound(err, "list platforms")
}

// PlatformBySlug returns one platform of the catalogue.
func (s *Store) PlatformBySlug(ctx context.Context, slug string) (*Platform, error) {
	var p Platform
	err := s.conn(ctx).Where("slug = ?", slug).First(&p).Error
	return &p, notFound(err, "platform "+slug)
}

// CountPlatforms returns the size of the catalogue.
func (s *Store) CountPlatforms(ctx context.Context) (int64, error) {
	var n int64
	err := s.conn(ctx).Model(&Platform{}).Count(&n).Error
	return n, notFound(err, "count platforms")
}
