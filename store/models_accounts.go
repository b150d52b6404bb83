package store

import "time"

// Organization is a tenant: the unit that subscribes, watches and is billed.
type Organization struct {
	ID        int64     `gorm:"primaryKey" json:"id"`
	Name      string    `json:"name"`
	Slug      string    `json:"slug"`
	Plan      string    `json:"plan"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// User is a person who logs in; they belong to organizations through
// memberships.
type User struct {
	ID              int64      `gorm:"primaryKey" json:"id"`
	Email           string     `json:"email"`
	Name            string     `json:"name"`
	PasswordHash    string     `json:"-"`
	EmailVerifiedAt *time.Time `json:"email_verified_at"`
	Staff           bool       `json:"staff"`
	CreatedAt       time.Time  `json:"created_at"`
	UpdatedAt       time.Time  `json:"-"`
}

// Verified reports whether the user confirmed their e-mail address.
func (u *User) Verified() bool { return u.EmailVerifiedAt != nil }

// Membership ties a user to an organization with a role.
type Membership struct {
	ID             int64 `gorm:"primaryKey"`
	OrganizationID int64
	UserID         int64
	Role           Role
	CreatedAt      time.Time
	User           *User `gorm:"foreignKey:UserID"`
	// Organization is loaded by MembershipsOfUser only.
	Organization *Organization `gorm:"foreignKey:OrganizationID"`
}

// Session is a server-side login session. Only the SHA-256 of the cookie
// value is stored, so a database leak does not hand out sessions.
type Session struct {
	IDHash         string `gorm:"primaryKey"`
	UserID         int64
	OrganizationID int64
	IP             string
	UserAgent      string
	CreatedAt      time.Time
	LastSeenAt     time.Time
	ExpiresAt      time.Time
}

// Purposes of e-mail tokens.
const (
	PurposeVerify = "verify"
	PurposeReset  = "reset"
)

// EmailToken is a single-use token sent by e-mail (verification, password
// reset); only its hash is stored.
type EmailToken struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Purpose   string
	TokenHash string
	ExpiresAt time.Time
	UsedAt    *time.Time
	CreatedAt time.Time
}

// Invitation asks someone to join an organization.
type Invitation struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	OrganizationID int64      `json:"-"`
	Email          string     `json:"email"`
	Role           Role       `json:"role"`
	TokenHash      string     `json:"-"`
	InvitedBy      *int64     `json:"-"`
	ExpiresAt      time.Time  `json:"expires_at"`
	AcceptedAt     *time.Time `json:"accepted_at"`
	RevokedAt      *time.Time `json:"-"`
	CreatedAt      time.Time  `json:"created_at"`
}

// APIToken authenticates JSON API calls; only its hash is stored, the
// prefix helps people tell their tokens apart.
type APIToken struct {
	ID             int64      `gorm:"primaryKey" json:"id"`
	OrganizationID int64      `json:"-"`
	UserID         int64      `json:"-"`
	Name           string     `json:"name"`
	TokenHash      string     `json:"-"`
	Prefix         string     `json:"prefix"`
	LastUsedAt     *time.Time `json:"last_used_at"`
	RevokedAt      *time.Time `json:"revoked_at"`
	CreatedAt      time.Time  `json:"created_at"`
}

// LoginFailure records one failed login, keyed by account or by IP.
type LoginFailure struct {
	ID        int64 `gorm:"primaryKey"`
	Key       string
	CreatedAt time.Time
}

// AuditEntry is one append-only line of the audit log.
type AuditEntry struct {
	ID             int64 `gorm:"primaryKey"`
	OrganizationID *int64
	ActorUserID    *int64
	Action         string
	Detail         string
	CreatedAt      time.Time
	// Actor is loaded by AuditLog (id and e-mail only); nil for entries
	// without a person behind them (Stripe, the operator's commands).
	Actor *User `gorm:"foreignKey:ActorUserID"`
}

// TableName keeps the SQL table name of the audit log.
func (AuditEntry) TableName() string { return "audit_log" }
