package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
)

// collection is one Open Terms Archive collection: its snapshots,
// versions and declarations repositories, each a bare git directory.
type collection struct {
	Name                              string
	Snapshots, Versions, Declarations string
}

// document is one service's terms of one type in a collection, with its
// snapshot and version history.
type document struct {
	Collection string
	Service    string
	Type       string // as the collection spells it, which names the files
	current    declared
	history    []declared // oldest first; each valid until ValidUntil
	jsFilters  bool
	snapshots  []snapshotRef // oldest first
	versions   []versionRef  // oldest first
}

func (d *document) key() string { return d.Service + "/" + d.Type }

// declared is the declaration of a document for one period.
type declared struct {
	ValidUntil time.Time // zero for the current declaration
	Sources    []engine.Source
	Err        error // the declaration does not parse
}

type snapshotRef struct {
	Commit string
	Time   time.Time
	Path   string
	URL    string // where it was fetched from, as the commit says
}

// versionKind says why Open Terms Archive recorded a version.
type versionKind int

const (
	// kindRecord: a new snapshot was extracted (a change, or the first
	// record).
	kindRecord versionKind = iota
	// kindUpgrade: a stored snapshot was extracted again after a change
	// of declaration or engine ("Refilter", "Apply technical or
	// declaration upgrade").
	kindUpgrade
)

type versionRef struct {
	Commit   string
	Time     time.Time
	Path     string
	Kind     versionKind
	Snapshot string // the snapshot commit it was extracted from
}

var (
	snapshotIDPattern = regexp.MustCompile(`/commit/([0-9a-f]{7,40})\b`)
	sourceURLPattern  = regexp.MustCompile(`(?m)^X-source-document-location: *(\S+)`)
)

// load reads the collection's declared documents and their histories.
// Documents with no snapshot are left out.
func (c collection) load() ([]*document, error) {
	docs, err := c.declarations()
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]*document, len(docs))
	for _, d := range docs {
		byKey[d.key()] = d
	}

	snaps, err := gitLog(c.Snapshots)
	if err != nil {
		return nil, err
	}
	for _, cm := range snaps {
		url := ""
		if m := sourceURLPattern.FindStringSubmatch(cm.Body); m != nil {
			url = m[1]
		}
		for _, f := range cm.Files {
			ext := path.Ext(f)
			if ext != ".html" && ext != ".pdf" {
				continue
			}
			if d := byKey[strings.TrimSuffix(f, ext)]; d != nil {
				d.snapshots = append(d.snapshots, snapshotRef{Commit: cm.Hash, Time: cm.Time, Path: f, URL: url})
			}
		}
	}

	vers, err := gitLog(c.Versions)
	if err != nil {
		return nil, err
	}
	// A versions mirror may be older than its snapshots mirror: snapshots
	// taken after its newest commit have no say from Open Terms Archive
	// yet, so they are left out.
	var cutoff time.Time
	if len(vers) > 0 {
		cutoff = vers[len(vers)-1].Time
	}
	for _, d := range docs {
		n := len(d.snapshots)
		for n > 0 && d.snapshots[n-1].Time.After(cutoff) {
			n--
		}
		d.snapshots = d.snapshots[:n]
	}
	for _, cm := range vers {
		m := snapshotIDPattern.FindStringSubmatch(cm.Body)
		if m == nil {
			continue // not extracted from a snapshot (README, first commits)
		}
		kind := kindRecord
		if strings.HasPrefix(cm.Subject, "Refilter") || strings.HasPrefix(cm.Subject, "Apply technical") {
			kind = kindUpgrade
		}
		for _, f := range cm.Files {
			if d := byKey[strings.TrimSuffix(f, ".md")]; d != nil && strings.HasSuffix(f, ".md") {
				d.versions = append(d.versions, versionRef{Commit: cm.Hash, Time: cm.Time, Path: f, Kind: kind, Snapshot: m[1]})
			}
		}
	}

	kept := docs[:0]
	for _, d := range docs {
		d.resolveSnapshotIDs()
		if len(d.snapshots) > 0 {
			kept = append(kept, d)
		}
	}
	return kept, nil
}

