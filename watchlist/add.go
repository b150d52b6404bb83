package watchlist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/validation"
)

// AddPlatform makes the organization watch every document of the platform
// with that slug. Over the plan's limit it is a *billing.LimitError; a
// platform already watched is a *ConflictError.
func (s *Service) AddPlatform(ctx context.Context, orgID, actorID int64, slug string) (*store.Watch, error) {
	slug = strings.TrimSpace(slug)
	if slug == "" {
		return nil, validation.Errors{"platform": "Choose a platform to watch."}
	}
	p, err := s.store.PlatformBySlug(ctx, slug)
	if errors.Is(err, store.ErrNotFound) {
		return nil, validation.Errors{"platform": fmt.Sprintf("There is no platform %q in the catalogue.", slug)}
	}
	if err != nil {
		return nil, err
	}
	plan, err := s.plan(ctx, orgID)
	if err != nil {
		return nil, err
	}
	w, err := s.store.AddPlatformWatch(ctx, orgID, p.ID, optionalID(actorID), plan.Platforms)
	switch {
	case errors.Is(err, store.ErrLimitReached):
		return nil, &billing.LimitError{Plan: plan, Limit: billing.LimitPlatforms}
	case errors.Is(err, store.ErrConflict):
		return nil, &ConflictError{Message: fmt.Sprintf("You already watch %s.", p.Name)}
	case err != nil:
		return nil, err
	}
	w.Platform = p
	if err := audit(ctx, s.store, orgID, actorID, store.AuditWatchAdd, "platform "+p.Slug); err != nil {
		return nil, err
	}
	return w, nil
}

// CustomURL is a document the organization declares itself: a page and,
// optionally, CSS selectors of the part to keep and the parts to drop.
type CustomURL struct {
	URL    string   `json:"url"`
	Name   string   `json:"name"`
	Select []string `json:"select,omitempty"`
	Remove []string `json:"remove,omitempty"`
}

// Added is a new custom URL watch with the outcome of its first check.
type Added struct {
	Watch *store.Watch
	// Checked is false when no check could run (no checker configured).
	Checked bool
	Outcome recorder.Outcome
	// Preview is the start of the extracted text when the check recorded
	// a version.
	Preview string
}

// previewRunes bounds the extracted text shown after adding a URL.
const previewRunes = 2000

// AddCustomURL validates and adds a custom document on plans that allow
// custom URLs, then checks it once right away so that the person sees the
// extracted text or the reason there is none. Invalid input is
// validation.Errors (fields url, name, select, remove); the plan's limit a
// *billing.LimitError.
func (s *Service) AddCustomURL(ctx context.Context, orgID, actorID int64, in CustomURL) (*Added, error) {
	plan, err := s.plan(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if plan.CustomURLs == 0 {
		return nil, &billing.LimitError{Plan: plan, Limit: billing.LimitCustomURLs}
	}
	src, err := s.validateCustom(&in)
	if err != nil {
		return nil, err
	}
	sources, err := json.Marshal([]engine.Source{src})
	if err != nil {
		return nil, fmt.Errorf("encode sources: %w", err)
	}
	doc := &store.Document{Name: in.Name, Sources: sources, RulesHash: recorder.RulesHash([]engine.Source{src})}
	w, err := s.store.AddCustomWatch(ctx, orgID, doc, optionalID(actorID), plan.CustomURLs)
	switch {
	case errors.Is(err, store.ErrLimitReached):
		return nil, &billing.LimitError{Plan: plan, Limit: billing.LimitCustomURLs}
	case errors.Is(err, store.ErrConflict):
		return nil, &ConflictError{Message: "You already watch this URL with these selectors."}
	case err != nil:
		return nil, err
	}
	if err := audit(ctx, s.store, orgID, actorID, store.AuditWatchAdd, "custom URL "+src.URL); err != nil {
		return nil, err
	}
	added := &Added{Watch: w}
	if s.checker == nil {
		return added, nil
	}
	checkCtx, cancel := context.WithTimeout(ctx, s.checkTimeout)
	defer cancel()
	out, err := s.checker.Check(checkCtx, doc.ID)
	if err != nil {
		// The watch exists and the scheduler will check it; say why the
		// first check did not happen instead of failing the add.
		s.log.WarnContext(ctx, "first check of a custom URL failed", slog.Int64("document_id", doc.ID), slog.String("error", err.Error()))
		added.Checked, added.Outcome = true, recorder.Outcome{DocumentID: doc.ID, State: docstate.Unreachable, Error: "The first check did not finish: " + err.Error()}
		return added, nil
	}
	added.Checked, added.Outcome = true, out
	if out.VersionID != 0 {
		v, err := s.store.LatestVersion(ctx, doc.ID)
		if err != nil {
			return nil, err
		}
		added.Preview = truncate(v.Markdown, previewRunes)
	}
	if fresh, err := s.store.Document(ctx, doc.ID); err == nil {
		w.Document = fresh
	}
	return added, nil
}

// validateCustom checks the input field by field and builds the source.
func (s *Service) validateCustom(in *CustomURL) (engine.Source, error) {
	errs := validation.Errors{}
	in.URL = strings.TrimSpace(in.URL)
	in.Name = strings.TrimSpace(in.Name)
	switch {
	case in.Name == "":
		errs.Add("name", "Give the document a name, e.g. “Vendor terms of service”.")
	case utf8.RuneCountInString(in.Name) > 200:
		errs.Add("name", "Keep the name under 200 characters.")
	}
	u, err := url.Parse(in.URL)
	switch {
	case in.URL == "":
		errs.Add("url", "Enter the address of the page to watch.")
	case err != nil || u.Host == "":
		errs.Add("url", "Enter a full address, e.g. https://example.com/terms.")
	case u.Scheme != "http" && u.Scheme != "https":
		errs.Add("url", "Only http:// and https:// addresses can be watched.")
	case len(in.URL) > 2000:
		errs.Add("url", "The address is too long.")
	default:
		if err := fetch.ValidateURL(in.URL, s.allowPrivate); err != nil {
			errs.Add("url", "This address cannot be watched: "+err.Error()+".")
		}
	}
	rules := extract.Rules{}
	for _, field := range []struct {
		name string
		in   []string
		out  *[]extract.Selector
	}{{"select", in.Select, &rules.Select}, {"remove", in.Remove, &rules.Remove}} {
		for _, css := range field.in {
			css = strings.TrimSpace(css)
			if css == "" {
				continue
			}
			sel := extract.Selector{CSS: css}
			if err := (extract.Rules{Select: []extract.Selector{sel}}).Validate(); err != nil {
				errs.Add(field.name, fmt.Sprintf("%q is not a CSS selector we can read.", css))
				continue
			}
			*field.out = append(*field.out, sel)
		}
	}
	if err := errs.Err(); err != nil {
		return engine.Source{}, err
	}
	return engine.Source{URL: in.URL, Rules: rules}, nil
}

// plan is the organization's current plan.
func (s *Service) plan(ctx context.Context, orgID int64) (billing.Plan, error) {
	org, err := s.store.Organization(ctx, orgID)
	if err != nil {
		return billing.Plan{}, err
	}
	return billing.Entitlements(org.Plan), nil
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
