package engine

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"slices"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
)

// Reextract is the package's Reextract for rules that may hold JavaScript
// filters (Open Terms Archive's NAME.filters.js): those run first, in the
// engine's browser, on each HTML snapshot, then extraction runs on the
// filtered page with the remaining rules. Without a browser such rules
// fail in the needs_browser state.
func (e *Engine) Reextract(ctx context.Context, snapshots []Snapshot, rules []extract.Rules) (*Result, error) {
	res, err := e.extract(ctx, snapshots, rules, "")
	if err != nil {
		return nil, err
	}
	res.Snapshots = snapshots
	return res, nil
}

// extract is extractSnapshots after the JavaScript filters, given the
// latest fingerprint known (or "").
func (e *Engine) extract(ctx context.Context, snapshots []Snapshot, rules []extract.Rules, known string) (*Result, error) {
	if len(rules) != len(snapshots) {
		return extractSnapshots(snapshots, rules, known)
	}
	filtered := slices.Clone(snapshots)
	cut := slices.Clone(rules)
	for i, s := range snapshots {
		scripts := rules[i].ScriptFilters()
		if len(scripts) == 0 || !isHTML(s) {
			continue
		}
		runner := e.fetcher.FilterRunner()
		if runner == nil {
			return nil, &CheckError{State: docstate.NeedsBrowser, Err: fmt.Errorf("extract %s: JavaScript filter %s: %w", s.URL, scripts[0].Name, fetch.ErrNoBrowser), Permanent: true}
		}
		calls := make([]fetch.ScriptFilter, len(scripts))
		for j, f := range scripts {
			calls[j] = fetch.ScriptFilter{Name: f.Name, Script: f.Script, Params: f.Params}
		}
		body, err := runner.RunFilters(ctx, s.URL, s.ContentType, s.Body, calls)
		if err != nil {
			// A filter that throws is a broken declaration or a page of
			// another shape: not worth retrying at once.
			return nil, &CheckError{State: docstate.Empty, Err: fmt.Errorf("extract %s: %w", s.URL, err), Permanent: true}
		}
		filtered[i].Body, filtered[i].ContentType = body, "text/html; charset=utf-8"
		cut[i].Filters = slices.DeleteFunc(slices.Clone(rules[i].Filters), func(f extract.Filter) bool { return !f.IsBuiltin() })
	}
	return extractSnapshots(filtered, cut, known)
}

// isHTML reports whether a snapshot is an HTML page, which filters apply
// to (a PDF's text has no DOM).
func isHTML(s Snapshot) bool {
	mt, _, _ := mime.ParseMediaType(s.ContentType)
	return !bytes.HasPrefix(s.Body, []byte("%PDF-")) && !slices.Contains([]string{"application/pdf", "text/plain", "text/markdown"}, mt)
}
