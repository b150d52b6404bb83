package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
)

// docResult holds the figures of one document.
type docResult struct {
	Collection string `json:"collection"`
	Service    string `json:"service"`
	Type       string `json:"type"`
	Snapshots  int    `json:"snapshots"`
	// Transitions are pairs of consecutive snapshots; each is compared.
	Transitions int `json:"transitions"`
	// Errors counts transitions where our extraction failed on either
	// snapshot (selector missing, empty page).
	Errors int `json:"errors"`
	// ErrorsWithVersion counts those whose later snapshot Open Terms
	// Archive did extract a version from: failures of ours alone.
	ErrorsWithVersion int `json:"errors_with_version"`
	// OTAVersions counts the versions Open Terms Archive recorded from
	// these snapshots; OTANoise those that differ from the previous
	// version only in what the product counts as noise.
	OTAVersions int `json:"ota_versions"`
	OTANoise    int `json:"ota_noise"`
	// Changes counts transitions where our text changed (a new version).
	Changes int `json:"changes"`
	// TrueChanges: both changed; FalseChanges: ours changed and Open
	// Terms Archive's text did not, or only in noise; MissedChanges:
	// theirs changed beyond noise and ours did not.
	TrueChanges   int `json:"true_changes"`
	FalseChanges  int `json:"false_changes"`
	MissedChanges int `json:"missed_changes"`
	// Parity is the word similarity of our text and Open Terms Archive's
	// version for the newest snapshot that has a version; ParityMin the
	// lowest over all compared pairs.
	Parity      *float64 `json:"parity,omitempty"`
	ParityMin   *float64 `json:"parity_min,omitempty"`
	ParityPairs int      `json:"parity_pairs"`
	JSFilters   bool     `json:"js_filters,omitempty"`
	Note        string   `json:"note,omitempty"`
}

// replayer replays documents of one collection.
type replayer struct {
	maxSnapshots int
	explain      string // directory for per-event word diffs, or ""
	snaps, vers  *blobReader
	cache        map[string]extraction
}

type extraction struct {
	md  string
	fp  string
	err error
}

func (r *replayer) replay(d *document) (docResult, error) {
	res := docResult{Collection: d.Collection, Service: d.Service, Type: d.Type, JSFilters: d.jsFilters}
	r.cache = make(map[string]extraction)
	snaps := d.snapshots
	if len(snaps) > r.maxSnapshots {
		snaps = snaps[len(snaps)-r.maxSnapshots:]
	}
	res.Snapshots = len(snaps)

	// OTA's versions by the snapshot they were extracted from, and each
	// version's predecessor.
	// OTA's version extracted from each snapshot; a record is preferred
	// to an upgrade of the same snapshot.
	versionOf := make(map[string]int)
	for i, v := range d.versions {
		if j, ok := versionOf[v.Snapshot]; !ok || d.versions[j].Kind != kindRecord {
			versionOf[v.Snapshot] = i
		}
	}
	// Before its first version Open Terms Archive was not recording the
	// document: those snapshots have nothing to compare with.
	tracked := len(snaps)
	for i, s := range snaps {
		if vi, ok := versionOf[s.Commit]; ok && vi == 0 || len(d.versions) > 0 && s.Time.After(d.versions[0].Time) {
			tracked = i
			break
		}
	}
	var notes []string
	for i := max(1, tracked+1); i < len(snaps); i++ {
		res.Transitions++
		dc := d.declaredAt(snaps[i].Time)
		prev := r.extract(snaps[i-1], dc)
		cur := r.extract(snaps[i], dc)
		if prev.err != nil || cur.err != nil {
			res.Errors++
			if _, ok := versionOf[snaps[i].Commit]; ok && cur.err != nil {
				res.ErrorsWithVersion++
			}
			notes = appendNote(notes, errNote(prev.err, cur.err))
			continue
		}
		ours := prev.fp != cur.fp
		if ours {
			res.Changes++
		}
		otaChanged, upgrade := false, false
		if vi, ok := versionOf[snaps[i].Commit]; ok && vi > 0 {
			res.OTAVersions++
			upgrade = d.versions[vi].Kind == kindUpgrade
			before, err := r.version(d.versions[vi-1])
			if err != nil {
				return res, err
			}
			after, err := r.version(d.versions[vi])
			if err != nil {
				return res, err
			}
			if significant(before) == significant(after) {
				res.OTANoise++
			} else {
				otaChanged = true
			}
			if ours != otaChanged && !(upgrade && !ours) {
				r.explainEvent(d, snaps[i], ours, prev.md, cur.md, before, after)
			}
		} else if ours {
			r.explainEvent(d, snaps[i], ours, prev.md, cur.md, "", "")
		}
		switch {
		case ours && otaChanged:
			res.TrueChanges++
		case ours:
			res.FalseChanges++
		case otaChanged && !upgrade:
			// A change of declaration recorded with a page change may
			// be the declaration's alone: not counted against us.
			res.MissedChanges++
		}
	}

	if err := r.parity(d, snaps, &res); err != nil {
		return res, err
	}
	if len(notes) > 0 {
		res.Note = strings.Join(notes, "; ")
	}
	return res, nil
}

