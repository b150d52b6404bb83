package alerts

import (
	"context"
	"fmt"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// StanceChange is a category whose stance a change altered: "AI training:
// prohibits → permits with opt-out".
type StanceChange struct {
	Category string
	Title    string // the category in words
	From, To string // stance names
}

// Words is the change as alerts show it.
func (s StanceChange) Words() string {
	return fmt.Sprintf("%s: %s → %s", s.Title, s.From, s.To)
}

// stanceChanges compares the stances of the change's two versions, once
// per change and process. A stance only moves when a sentence of its
// category changed, so a change without provisions is not read at all.
func (s *Service) stanceChanges(ctx context.Context, st *store.Store, c *store.Change, provisions bool) ([]StanceChange, error) {
	if !provisions || c.FromVersionID == 0 {
		return nil, nil
	}
	if out, ok := s.stances.Get(c.ID); ok {
		return out, nil
	}
	out, err := compareStances(ctx, st, c)
	if err != nil {
		return nil, err
	}
	s.stances.Add(c.ID, out)
	return out, nil
}

// compareStances reads both versions and lists the stances that moved.
func compareStances(ctx context.Context, st *store.Store, c *store.Change) ([]StanceChange, error) {
	from, err := st.Version(ctx, c.DocumentID, c.FromVersionID)
	if err != nil {
		return nil, fmt.Errorf("stance changes of change %d: %w", c.ID, err)
	}
	to, err := st.Version(ctx, c.DocumentID, c.ToVersionID)
	if err != nil {
		return nil, fmt.Errorf("stance changes of change %d: %w", c.ID, err)
	}
	before := map[string]analysis.Stance{}
	for _, s := range analysis.Stances(from.Markdown) {
		before[s.Category] = s
	}
	var out []StanceChange
	for _, s := range analysis.Stances(to.Markdown) {
		old, ok := before[s.Category]
		if !ok || old.Stance == s.Stance {
			continue
		}
		title := s.Category
		if cat, ok := analysis.Lookup(s.Category); ok {
			title = cat.Title
		}
		out = append(out, StanceChange{Category: s.Category, Title: title, From: old.Name, To: s.Name})
	}
	return out, nil
}
