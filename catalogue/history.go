package catalogue

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/engine"
)

// Period is one past declaration of a document: the sources that applied
// to pages fetched up to ValidUntil (and after the previous period).
type Period struct {
	ValidUntil time.Time
	Sources    []engine.Source
	// Refused says why these sources cannot be used (a JavaScript
	// filter); nil when they can.
	Refused error
}

// SourcesAt returns the sources of the declaration in force at t, the
// time a page was fetched: the oldest period whose ValidUntil is not
// before t, or the current sources after the last period. This is how Open
// Terms Archive picks the rules to re-extract an old snapshot with.
func (d Document) SourcesAt(t time.Time) ([]engine.Source, error) {
	for _, p := range d.History {
		if t.After(p.ValidUntil) {
			continue
		}
		if p.Refused != nil {
			return nil, fmt.Errorf("%s at %s: %w", d.Type, t.UTC().Format(time.RFC3339), p.Refused)
		}
		return p.Sources, nil
	}
	return d.Sources, nil
}

// HistoryFile returns the name of the history file of a declaration file:
// "Zoom.json" gives "Zoom.history.json".
func HistoryFile(declaration string) string {
	return strings.TrimSuffix(declaration, ".json") + ".history.json"
}

// filtersFile returns the name of the JavaScript filters file of a
// declaration or history file.
func filtersFile(name string) string {
	name = strings.TrimSuffix(name, ".json")
	return strings.TrimSuffix(name, ".history") + ".filters.js"
}

// ParseHistory reads an Open Terms Archive history file: for each terms
// type, the past declarations of that document, each with the date until
// which it applied. The periods come back oldest first. Entries whose
// JavaScript filters cannot be given a script (ParseHistory has no filters
// file; LoadFile reads it) are kept with Refused set, and also returned in
// refused, so that a snapshot of their time is never re-extracted with
// other rules.
func ParseHistory(name string, data []byte) (history map[string][]Period, refused []error, err error) {
	return parseHistory(name, data, filtersFiles{})
}

func parseHistory(name string, data []byte, filters filtersFiles) (history map[string][]Period, refused []error, err error) {
	p := parser{file: name, history: true, scripts: filters, refused: new([]error)}
	if !json.Valid(data) {
		var v any
		return nil, nil, &DeclarationError{File: name, Err: syntaxError(data, json.Unmarshal(data, &v))}
	}
	members, err := objectMembers(data)
	if err != nil {
		return nil, nil, &DeclarationError{File: name, Err: err}
	}
	history = make(map[string][]Period, len(members))
	for _, m := range members {
		f := "[" + fmt.Sprintf("%q", m.key) + "]"
		termsType, ok := CanonicalType(m.key)
		if !ok {
			return nil, nil, p.fail(f, "unknown terms type %q", m.key)
		}
		if _, dup := history[termsType]; dup {
			return nil, nil, p.fail(f, "declares %q again", termsType)
		}
		periods, err := p.periods(f, m.value)
		if err != nil {
			return nil, nil, err
		}
		history[termsType] = periods
	}
	return history, *p.refused, nil
}

func (p parser) periods(field string, raw json.RawMessage) ([]Period, error) {
	items, err := p.array(field, raw)
	if err != nil {
		return nil, err
	}
	periods := make([]Period, 0, len(items))
	for i, item := range items {
		f := indexField(field, i)
		spec, err := p.sourceSpec(f, item, true)
		if err != nil {
			return nil, err
		}
		if !spec.hasValidUntil {
			return nil, p.fail(childField(f, "validUntil"), "missing")
		}
		sources, err := p.sourcesOf(f, spec)
		if err != nil {
			return nil, err
		}
		period := Period{ValidUntil: spec.validUntil, Sources: sources}
		consequence := "pages fetched up to " + spec.validUntil.Format(time.RFC3339) + " cannot be re-extracted with these rules"
		if err := p.scriptFilters(f, sources, consequence); err != nil {
			period.Refused = err
			p.refuse(err)
		}
		periods = append(periods, period)
	}
	slices.SortStableFunc(periods, func(a, b Period) int { return a.ValidUntil.Compare(b.ValidUntil) })
	return periods, nil
}
