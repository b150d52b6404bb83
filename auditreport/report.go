// Package auditreport builds the audit-ready export of a platform's history — every
// version of its documents with the hash chain that links them, and every
// change with its provisions — and verifies such an export offline.
package auditreport

import (
	"context"
	"fmt"
	"time"

	"github.com/clausewatch/clausewatch/engine/analysis"
	"github.com/clausewatch/clausewatch/store"
)

// Format identifies the report layout, so that a verifier can refuse files
// it does not understand.
const Format = "clausewatch.audit.v1"

// Report is the exported history of one platform.
type Report struct {
	Format      string     `json:"format"`
	GeneratedAt time.Time  `json:"generated_at"`
	Platform    Platform   `json:"platform"`
	Documents   []Document `json:"documents"`
	Versions    []Version  `json:"versions"`
	Changes     []Change   `json:"changes"`
}

// Platform names the exported platform.
type Platform struct {
	Slug         string `json:"slug"`
	Name         string `json:"name"`
	Category     string `json:"category"`
	Jurisdiction string `json:"jurisdiction"`
}

// Document is one watched document of the platform.
type Document struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
	Name string `json:"name"`
}

// Version is one recorded text. SHA256 is the chain hash over PrevSHA256
// and Markdown (see recorder.ChainHash).
type Version struct {
	ID         int64     `json:"id"`
	Document   int64     `json:"document"`
	Kind       string    `json:"kind"`
	CreatedAt  time.Time `json:"created_at"`
	SHA256     string    `json:"sha256"`
	PrevSHA256 string    `json:"prev_sha256"`
	Markdown   string    `json:"markdown"`
	// SnapshotSHA256 lists the SHA-256 of the raw fetched bytes the text
	// was extracted from (organization reports).
	SnapshotSHA256 []string `json:"snapshot_sha256,omitempty"`
}

// Change is one change between two consecutive versions.
type Change struct {
	ID            int64                `json:"id"`
	Document      int64                `json:"document"`
	FromVersionID int64                `json:"from_version_id"`
	ToVersionID   int64                `json:"to_version_id"`
	CreatedAt     time.Time            `json:"created_at"`
	Summary       string               `json:"summary"`
	Severity      string               `json:"severity"`
	Stats         Stats                `json:"stats"`
	Provisions    []analysis.Provision `json:"provisions"`
	// FromSHA256 and ToSHA256 repeat the chain hashes of the two versions
	// (organization reports), so a reader of the change alone can quote them.
	FromSHA256 string `json:"from_sha256,omitempty"`
	ToSHA256   string `json:"to_sha256,omitempty"`
}

// Stats counts what a change touched.
type Stats struct {
	AddedWords      int `json:"added_words"`
	RemovedWords    int `json:"removed_words"`
	SectionsChanged int `json:"sections_changed"`
}

// Build reads the whole history of a platform's catalogue documents.
func Build(ctx context.Context, st *store.Store, platformSlug string, now time.Time) (*Report, error) {
	p, err := st.PlatformBySlug(ctx, platformSlug)
	if err != nil {
		return nil, fmt.Errorf("audit report: %w", err)
	}
	docs, err := st.PlatformDocuments(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", p.Slug, err)
	}
	versions, err := st.PlatformVersions(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", p.Slug, err)
	}
	changes, err := st.PlatformChangesAll(ctx, p.ID)
	if err != nil {
		return nil, fmt.Errorf("audit report of %s: %w", p.Slug, err)
	}
	r := &Report{
		Format:      Format,
		GeneratedAt: now.UTC(),
		Platform:    Platform{Slug: p.Slug, Name: p.Name, Category: p.Category, Jurisdiction: p.Jurisdiction},
		Documents:   make([]Document, 0, len(docs)),
		Versions:    make([]Version, 0, len(versions)),
		Changes:     make([]Change, 0, len(changes)),
	}
	for _, d := range docs {
		r.Documents = append(r.Documents, Document{ID: d.ID, Type: d.DocType, Name: d.Name})
	}
	for _, v := range versions {
		r.Versions = append(r.Versions, Version{
			ID: v.ID, Document: v.DocumentID, Kind: v.Kind, CreatedAt: v.CreatedAt.UTC(),
			SHA256: v.SHA256, PrevSHA256: v.PrevSHA256, Markdown: v.Markdown,
		})
	}
	for _, c := range changes {
		ch, err := exportChange(c)
		if err != nil {
			return nil, fmt.Errorf("audit report of %s: %w", p.Slug, err)
		}
		r.Changes = append(r.Changes, ch)
	}
	return r, nil
}
