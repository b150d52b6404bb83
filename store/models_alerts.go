package store

import "time"

// Alert channels: what a delivery row is sent through.
const (
	ChannelEmail   = "email"
	ChannelWebhook = "webhook"
)

// Delivery states: pending → sending → sent, or back to pending with a
// later next_attempt_at after a failure, and failed after the last attempt.
// skipped is a delivery that no longer applies (recipient unsubscribed or
// webhook removed before it was sent).
const (
	DeliveryPending = "pending"
	DeliverySending = "sending"
	DeliverySent    = "sent"
	DeliveryFailed  = "failed"
	DeliverySkipped = "skipped"
)

// Opt-out kinds of a member's alert mails.
const (
	OptOutSameDay = "same_day"
	OptOutDigest  = "digest"
)

// Source-health notice kinds.
const (
	NoticeFailing = "failing"
	NoticeResumed = "resumed"
)

// AlertSettings are an organization's alert choices. Weekday is
// time.Weekday (0 = Sunday).
type AlertSettings struct {
	OrganizationID int64     `gorm:"primaryKey;autoIncrement:false" json:"-"`
	SameDay        bool      `json:"same_day"`
	DigestWeekday  int       `json:"digest_weekday"`
	Editorial      bool      `json:"editorial"` // same-day alerts for editorial changes too
	UpdatedAt      time.Time `json:"-"`
}

// DefaultAlertSettings are the settings of an organization that never
// changed them.
func DefaultAlertSettings(orgID int64) AlertSettings {
	return AlertSettings{OrganizationID: orgID, SameDay: true, DigestWeekday: int(time.Monday)}
}

// AlertOptOut is a member's opt-out of one kind of alert mail.
type AlertOptOut struct {
	OrganizationID int64  `gorm:"primaryKey;autoIncrement:false"`
	UserID         int64  `gorm:"primaryKey;autoIncrement:false"`
	Kind           string `gorm:"primaryKey"`
	CreatedAt      time.Time
}

// AlertWebhook is an organization's webhook endpoint. The secret signs
// every request and is shown to the organization once.
type AlertWebhook struct {
	ID             int64 `gorm:"primaryKey"`
	OrganizationID int64
	URL            string
	Secret         string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// SourceNotice tells watching organizations that a document cannot be
// read (failing) or can be read again (resumed).
type SourceNotice struct {
	ID         int64 `gorm:"primaryKey"`
	DocumentID int64
	Seq        int
	Kind       string
	Since      time.Time
	Detail     string
	CreatedAt  time.Time
	Document   *Document `gorm:"foreignKey:DocumentID"`
}

// Digest is one weekly digest of an organization.
type Digest struct {
	ID             int64 `gorm:"primaryKey"`
	OrganizationID int64
	Period         string
	Changes        int
	CreatedAt      time.Time
}

// AlertDelivery is one message of the outbox: a change, notice or digest
// to one recipient through one channel.
type AlertDelivery struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	OrganizationID int64      `json:"-"`
	ChangeID       *int64     `json:"change_id,omitempty"`
	NoticeID       *int64     `json:"notice_id,omitempty"`
	DigestID       *int64     `json:"digest_id,omitempty"`
	RecipientID    int64      `json:"recipient_id"`
	Channel        string     `json:"channel"`
	State          string     `json:"state"`
	Attempts       int        `json:"attempts"`
	LastError      string     `json:"last_error,omitempty"`
	NextAttemptAt  time.Time  `json:"next_attempt_at"`
	LeaseUntil     *time.Time `json:"-"`
	SentAt         *time.Time `json:"sent_at,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	Change         *Change    `gorm:"foreignKey:ChangeID" json:"-"`
}

// DueDelivery is a delivery the relay should (re)try: its id and the
// attempt it is at, which together name its task.
type DueDelivery struct {
	ID       int64
	Attempts int
}
