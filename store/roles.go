package store

import (
	"fmt"
	"slices"
)

// Role is a member's role in an organization. Its values are the strings
// stored in memberships.role and invitations.role and emitted in JSON.
type Role string

// Roles of a member in an organization, least first.
const (
	RoleMember Role = "member"
	RoleAdmin  Role = "admin"
	RoleOwner  Role = "owner"
)

// roleOrder lists the roles least first; a role's rank is its index plus
// one, so the zero Role and unknown values rank 0 and may do nothing.
var roleOrder = [...]Role{RoleMember, RoleAdmin, RoleOwner}

// ParseRole returns the role named by s ("owner", "admin" or "member") or
// an error for anything else, the empty string included.
func ParseRole(s string) (Role, error) {
	if r := Role(s); r.Valid() {
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want owner, admin or member)", s)
}

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool { return r.Rank() > 0 }

// Rank orders the roles: 1 for member up to 3 for owner, 0 for an empty or
// unknown value.
func (r Role) Rank() int { return slices.Index(roleOrder[:], r) + 1 }

// AtLeast reports whether r is a real role ranking at or above min.
func (r Role) AtLeast(min Role) bool { return r.Valid() && r.Rank() >= min.Rank() }

// IsOwner reports whether r is the owner role, which alone may transfer
// ownership and remove another owner.
func (r Role) IsOwner() bool { return r == RoleOwner }

// CanManage reports whether r may manage the team and the organization's
// settings: invite and remove members, read the activity log and change
// organization-wide alert settings. Owners and admins may.
func (r Role) CanManage() bool { return r.AtLeast(RoleAdmin) }

// CanBill reports whether r may manage the subscription and receives the
// billing notices. Owners and admins may.
func (r Role) CanBill() bool { return r.AtLeast(RoleAdmin) }

// String returns the stored form.
func (r Role) String() string { return string(r) }

// Label is the role as a heading word: "Owner", "Admin" or "Member";
// empty for an unknown value.
func (r Role) Label() string {
	switch r {
	case RoleOwner:
		return "Owner"
	case RoleAdmin:
		return "Admin"
	case RoleMember:
		return "Member"
	}
	return ""
}

// WithArticle is the role as it reads inside a sentence ("you are …",
// "invited as …"): "the owner", "an admin", otherwise "a member", the
// role that grants the least.
func (r Role) WithArticle() string {
	switch r {
	case RoleOwner:
		return "the owner"
	case RoleAdmin:
		return "an admin"
	}
	return "a member"
}

// MarshalText writes the stored form, so JSON carries the same strings.
func (r Role) MarshalText() ([]byte, error) { return []byte(r), nil }

// UnmarshalText accepts the stored forms and the empty string (a field
// left out); anything else is an error rather than a role that would
// silently grant nothing.
func (r *Role) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = ""
		return nil
	}
	role, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = role
	return nil
}
