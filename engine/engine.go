// Package engine runs the monitoring pipeline for one document: fetch its
// pages, keep the raw snapshots and extract the normalized Markdown that
// becomes a version. It holds no database and no web code; workers and the
// CLI record what it returns.
package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
)

// Source is one page of a document with the rules that cut it. A document
// made of several pages (an OTA "combine") has several sources.
type Source struct {
	URL                  string
	Rules                extract.Rules
	ExecuteClientScripts bool
}

// Conditional holds the validators of a source's last successful fetch.
type Conditional struct {
	ETag, LastModified string
}

// Snapshot is the raw payload of one source as fetched. URL is the final
// URL after redirects, which links in the page resolve against.
type Snapshot struct {
	URL          string
	Body         []byte
	ContentType  string
	SHA256       string // hex of Body, the content address
	ETag         string
	LastModified string
}

// Result is the outcome of a successful check. When NotModified is set
// every source answered 304, and the other fields are empty. When
// Unchanged is set the pages have the fingerprint the check was given:
// Markdown is empty because nothing was converted.
type Result struct {
	Markdown string
	// Fingerprint is the content fingerprint of the pages (see
	// extract.Page.Fingerprint), joined over the sources.
	Fingerprint string
	Snapshots   []Snapshot
	NotModified bool
	Unchanged   bool
}

// CheckError is the one error type Check and Reextract return. State is
// the failure state of the document, from the fetch or the extraction.
// RetryAfter is the server's wish on 429/503; Permanent says an immediate
// retry is pointless.
type CheckError struct {
	State      docstate.State
	Err        error
	RetryAfter time.Duration
	Permanent  bool
}

func (e *CheckError) Error() string { return e.State.String() + ": " + e.Err.Error() }

// Unwrap returns the underlying cause, a *fetch.Error or an extract error.
func (e *CheckError) Unwrap() error { return e.Err }

// Engine checks documents.
type Engine struct {
	fetcher *fetch.Fetcher
}

// NewEngine returns an Engine that fetches with f.
func New(f *fetch.Fetcher) *Engine {
	return &Engine{fetcher: f}
}

// CheckOptions tune one check. Conditionals, when not nil, hold one set of
// validators per source for conditional requests. HostWait bounds each
// source's wait for a turn at its host (see fetch.Request.HostWait).
type CheckOptions struct {
	Conditionals []Conditional
	HostWait     time.Duration
	// Fingerprint, when set, is the content fingerprint of the latest
	// version, made by this extraction version with the same rules: pages
	// that still have it are Unchanged and are not converted.
	Fingerprint string
}

// Check fetches every source in order, extracts each and joins their
// Markdown with a blank line. The result is NotModified only when every
// source answered 304; when only some did, those are fetched again
// unconditionally, because the combined document needs all of its parts.
// Failures are *CheckError, except a host that stayed busy for the whole of
// HostWait: that is fetch.ErrHostBusy, not a failure of the document.
func (e *Engine) Check(ctx context.Context, sources []Source, opts CheckOptions) (*Result, error) {
	cond := opts.Conditionals
	if len(sources) == 0 {
		return nil, errors.New("check: no sources")
	}
	if cond != nil && len(cond) != len(sources) {
		return nil, fmt.Errorf("check: %d conditionals for %d sources", len(cond), len(sources))
	}
	responses := make([]*fetch.Response, len(sources))
	allNotModified := true
	for i, src := range sources {
		req := fetch.Request{URL: src.URL, ExecuteClientScripts: src.ExecuteClientScripts, HostWait: opts.HostWait}
		if cond != nil {
			req.ETag, req.LastModified = cond[i].ETag, cond[i].LastModified
		}
		resp, err := e.fetcher.Fetch(ctx, req)
		if err != nil {
			return nil, fetchError(err)
		}
		responses[i] = resp
		allNotModified = allNotModified && resp.NotModified
	}
	if allNotModified {
		return &Result{NotModified: true}, nil
	}
	for i, resp := range responses {
		if !resp.NotModified {
			continue
		}
		src := sources[i]
		again, err := e.fetcher.Fetch(ctx, fetch.Request{URL: src.URL, ExecuteClientScripts: src.ExecuteClientScripts, HostWait: opts.HostWait})
		if err != nil {
			return nil, fetchError(err)
		}
		if again.NotModified {
			return nil, &CheckError{State: docstate.HTTPError, Err: fmt.Errorf("check %s: 304 to an unconditional request", src.URL)}
		}
		responses[i] = again
	}

	snapshots := make([]Snapshot, len(responses))
	rules := make([]extract.Rules, len(responses))
	for i, resp := range responses {
		snapshots[i] = newSnapshot(resp)
		rules[i] = sources[i].Rules
	}
	res, err := e.extract(ctx, snapshots, rules, opts.Fingerprint)
	if err != nil {
		return nil, err
	}
	res.Snapshots = snapshots
	return res, nil
}

