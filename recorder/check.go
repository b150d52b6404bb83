package recorder

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/store"
)

// Outcome says what one check did.
type Outcome struct {
	DocumentID int64          `json:"document_id"`
	State      docstate.State `json:"state"`
	VersionID  int64          `json:"version_id,omitempty"`
	ChangeID   int64          `json:"change_id,omitempty"`
	Error      string         `json:"error,omitempty"`
	// Failures is the consecutive failure count after this check.
	Failures int `json:"failures,omitempty"`
}

// NewVersion reports whether the check recorded a version.
func (o Outcome) NewVersion() bool { return o.VersionID != 0 }

// DueHostWait is how long a scheduled check waits for a turn at a host
// that is busy with this process's other requests. A slow site then holds
// one worker slot, not all of them with its other documents queued behind
// it, and alerts and other sites keep moving.
const DueHostWait = 5 * time.Second

// Check fetches, extracts and compares one document now, and records the
// result. A fetch or extraction failure is recorded as the document's state
// and is not an error; errors are for what could not be recorded.
func (s *Service) Check(ctx context.Context, documentID int64) (Outcome, error) {
	return s.check(ctx, documentID, 0, 0)
}

// ErrSlotChecked is CheckDue's error for a slot that was checked already:
// the document's next check is later than the slot (a duplicate delivery
// after the document moved on). Nothing was fetched or recorded.
var ErrSlotChecked = errors.New("already checked for this slot")

// CheckDue is Check for a scheduled slot, the time in Unix milliseconds
// the document was due at when its check was queued. When the document's
// next check is later than the slot already, nothing is fetched and the
// error wraps ErrSlotChecked; the check reads the document once for both.
// When the document's host stays busy for DueHostWait, nothing is fetched
// or recorded and the error wraps fetch.ErrHostBusy. The document stays
// due, so a later sweep enqueues it again. Slot 0 checks the document
// whenever its next check is.
func (s *Service) CheckDue(ctx context.Context, documentID, slot int64) (Outcome, error) {
	return s.check(ctx, documentID, DueHostWait, slot)
}

func (s *Service) check(ctx context.Context, documentID int64, hostWait time.Duration, slot int64) (Outcome, error) {
	doc, stored, err := s.store.DocumentForCheck(ctx, documentID)
	if err != nil {
		return Outcome{}, err
	}
	if slot != 0 && doc.NextCheckAt.UnixMilli() > slot {
		return Outcome{DocumentID: documentID}, fmt.Errorf("document %d: %w", documentID, ErrSlotChecked)
	}
	sources, err := DecodeSources(doc.Sources)
	if err != nil {
		return Outcome{}, fmt.Errorf("document %d: %w", documentID, err)
	}
	conds := make([]engine.Conditional, len(doc.Conditionals))
	for i, c := range doc.Conditionals {
		conds[i] = engine.Conditional{ETag: c.ETag, LastModified: c.LastModified}
	}
	// A document without a version must be fetched in full, and so must
	// one whose validators are not one per source (its declaration gained
	// or lost a source).
	if doc.LatestVersionID == nil || len(conds) != len(sources) {
		conds = nil
	}
	latest := s.latestForCheck(ctx, doc, stored, sources)
	opts := engine.CheckOptions{Conditionals: conds, HostWait: hostWait}
	if latest != nil && latest.ExtractionVersion == extract.Version {
		opts.Fingerprint = latest.ContentFingerprint
	}
	res, checkErr := s.engine.Check(ctx, sources, opts)
	if errors.Is(checkErr, fetch.ErrHostBusy) {
		return Outcome{DocumentID: documentID}, fmt.Errorf("document %d: %w", documentID, checkErr)
	}
	now := s.now()
	if checkErr != nil {
		return s.recordFailure(ctx, doc, checkErr, now)
	}
	health := store.Health{State: docstate.OK, CheckedAt: now, NextCheckAt: s.nextCheck(now), Conditionals: conditionals(res)}
	if res.NotModified {
		health.Conditionals = nil // keep the validators of the last full fetch
		return s.recordHealth(ctx, doc, health)
	}
	if res.Unchanged {
		// The pages' fingerprint is the latest version's: nothing was
		// converted and there is nothing to compare.
		return s.recordHealth(ctx, doc, health)
	}
	for attempt := 0; attempt < 3; attempt++ {
		out, err := s.record(ctx, doc, latest, res, health)
		if !errors.Is(err, store.ErrStale) {
			return out, err
		}
		if latest, err = s.store.LatestVersionMeta(ctx, doc.ID); err != nil {
			return Outcome{}, err
		}
	}
	return Outcome{}, fmt.Errorf("document %d: could not record a version: other checks kept recording", documentID)
}