// parity compares our text with Open Terms Archive's for every version
// extracted from a replayed snapshot, or, when there is none, for the
// newest version. Each snapshot is extracted with the declaration in force
// when the version was recorded, as Open Terms Archive did.
func (r *replayer) parity(d *document, snaps []snapshotRef, res *docResult) error {
	inWindow := make(map[string]snapshotRef, len(snaps))
	for _, s := range snaps {
		inWindow[s.Commit] = s
	}
	all := make(map[string]snapshotRef, len(d.snapshots))
	for _, s := range d.snapshots {
		all[s.Commit] = s
	}
	var pairs []versionRef
	for _, v := range d.versions {
		if _, ok := inWindow[v.Snapshot]; ok {
			pairs = append(pairs, v)
		}
	}
	if len(pairs) == 0 {
		for i := len(d.versions) - 1; i >= 0; i-- {
			if _, ok := all[d.versions[i].Snapshot]; ok {
				pairs = append(pairs, d.versions[i])
				break
			}
		}
	}
	var failed []string
	for _, v := range pairs {
		text, err := r.version(v)
		if err != nil {
			return err
		}
		ours := r.extract(all[v.Snapshot], d.declaredAt(v.Time))
		if ours.err != nil {
			failed = append(failed, errNote(ours.err, nil))
			continue
		}
		sim := similarity(words(ours.md), words(text))
		res.ParityPairs++
		if res.ParityMin == nil || sim < *res.ParityMin {
			res.ParityMin = &sim
		}
		res.Parity = &sim // pairs are oldest first, so this ends on the newest
		if sim < 0.99 {
			r.explainParity(d, v, ours.md, text)
		}
	}
	if res.ParityPairs == 0 && len(failed) > 0 {
		res.Note = "parity: " + failed[0]
	}
	return nil
}

// extract runs the engine's extraction on one snapshot, as the recorder
// would, and fingerprints the text as the recorder does to decide on a
// new version.
func (r *replayer) extract(s snapshotRef, dc declared) extraction {
	src, err := dc.source()
	if err != nil {
		return extraction{err: err}
	}
	rulesKey, err := json.Marshal(src.Rules)
	if err != nil {
		return extraction{err: err}
	}
	key := s.Commit + "\x00" + string(rulesKey)
	if e, ok := r.cache[key]; ok {
		return e
	}
	body, ok, err := r.snaps.read(s.Commit, s.Path)
	if err == nil && !ok {
		err = fmt.Errorf("snapshot %s:%s missing", s.Commit, s.Path)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "replay:", err)
		os.Exit(1)
	}
	contentType := "text/html"
	if filepath.Ext(s.Path) == ".pdf" {
		contentType = "application/pdf"
	}
	url := s.URL
	if url == "" {
		url = src.URL
	}
	snap := engine.Snapshot{URL: url, Body: body, ContentType: contentType}
	res, err := engine.Reextract([]engine.Snapshot{snap}, []extract.Rules{src.Rules})
	e := extraction{err: err}
	if err == nil {
		e.md = res.Markdown
		e.fp = diff.Fingerprint(res.Markdown)
	}
	r.cache[key] = e
	return e
}

func (r *replayer) version(v versionRef) (string, error) {
	data, ok, err := r.vers.read(v.Commit, v.Path)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("version %s:%s missing", v.Commit, v.Path)
	}
	return string(data), nil
}

// explainEvent writes the word diffs of a disagreement for a person to
// read. The files hold third-party text and stay out of the repository.
func (r *replayer) explainEvent(d *document, s snapshotRef, ours bool, oursBefore, oursAfter, otaBefore, otaAfter string) {
	if r.explain == "" {
		return
	}
	kind := "missed"
	if ours {
		kind = "false"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s change at snapshot %s (%s)\n", kind, s.Commit, s.Time.Format(time.RFC3339))
	removed, added := wordDiff(words(oursBefore), words(oursAfter))
	fmt.Fprintf(&b, "\nours removed: %s\nours added: %s\n", clip(removed), clip(added))
	fmt.Fprintf(&b, "\nours markdown diff:\n%s\n", lineDiff(oursBefore, oursAfter))
	if otaAfter != "" {
		removed, added = wordDiff(strings.Fields(significant(otaBefore)), strings.Fields(significant(otaAfter)))
		fmt.Fprintf(&b, "\nOTA removed: %s\nOTA added: %s\n", clip(removed), clip(added))
		fmt.Fprintf(&b, "\nOTA markdown diff:\n%s\n", lineDiff(otaBefore, otaAfter))
	}
	r.writeExplain(d, kind+"-"+s.Commit[:10]+".txt", b.String())
}

func (r *replayer) explainParity(d *document, v versionRef, ours, ota string) {
	if r.explain == "" {
		return
	}
	r.writeExplain(d, "parity-"+v.Commit[:10]+"-ours.md", ours)
	r.writeExplain(d, "parity-"+v.Commit[:10]+"-ota.md", ota)
}

func (r *replayer) writeExplain(d *document, name, text string) {
	dir := filepath.Join(r.explain, d.Collection, d.Service, d.Type)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "replay: explain:", err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "replay: explain:", err)
	}
}

func clip(toks []string) string {
	if len(toks) > 60 {
		return strings.Join(toks[:60], " ") + fmt.Sprintf(" … (%d words)", len(toks))
	}
	return strings.Join(toks, " ")
}

// lineDiff lists the lines only in a ("-") and only in b ("+").
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	removed, added := wordDiff(la, lb)
	var out strings.Builder
	for _, l := range removed {
		out.WriteString("- " + l + "\n")
	}
	for _, l := range added {
		out.WriteString("+ " + l + "\n")
	}
	return out.String()
}

func errNote(a, b error) string {
	err := a
	if err == nil {
		err = b
	}
	var ce *engine.CheckError
	if errors.As(err, &ce) {
		return ce.State.String()
	}
	return err.Error()
}

func appendNote(notes []string, n string) []string {
	for _, m := range notes {
		if m == n {
			return notes
		}
	}
	return append(notes, n)
}