// declarations reads every declaration of the repository's newest commit,
// with its history file, into one document per declared terms type.
func (c collection) declarations() ([]*document, error) {
	out, err := exec.Command("git", "--git-dir", c.Declarations, "ls-tree", "--name-only", "HEAD", "declarations/").Output()
	if err != nil {
		return nil, fmt.Errorf("list declarations of %s: %w", c.Name, gitErr(err))
	}
	files := make(map[string]bool)
	for line := range strings.SplitSeq(string(out), "\n") {
		if line = unquotePath(strings.TrimSpace(line)); line != "" {
			files[line] = true
		}
	}
	blobs, err := newBlobReader(c.Declarations)
	if err != nil {
		return nil, err
	}
	defer blobs.close()

	var docs []*document
	for _, f := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".history.json") {
			continue
		}
		service := strings.TrimSuffix(path.Base(f), ".json")
		data, _, err := blobs.read("HEAD", f)
		if err != nil {
			return nil, err
		}
		history := map[string][]json.RawMessage{}
		if h, ok, err := blobs.read("HEAD", "declarations/"+service+".history.json"); err != nil {
			return nil, err
		} else if ok {
			if err := json.Unmarshal(h, &history); err != nil {
				return nil, fmt.Errorf("%s: %s.history.json: %w", c.Name, service, err)
			}
		}
		var raw struct {
			Terms map[string]json.RawMessage `json:"terms"`
		}
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", c.Name, f, err)
		}
		platform, perr := catalogue.Parse(f, data)
		for _, termsType := range slices.Sorted(maps.Keys(raw.Terms)) {
			d := &document{
				Collection: c.Name,
				Service:    service,
				Type:       termsType,
				jsFilters:  files["declarations/"+service+".filters.js"],
			}
			d.current = declaredOf(platform, perr, termsType)
			for _, entry := range history[termsType] {
				d.history = append(d.history, historyEntry(f, service, termsType, entry))
			}
			slices.SortFunc(d.history, func(a, b declared) int { return a.ValidUntil.Compare(b.ValidUntil) })
			docs = append(docs, d)
		}
	}
	return docs, nil
}

// historyEntry parses one entry of a history file by wrapping it in a
// declaration of its own, so the catalogue's parser judges it as it would
// a current one.
func historyEntry(file, service, termsType string, entry json.RawMessage) declared {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(entry, &fields); err != nil {
		return declared{Err: fmt.Errorf("history of %s: %w", termsType, err)}
	}
	var until string
	if err := json.Unmarshal(fields["validUntil"], &until); err != nil {
		return declared{Err: fmt.Errorf("history of %s: validUntil: %w", termsType, err)}
	}
	validUntil, err := time.Parse(time.RFC3339, until)
	if err != nil {
		return declared{Err: fmt.Errorf("history of %s: validUntil: %w", termsType, err)}
	}
	delete(fields, "validUntil")
	wrapped, err := json.Marshal(map[string]any{"name": service, "terms": map[string]any{termsType: fields}})
	if err != nil {
		return declared{ValidUntil: validUntil, Err: err}
	}
	platform, perr := catalogue.Parse(file+" (history)", wrapped)
	d := declaredOf(platform, perr, termsType)
	d.ValidUntil = validUntil
	return d
}

func declaredOf(p catalogue.Platform, parseErr error, termsType string) declared {
	if parseErr != nil {
		return declared{Err: parseErr}
	}
	canonical, ok := catalogue.CanonicalType(termsType)
	if !ok {
		return declared{Err: fmt.Errorf("unknown terms type %q", termsType)}
	}
	doc, ok := p.Document(canonical)
	if !ok {
		// Refused on its own (a JavaScript filter, say): give the reason.
		for _, r := range p.Refused {
			var de *catalogue.DeclarationError
			if errors.As(r, &de) && strings.Contains(de.Field, strconv.Quote(termsType)) {
				return declared{Err: r}
			}
		}
		return declared{Err: fmt.Errorf("terms type %q not parsed", termsType)}
	}
	return declared{Sources: doc.Sources}
}

// declaredAt returns the declaration in force at t: the first history
// entry still valid then, or the current declaration.
func (d *document) declaredAt(t time.Time) declared {
	for _, h := range d.history {
		if t.Before(h.ValidUntil) {
			return h
		}
	}
	return d.current
}

// source returns the single source of a declaration; combined documents
// are stored by Open Terms Archive as one snapshot per source, which this
// replay does not join.
func (dc declared) source() (engine.Source, error) {
	if dc.Err != nil {
		return engine.Source{}, dc.Err
	}
	if len(dc.Sources) != 1 {
		return engine.Source{}, errors.New("combined document (several sources)")
	}
	return dc.Sources[0], nil
}

// resolveSnapshotIDs completes the abbreviated snapshot ids of older
// version messages ("…/commit/1e7ecec") from the document's snapshots.
func (d *document) resolveSnapshotIDs() {
	for i, v := range d.versions {
		if len(v.Snapshot) == 40 {
			continue
		}
		for _, s := range d.snapshots {
			if strings.HasPrefix(s.Commit, v.Snapshot) {
				d.versions[i].Snapshot = s.Commit
				break
			}
		}
	}
}
