package recorder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/store"
)

// ImportReport counts what an import did, and says what the user must
// know about it: which declaration took precedence over which, and which
// documents were retired.
type ImportReport struct {
	Platforms         int      `json:"platforms"`
	PlatformsKept     int      `json:"platforms_kept,omitempty"`
	DocumentsCreated  int      `json:"documents_created"`
	DocumentsUpdated  int      `json:"documents_updated"`
	DocumentsRetired  int      `json:"documents_retired"`
	TechnicalUpgrades int      `json:"technical_upgrades"`
	Notices           []string `json:"notices,omitempty"`
}

// Import upserts platforms and their documents from declarations the user
// imports. It is idempotent: importing the same declarations twice changes
// nothing. A document whose extraction rules changed is re-extracted from
// its latest snapshots and recorded as a technical upgrade, never as a
// change. A catalogue document the declaration no longer lists is retired:
// kept with its versions, no longer checked.
//
// Precedence: an imported declaration replaces a built-in one of the same
// slug (the report says so); see ImportBuiltin for the other way round.
func (s *Service) Import(ctx context.Context, platforms []catalogue.Platform) (ImportReport, error) {
	return s.importAs(ctx, platforms, store.OriginImport)
}

// ImportBuiltin loads the catalogue shipped in the binary. It never
// replaces a platform that was imported: the user's declaration wins, and
// the report says which built-in ones were left out.
func (s *Service) ImportBuiltin(ctx context.Context, platforms []catalogue.Platform) (ImportReport, error) {
	return s.importAs(ctx, platforms, store.OriginBuiltin)
}

func (s *Service) importAs(ctx context.Context, platforms []catalogue.Platform, origin string) (ImportReport, error) {
	var rep ImportReport
	for _, p := range platforms {
		existing, err := s.store.PlatformBySlug(ctx, p.Slug)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return rep, err
		case origin == store.OriginBuiltin && existing.Origin == store.OriginImport:
			rep.PlatformsKept++
			rep.Notices = append(rep.Notices, fmt.Sprintf("%s: kept the imported declaration; the built-in one is not loaded over it", p.Slug))
			continue
		case origin == store.OriginImport && existing.Origin == store.OriginBuiltin:
			rep.Notices = append(rep.Notices, fmt.Sprintf("%s: the imported declaration replaces the built-in one (imported declarations take precedence)", p.Slug))
		}
		row := store.Platform{Slug: p.Slug, Name: p.Name, Jurisdiction: p.Jurisdiction, Locale: p.Locale, Category: p.Category, Origin: origin}
		if err := s.store.UpsertPlatform(ctx, &row); err != nil {
			return rep, err
		}
		rep.Platforms++
		types := make([]string, len(p.Documents))
		for i, d := range p.Documents {
			types[i] = d.Type
			if err := s.importDocument(ctx, &rep, row.ID, d); err != nil {
				return rep, fmt.Errorf("import %s %s: %w", p.Slug, d.Type, err)
			}
		}
		retired, err := s.store.RetireDocuments(ctx, row.ID, types, s.now())
		if err != nil {
			return rep, fmt.Errorf("import %s: %w", p.Slug, err)
		}
		rep.DocumentsRetired += len(retired)
		for _, t := range retired {
			rep.Notices = append(rep.Notices, fmt.Sprintf("%s: %s retired (no longer declared; its versions are kept and it is no longer checked)", p.Slug, t))
		}
	}
	return rep, nil
}

func (s *Service) importDocument(ctx context.Context, rep *ImportReport, platformID int64, d catalogue.Document) error {
	sources, err := json.Marshal(d.Sources)
	if err != nil {
		return fmt.Errorf("encode sources: %w", err)
	}
	history, err := encodeHistory(d.History)
	if err != nil {
		return err
	}
	rulesHash := RulesHash(d.Sources)
	existing, err := s.store.CatalogueDocument(ctx, platformID, d.Type)
	if errors.Is(err, store.ErrNotFound) {
		rep.DocumentsCreated++
		return s.store.CreateDocument(ctx, &store.Document{
			PlatformID: &platformID, DocType: d.Type, Name: d.Type, Sources: sources, RulesHash: rulesHash, History: history,
		})
	}
	if err != nil {
		return err
	}
	if string(existing.History) != string(history) || existing.RetiredAt != nil {
		if err := s.store.UpdateDocumentHistory(ctx, existing.ID, history); err != nil {
			return err
		}
		if existing.RetiredAt != nil {
			rep.DocumentsUpdated++
		}
	}
	if string(existing.Sources) == string(sources) {
		return nil
	}
	if err := s.store.UpdateDocumentSources(ctx, existing.ID, d.Type, sources, rulesHash); err != nil {
		return err
	}
	rep.DocumentsUpdated++
	if existing.RulesHash == rulesHash || existing.LatestVersionID == nil {
		return nil
	}
	_, upgraded, err := s.upgrade(ctx, existing.ID, d.Sources)
	if err != nil {
		// The new rules are stored; the next check applies them. Say why the
		// immediate re-extraction did not happen.
		s.log.Warn("technical upgrade deferred to the next check", slog.Int64("document_id", existing.ID), slog.String("error", err.Error()))
		return nil
	}
	if upgraded {
		rep.TechnicalUpgrades++
	}
	return nil
}

// RulesHash fingerprints what decides extraction (selectors, removals and
// filters), so that a changed declaration can be told from a changed page.
func RulesHash(sources []engine.Source) string {
	rules := make([]extract.Rules, len(sources))
	for i, s := range sources {
		rules[i] = s.Rules
	}
	b, _ := json.Marshal(rules)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// storedPeriod is a catalogue.Period as stored with its document.
type storedPeriod struct {
	ValidUntil time.Time       `json:"valid_until"`
	Sources    []engine.Source `json:"sources"`
	Refused    string          `json:"refused,omitempty"`
}

// encodeHistory encodes a document's past declarations; no history is "".
func encodeHistory(periods []catalogue.Period) (store.JSONText, error) {
	if len(periods) == 0 {
		return store.JSONText{}, nil
	}
	out := make([]storedPeriod, len(periods))
	for i, p := range periods {
		out[i] = storedPeriod{ValidUntil: p.ValidUntil, Sources: p.Sources}
		if p.Refused != nil {
			out[i].Refused = p.Refused.Error()
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return nil, fmt.Errorf("encode history: %w", err)
	}
	return b, nil
}