// Reextract runs extraction on stored snapshots with the given rules, one
// set per snapshot, and joins the parts as Check does. It serves technical
// upgrades (changed selectors, a new extraction version) without fetching.
// The result's Snapshots are the ones given.
func Reextract(snapshots []Snapshot, rules []extract.Rules) (*Result, error) {
	res, err := extractSnapshots(snapshots, rules, "")
	if err != nil {
		return nil, err
	}
	res.Snapshots = snapshots
	return res, nil
}

// extractSnapshots parses each snapshot once and fingerprints it; when
// the joined fingerprint equals known the result is Unchanged, otherwise
// the same parsed pages are converted to Markdown. It leaves the result's
// Snapshots to the caller, which may have extracted filtered copies.
func extractSnapshots(snapshots []Snapshot, rules []extract.Rules, known string) (*Result, error) {
	if len(snapshots) == 0 {
		return nil, errors.New("extract: no snapshots")
	}
	if len(rules) != len(snapshots) {
		return nil, fmt.Errorf("extract: %d rule sets for %d snapshots", len(rules), len(snapshots))
	}
	pages := make([]*extract.Page, len(snapshots))
	fingerprints := make([]string, len(snapshots))
	for i, s := range snapshots {
		p, err := extract.Prepare(s.Body, s.ContentType, s.URL, rules[i])
		if err != nil {
			return nil, extractError(s.URL, err)
		}
		pages[i], fingerprints[i] = p, p.Fingerprint()
	}
	res := &Result{Fingerprint: joinFingerprints(fingerprints)}
	if known != "" && res.Fingerprint == known {
		res.Unchanged = true
		return res, nil
	}
	parts := make([]string, len(pages))
	for i, p := range pages {
		md, err := p.Markdown()
		if err != nil {
			return nil, extractError(snapshots[i].URL, err)
		}
		parts[i] = md
	}
	// Each part ends with one newline, so this leaves one blank line
	// between parts.
	res.Markdown = strings.Join(parts, "\n")
	return res, nil
}

// joinFingerprints is a document's fingerprint: its one source's, or a
// hash over its sources' in order.
func joinFingerprints(fps []string) string {
	if len(fps) == 1 {
		return fps[0]
	}
	sum := sha256.Sum256([]byte(strings.Join(fps, "\n")))
	return hex.EncodeToString(sum[:])
}

func newSnapshot(resp *fetch.Response) Snapshot {
	sum := sha256.Sum256(resp.Body)
	return Snapshot{
		URL:          resp.URL,
		Body:         resp.Body,
		ContentType:  resp.ContentType,
		SHA256:       hex.EncodeToString(sum[:]),
		ETag:         resp.ETag,
		LastModified: resp.LastModified,
	}
}

// fetchError converts a fetch failure, keeping its state and retry hints.
func fetchError(err error) error {
	if errors.Is(err, fetch.ErrHostBusy) {
		return err
	}
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return &CheckError{State: fe.State, Err: err, RetryAfter: fe.RetryAfter, Permanent: fe.Permanent}
	}
	return &CheckError{State: docstate.Unreachable, Err: err}
}

// extractError converts an extraction failure. A missing selector or an
// empty page will not mend by retrying in a minute; a challenge page may.
func extractError(url string, err error) *CheckError {
	state := extract.State(err)
	return &CheckError{
		State:     state,
		Err:       fmt.Errorf("extract %s: %w", url, err),
		Permanent: state != docstate.Blocked,
	}
}