// record compares a converted check result with latest (nil for a
// document without versions) and records a version, and a change when
// there was one, or only the document's health when the text is the same
// but for noise.
//
// A version's significant fingerprint is worked out from its text only when
// a later check needs it (its content fingerprint no longer matches), and
// kept then: most versions are never compared that way, and the comparison
// of a real change reads both texts anyway.
func (s *Service) record(ctx context.Context, doc *store.Document, latest *store.Version, res *engine.Result, health store.Health) (Outcome, error) {
	fps := store.Fingerprints{Content: res.Fingerprint, ExtractionVersion: extract.Version}
	// refresh keeps latest's text and its significant fingerprint sig, and
	// remembers this fetch's content fingerprint when the same extraction
	// version made both, so that the next fetch like this one stops before
	// converting.
	refresh := func(sig string) (Outcome, error) {
		f := store.Fingerprints{Significant: sig, Content: latest.ContentFingerprint, ExtractionVersion: latest.ExtractionVersion}
		if latest.ExtractionVersion == extract.Version {
			f.Content = res.Fingerprint
		}
		if f != (store.Fingerprints{Significant: latest.SignificantSHA256, Content: latest.ContentFingerprint, ExtractionVersion: latest.ExtractionVersion}) {
			if err := s.store.SetVersionFingerprints(ctx, latest.ID, f); err != nil {
				return Outcome{}, err
			}
		}
		return s.recordHealth(ctx, doc, health)
	}
	var sig string // the new text's significant fingerprint, once worked out
	if latest != nil && latest.SignificantSHA256 != "" {
		// Same text, or only noise that the content fingerprint still
		// sees, stops here without reading the stored text.
		if sig = diff.Fingerprint(res.Markdown); sig == latest.SignificantSHA256 {
			return refresh(sig)
		}
	}
	nv := store.NewVersion{DocumentID: doc.ID, Kind: store.VersionFirst, Markdown: res.Markdown, Fingerprints: fps, Health: health, OnChange: s.hooks.Change}
	if latest != nil {
		oldText, err := s.store.VersionText(ctx, doc.ID, latest.ID)
		if err != nil {
			return Outcome{}, err
		}
		// The stored fingerprint is a shortcut, absent or made by older
		// noise rules: the comparison of the texts decides (it reports a
		// change exactly when their significant forms differ).
		report := analysis.Analyze(oldText, res.Markdown)
		if !report.Changed {
			// Both texts have one significant form, and so one fingerprint.
			if sig == "" {
				sig = diff.Fingerprint(res.Markdown)
			}
			return refresh(sig)
		}
		nv.PrevID = latest.ID
		nv.PrevSHA = latest.SHA256
		nv.Kind = store.VersionChange
		change, err := describeChange(report)
		if err != nil {
			return Outcome{}, err
		}
		nv.Change = change
	}
	nv.SHA256 = chainHash(nv.PrevSHA, res.Markdown)
	for _, sn := range res.Snapshots {
		nv.Snapshots = append(nv.Snapshots, store.SnapshotInput{SHA256: sn.SHA256, URL: sn.URL, ContentType: sn.ContentType, Body: sn.Body})
	}
	v, c, err := s.store.RecordVersion(ctx, nv)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{DocumentID: doc.ID, State: health.State, VersionID: v.ID}
	if c != nil {
		out.ChangeID = c.ID
		s.log.Info("change recorded", slog.Int64("document_id", doc.ID), slog.Int64("change_id", c.ID), slog.String("summary", c.Summary))
	}
	s.recovered(doc)
	s.checked(out)
	return out, nil
}

