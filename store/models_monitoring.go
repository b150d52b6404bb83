package store

import (
	"time"

	"github.com/clausewatch/clausewatch/docstate"
)

// Version kinds.
const (
	VersionFirst            = "first"
	VersionChange           = "change"
	VersionTechnicalUpgrade = "technical_upgrade"
)

// Materiality of a change, as the analysis classifies it.
const (
	MaterialitySubstantive = "substantive"
	MaterialityEditorial   = "editorial"
)

// Platform is an online service in the catalogue.
type Platform struct {
	ID           int64     `gorm:"primaryKey" json:"id"`
	Slug         string    `json:"slug"`
	Name         string    `json:"name"`
	Jurisdiction string    `json:"jurisdiction"`
	Locale       string    `json:"locale"`
	Category     string    `json:"category"`
	Origin       string    `json:"-"` // OriginBuiltin or OriginImport
	CreatedAt    time.Time `json:"-"`
	UpdatedAt    time.Time `json:"-"`
}

// Conditional holds the validators of the last fetch of one source.
type Conditional struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Document is one watched text: a platform's terms of a type, or an
// organization's custom URL.
type Document struct {
	ID                  int64          `gorm:"primaryKey" json:"id"`
	PlatformID          *int64         `json:"platform_id,omitempty"`
	OrganizationID      *int64         `json:"-"`
	DocType             string         `json:"type"`
	Name                string         `json:"name"`
	Sources             JSONText       `gorm:"type:text" json:"-"` // []engine.Source, owned by the engine
	RulesHash           string         `json:"-"`
	Conditionals        []Conditional  `gorm:"serializer:json" json:"-"`
	State               docstate.State `json:"state"`
	ConsecutiveFailures int            `json:"consecutive_failures"`
	LastError           string         `json:"last_error"`
	LastCheckedAt       *time.Time     `json:"last_checked_at"`
	LastSuccessAt       *time.Time     `json:"last_success_at"`
	NextCheckAt         time.Time      `json:"next_check_at"`
	LatestVersionID     *int64         `json:"-"`
	RetiredAt           *time.Time     `json:"retired_at,omitempty"` // no longer declared: kept, not checked
	History             JSONText       `gorm:"type:text" json:"-"`   // past declarations, owned by the catalogue
	CreatedAt           time.Time      `json:"-"`
	UpdatedAt           time.Time      `json:"-"`
	Platform            *Platform      `gorm:"foreignKey:PlatformID" json:"-"`
}

// Snapshot is the raw bytes of one fetch, kept once per content hash.
type Snapshot struct {
	ID          int64  `gorm:"primaryKey"`
	SHA256      string `gorm:"column:sha256"`
	URL         string
	ContentType string
	Body        []byte
	CreatedAt   time.Time
}

// Version is the normalized Markdown of a document at one time. Versions
// form a hash chain through PrevSHA256.
type Version struct {
	ID         int64  `gorm:"primaryKey" json:"id"`
	DocumentID int64  `json:"document_id"`
	Kind       string `json:"kind"`
	Markdown   string `json:"-"`
	SHA256     string `gorm:"column:sha256" json:"sha256"`
	PrevSHA256 string `gorm:"column:prev_sha256" json:"prev_sha256"`
	// SignificantSHA256 fingerprints the text without noise; two versions
	// with the same fingerprint are the same document. Empty until a check
	// needs it: a first version's is worked out from its text then.
	SignificantSHA256 string `gorm:"column:significant_sha256" json:"-"`
	// ContentFingerprint fingerprints the pages the text came from before
	// conversion (extract.Page.Fingerprint), made by ExtractionVersion;
	// a fetch with the same fingerprint is not converted again.
	ContentFingerprint string    `json:"-"`
	ExtractionVersion  int       `json:"-"`
	SnapshotIDs        []int64   `gorm:"serializer:json" json:"-"`
	CreatedAt          time.Time `json:"created_at"`
}

// Change is the difference between two consecutive versions of a document.
type Change struct {
	ID              int64     `gorm:"primaryKey" json:"id"`
	DocumentID      int64     `json:"document_id"`
	FromVersionID   int64     `json:"from_version_id"`
	ToVersionID     int64     `json:"to_version_id"`
	Summary         string    `json:"summary"`
	Severity        string    `json:"severity,omitempty"`
	Materiality     string    `gorm:"default:substantive" json:"materiality"` // MaterialitySubstantive or MaterialityEditorial
	AddedWords      int       `json:"-"`
	RemovedWords    int       `json:"-"`
	SectionsChanged int       `json:"-"`
	Sections        JSONText  `gorm:"type:text" json:"-"` // []diff.Section
	Provisions      JSONText  `gorm:"type:text" json:"-"` // []analysis.Provision
	CreatedAt       time.Time `json:"created_at"`
	Document        *Document `gorm:"foreignKey:DocumentID" json:"-"`
}
