package watchlist

import (
	"context"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Item is one watch with the health and last change of each of its
// documents.
type Item struct {
	store.Watch
	Documents []DocumentStatus `json:"documents"`
}

// DocumentStatus is a watched document with its newest change, if any.
type DocumentStatus struct {
	Document   store.Document `json:"document"`
	LastChange *store.Change  `json:"last_change"`
}

// Healthy reports whether the latest check found the document as expected
// (or it was not checked yet).
func (d DocumentStatus) Healthy() bool {
	return d.Document.State.Healthy()
}

// List returns the organization's watches, oldest first, with each
// document's health and last change, in a fixed number of queries.
func (s *Service) List(ctx context.Context, orgID int64) ([]Item, error) {
	ws, err := s.store.Watches(ctx, orgID)
	if err != nil {
		return nil, err
	}
	docs, err := s.store.WatchedDocuments(ctx, orgID, false)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	last, err := s.store.LatestChanges(ctx, ids)
	if err != nil {
		return nil, err
	}
	byPlatform := map[int64][]DocumentStatus{}
	byID := map[int64]DocumentStatus{}
	for _, d := range docs {
		st := DocumentStatus{Document: d}
		if c, ok := last[d.ID]; ok {
			st.LastChange = &c
		}
		if d.PlatformID != nil && d.OrganizationID == nil {
			byPlatform[*d.PlatformID] = append(byPlatform[*d.PlatformID], st)
		}
		byID[d.ID] = st
	}
	items := make([]Item, len(ws))
	for i, w := range ws {
		items[i].Watch = w
		switch {
		case w.PlatformID != nil:
			items[i].Documents = byPlatform[*w.PlatformID]
		case w.DocumentID != nil:
			if st, ok := byID[*w.DocumentID]; ok {
				items[i].Documents = []DocumentStatus{st}
			}
		}
		if items[i].Documents == nil {
			items[i].Documents = []DocumentStatus{}
		}
	}
	return items, nil
}

// Usage counts the organization's platform and custom-URL watches.
func (s *Service) Usage(ctx context.Context, orgID int64) (store.WatchLimits, error) {
	return s.store.CountWatches(ctx, orgID)
}

// Changes lists changes to the documents the organization actively
// watches, newest first, since t (all when zero), at most limit.
func (s *Service) Changes(ctx context.Context, orgID int64, since time.Time, limit int) ([]store.Change, error) {
	return s.store.WatchedChanges(ctx, orgID, since, limit)
}

// Trouble lists the actively watched documents whose latest check failed.
func (s *Service) Trouble(ctx context.Context, orgID int64) ([]store.Document, error) {
	docs, err := s.store.WatchedDocuments(ctx, orgID, true)
	if err != nil {
		return nil, err
	}
	var out []store.Document
	for _, d := range docs {
		if !(DocumentStatus{Document: d}).Healthy() {
			out = append(out, d)
		}
	}
	return out, nil
}

// Item returns one of the organization's watches with its documents'
// health and last changes.
func (s *Service) Item(ctx context.Context, orgID, watchID int64) (*Item, error) {
	if _, err := s.store.Watch(ctx, orgID, watchID); err != nil {
		return nil, err
	}
	items, err := s.List(ctx, orgID)
	if err != nil {
		return nil, err
	}
	for i := range items {
		if items[i].ID == watchID {
			return &items[i], nil
		}
	}
	return nil, fmt.Errorf("watch %d: %w", watchID, store.ErrNotFound)
}