// describeChange turns the diff and the provision analysis of a change
// into its row.
func describeChange(report analysis.Report) (*store.Change, error) {
	sections, err := json.Marshal(report.Sections)
	if err != nil {
		return nil, fmt.Errorf("encode sections: %w", err)
	}
	provisions, err := json.Marshal(report.Provisions)
	if err != nil {
		return nil, fmt.Errorf("encode provisions: %w", err)
	}
	return &store.Change{
		Summary:         report.Summary,
		Severity:        analysis.HighestSeverity(report.Provisions).String(),
		Materiality:     report.Materiality,
		AddedWords:      report.Stats.AddedWords,
		RemovedWords:    report.Stats.RemovedWords,
		SectionsChanged: report.Stats.SectionsChanged,
		Sections:        sections,
		Provisions:      provisions,
	}, nil
}

func (s *Service) recordHealth(ctx context.Context, doc *store.Document, h store.Health) (Outcome, error) {
	failures, err := s.store.RecordHealth(ctx, doc.ID, h)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{DocumentID: doc.ID, State: h.State, Error: h.Error, Failures: failures}
	if !h.Failed {
		s.recovered(doc)
	}
	s.checked(out)
	return out, nil
}

func (s *Service) recordFailure(ctx context.Context, doc *store.Document, checkErr error, now time.Time) (Outcome, error) {
	// An error that is not the engine's (a context ending mid-check, say)
	// is a failure to reach the document.
	state, retryAfter := docstate.Unreachable, time.Duration(0)
	var ce *engine.CheckError
	if errors.As(checkErr, &ce) {
		state, retryAfter = ce.State, ce.RetryAfter
	}
	failures := doc.ConsecutiveFailures + 1
	h := store.Health{
		State: state, Error: checkErr.Error(), CheckedAt: now, Failed: true,
		NextCheckAt: now.Add(s.backoff(failures, retryAfter)),
	}
	out, err := s.recordHealth(ctx, doc, h)
	if err != nil {
		return out, err
	}
	s.log.Warn("document check failed", slog.Int64("document_id", doc.ID), slog.String("state", state.String()),
		slog.Int("failures", out.Failures), slog.String("error", checkErr.Error()))
	if out.Failures == FailureNoticeThreshold && s.hooks.Failing != nil {
		s.hooks.Failing(doc, checkErr)
	}
	return out, nil
}

// recovered tells the Recovered hook about a successful check of a
// document that was reported as failing.
func (s *Service) recovered(doc *store.Document) {
	if doc.ConsecutiveFailures >= FailureNoticeThreshold && s.hooks.Recovered != nil {
		s.hooks.Recovered(doc)
	}
}

func (s *Service) checked(o Outcome) {
	if s.hooks.Checked != nil {
		s.hooks.Checked(o)
	}
}

func conditionals(res *engine.Result) []store.Conditional {
	out := make([]store.Conditional, len(res.Snapshots))
	for i, sn := range res.Snapshots {
		out[i] = store.Conditional{ETag: sn.ETag, LastModified: sn.LastModified}
	}
	return out
}

// DecodeSources reads a document's stored declaration.
func DecodeSources(raw []byte) ([]engine.Source, error) {
	var sources []engine.Source
	if err := json.Unmarshal(raw, &sources); err != nil {
		return nil, fmt.Errorf("decode sources: %w", err)
	}
	if len(sources) == 0 {
		return nil, fmt.Errorf("decode sources: no source declared")
	}
	return sources, nil
}
