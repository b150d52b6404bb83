package auditreport

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/clausewatch/clausewatch/recorder"
)

// ErrBroken is wrapped by every verification failure.
var ErrBroken = errors.New("hash chain broken")

// BrokenError names the first version or change that does not verify.
type BrokenError struct {
	VersionID int64 // 0 when a change or a document's segment is at fault
	ChangeID  int64
	Document  int64
	Reason    string
}

func (e *BrokenError) Error() string {
	switch {
	case e.VersionID != 0:
		return fmt.Sprintf("version %d of document %d: %s", e.VersionID, e.Document, e.Reason)
	case e.ChangeID != 0:
		return fmt.Sprintf("change %d of document %d: %s", e.ChangeID, e.Document, e.Reason)
	}
	return fmt.Sprintf("document %d: %s", e.Document, e.Reason)
}

// Unwrap lets callers test for ErrBroken.
func (e *BrokenError) Unwrap() error { return ErrBroken }

// Verifiable is an exported report whose hash chain Verify checks: a
// *Report (a platform's full history) or an *OrganizationReport (an
// organization's period, as chain segments).
type Verifiable interface {
	chain() (chain, error)
}

// chain is what Verify checks, whatever the report kind.
type chain struct {
	versions []Version
	changes  []Change
	// segments, when not nil, gives each document's anchor and head: the
	// report holds a segment of the chain rather than all of it.
	segments map[int64]OrgDocument
	order    []int64 // documents of segments, in report order
}

func (r *Report) chain() (chain, error) {
	if r.Format != Format {
		return chain{}, fmt.Errorf("audit report format %q, want %q", r.Format, Format)
	}
	return chain{versions: r.Versions, changes: r.Changes}, nil
}

func (r *OrganizationReport) chain() (chain, error) {
	if r.Format != OrganizationFormat {
		return chain{}, fmt.Errorf("audit report format %q, want %q", r.Format, OrganizationFormat)
	}
	segs := make(map[int64]OrgDocument, len(r.Documents))
	order := make([]int64, 0, len(r.Documents))
	for _, d := range r.Documents {
		segs[d.ID] = d
		order = append(order, d.ID)
	}
	return chain{versions: r.Versions, changes: r.Changes, segments: segs, order: order}, nil
}

// Read decodes an exported report of either kind, chosen by its format.
func Read(rd io.Reader) (Verifiable, error) {
	b, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("read audit report: %w", err)
	}
	var head struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("not an audit report: %w", err)
	}
	var r Verifiable
	switch head.Format {
	case Format:
		r = &Report{}
	case OrganizationFormat:
		r = &OrganizationReport{}
	default:
		return nil, fmt.Errorf("audit report format %q, want %q or %q", head.Format, Format, OrganizationFormat)
	}
	if err := json.Unmarshal(b, r); err != nil {
		return nil, fmt.Errorf("not an audit report: %w", err)
	}
	return r, nil
}

// Verify recomputes the hash chain of every document in the report: every
// version after a document's first names the hash of the one before it,
// and every hash is the chain hash of the previous hash and the version's
// text. A platform report's chains start at each document's first version
// (no previous hash); an organization report's start at each document's
// anchor_sha256 and end at its head_sha256. Changes must join two
// consecutive versions of the report. It returns the number of versions
// verified, or a *BrokenError naming the first one that fails.
func Verify(r Verifiable) (int, error) {
	ch, err := r.chain()
	if err != nil {
		return 0, err
	}
	last := map[int64]Version{} // latest version seen per document
	count := map[int64]int{}
	byID := make(map[int64]Version, len(ch.versions))
	for _, v := range ch.versions {
		if err := ch.link(v, last); err != nil {
			return 0, err
		}
		if got := recorder.ChainHash(v.PrevSHA256, v.Markdown); got != v.SHA256 {
			return 0, &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "sha256 does not match its text"}
		}
		last[v.Document] = v
		count[v.Document]++
		byID[v.ID] = v
	}
	for _, id := range ch.order {
		seg := ch.segments[id]
		end, ok := last[id]
		switch {
		case !ok && seg.VersionCount > 0:
			return 0, &BrokenError{Document: id, Reason: fmt.Sprintf("the report lists %d versions and holds none", seg.VersionCount)}
		case ok && end.SHA256 != seg.HeadSHA256:
			return 0, &BrokenError{VersionID: end.ID, Document: id, Reason: "the chain ends before the document's head_sha256 (a version is missing or altered)"}
		case count[id] != seg.VersionCount:
			return 0, &BrokenError{Document: id, Reason: fmt.Sprintf("the report lists %d versions and holds %d", seg.VersionCount, count[id])}
		}
	}
	for _, c := range ch.changes {
		from, okFrom := byID[c.FromVersionID]
		to, okTo := byID[c.ToVersionID]
		if !okFrom || !okTo || from.Document != c.Document || to.Document != c.Document || to.PrevSHA256 != from.SHA256 {
			return 0, &BrokenError{ChangeID: c.ID, Document: c.Document, Reason: fmt.Sprintf("does not join consecutive versions %d and %d of the report", c.FromVersionID, c.ToVersionID)}
		}
		if (c.FromSHA256 != "" && c.FromSHA256 != from.SHA256) || (c.ToSHA256 != "" && c.ToSHA256 != to.SHA256) {
			return 0, &BrokenError{ChangeID: c.ID, Document: c.Document, Reason: "from_sha256 or to_sha256 differs from the versions it joins"}
		}
	}
	return len(ch.versions), nil
}

// link checks that v follows the latest version seen of its document, or
// starts its chain (at the genesis or at the segment's anchor).
func (ch chain) link(v Version, last map[int64]Version) error {
	prev, seen := last[v.Document]
	if seen {
		if v.ID <= prev.ID {
			return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: fmt.Sprintf("out of order after version %d", prev.ID)}
		}
		if v.PrevSHA256 != prev.SHA256 {
			return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: fmt.Sprintf("prev_sha256 does not match version %d (a version is missing or altered)", prev.ID)}
		}
		return nil
	}
	if ch.segments == nil {
		if v.PrevSHA256 != "" {
			return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "first version of the document names a previous hash (a version is missing)"}
		}
		return nil
	}
	seg, ok := ch.segments[v.Document]
	switch {
	case !ok:
		return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "belongs to a document the report does not list"}
	case v.PrevSHA256 != seg.AnchorSHA256:
		return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "does not start from the document's anchor_sha256 (a version is missing or altered)"}
	case v.ID != seg.FirstVersionID:
		return &BrokenError{VersionID: v.ID, Document: v.Document, Reason: fmt.Sprintf("the document's segment starts at version %d", seg.FirstVersionID)}
	}
	return nil
}
