package audit

import (
	"errors"
	"fmt"

	"github.com/clausewatch/clausewatch/tracker"
)

// ErrBroken is wrapped by every verification failure.
var ErrBroken = errors.New("hash chain broken")

// BrokenError names the first version or change that does not verify.
type BrokenError struct {
	VersionID int64 // 0 when a change is at fault
	ChangeID  int64
	Document  int64
	Reason    string
}

func (e *BrokenError) Error() string {
	if e.VersionID != 0 {
		return fmt.Sprintf("version %d of document %d: %s", e.VersionID, e.Document, e.Reason)
	}
	return fmt.Sprintf("change %d of document %d: %s", e.ChangeID, e.Document, e.Reason)
}

// Unwrap lets callers test for ErrBroken.
func (e *BrokenError) Unwrap() error { return ErrBroken }

// Verify recomputes the hash chain of every document in the report: each
// document's first version starts the chain (no previous hash), every later
// version names the hash of the one before it, and every hash is the chain
// hash of the previous hash and the version's text. Changes must join two
// versions of the report. It returns the number of versions verified, or a
// *BrokenError naming the first one that fails.
func Verify(r *Report) (int, error) {
	if r.Format != Format {
		return 0, fmt.Errorf("audit report format %q, want %q", r.Format, Format)
	}
	last := map[int64]Version{} // latest version seen per document
	byID := make(map[int64]Version, len(r.Versions))
	for _, v := range r.Versions {
		prev, seen := last[v.Document]
		switch {
		case seen && v.ID <= prev.ID:
			return 0, &BrokenError{VersionID: v.ID, Document: v.Document, Reason: fmt.Sprintf("out of order after version %d", prev.ID)}
		case !seen && v.PrevSHA256 != "":
			return 0, &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "first version of the document names a previous hash (a version is missing)"}
		case seen && v.PrevSHA256 != prev.SHA256:
			return 0, &BrokenError{VersionID: v.ID, Document: v.Document, Reason: fmt.Sprintf("prev_sha256 does not match version %d (a version is missing or altered)", prev.ID)}
		}
		if got := tracker.ChainHash(v.PrevSHA256, v.Markdown); got != v.SHA256 {
			return 0, &BrokenError{VersionID: v.ID, Document: v.Document, Reason: "sha256 does not match its text"}
		}
		last[v.Document] = v
		byID[v.ID] = v
	}
	for _, c := range r.Changes {
		from, okFrom := byID[c.FromVersionID]
		to, okTo := byID[c.ToVersionID]
		if !okFrom || !okTo || from.Document != c.Document || to.Document != c.Document || to.PrevSHA256 != from.SHA256 {
			return 0, &BrokenError{ChangeID: c.ID, Document: c.Document, Reason: fmt.Sprintf("does not join consecutive versions %d and %d of the report", c.FromVersionID, c.ToVersionID)}
		}
	}
	return len(r.Versions), nil
}
