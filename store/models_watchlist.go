package store

import "time"

// Why a watch is paused.
const (
	PausedByPlan = "plan" // the organization's plan no longer covers it
	PausedByUser = "user" // a member paused it
)

// Watch is an organization following a catalogue platform (PlatformID,
// all its documents) or one of its own custom documents (DocumentID).
type Watch struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	OrganizationID int64      `json:"-"`
	PlatformID     *int64     `json:"platform_id,omitempty"`
	DocumentID     *int64     `json:"document_id,omitempty"`
	PausedAt       *time.Time `json:"paused_at"`
	PausedReason   string     `json:"paused_reason,omitempty"`
	CreatedBy      *int64     `json:"-"`
	CreatedAt      time.Time  `json:"created_at"`
	Platform       *Platform  `gorm:"foreignKey:PlatformID" json:"platform,omitempty"`
	Document       *Document  `gorm:"foreignKey:DocumentID" json:"document,omitempty"`
}

// Custom reports whether the watch is on a custom document rather than a
// catalogue platform.
func (w *Watch) Custom() bool { return w.DocumentID != nil }

// Paused reports whether the watch is paused.
func (w *Watch) Paused() bool { return w.PausedAt != nil }

// Label names what is watched, for messages.
func (w *Watch) Label() string {
	switch {
	case w.Platform != nil:
		return w.Platform.Name
	case w.Document != nil:
		return w.Document.Name
	}
	return "watch"
}

// FeedToken is the secret in an organization's private feed URL, stored
// as its hash: a copy of the database gives away no working feed address.
type FeedToken struct {
	OrganizationID int64 `gorm:"primaryKey;autoIncrement:false"`
	TokenHash      string
	CreatedAt      time.Time
}

// WatchLimits are the plan's counted allowances of watches.
type WatchLimits struct {
	Platforms  int
	CustomURLs int
}

// DocTypeCustom is the type of an organization's custom document.
const DocTypeCustom = "custom"
