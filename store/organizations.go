package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"
)

// CreateOrganization inserts o; a taken slug is ErrConflict.
func (s *Store) CreateOrganization(ctx context.Context, o *Organization) error {
	return notFound(s.conn(ctx).Create(o).Error, "create organization")
}

// SlugTaken reports whether an organization already uses slug.
func (s *Store) SlugTaken(ctx context.Context, slug string) (bool, error) {
	var n int64
	if err := s.conn(ctx).Model(&Organization{}).Where("slug = ?", slug).Count(&n).Error; err != nil {
		return false, fmt.Errorf("check slug %q: %w", slug, err)
	}
	return n > 0, nil
}

// Organization returns the organization with that id.
func (s *Store) Organization(ctx context.Context, orgID int64) (*Organization, error) {
	var o Organization
	if err := s.conn(ctx).First(&o, orgID).Error; err != nil {
		return nil, notFound(err, "organization")
	}
	return &o, nil
}

// OrganizationBySlug returns the organization with that slug.
func (s *Store) OrganizationBySlug(ctx context.Context, slug string) (*Organization, error) {
	var o Organization
	if err := s.conn(ctx).Where("slug = ?", slug).First(&o).Error; err != nil {
		return nil, notFound(err, "organization")
	}
	return &o, nil
}

// SetOrganizationPlan moves the organization to another plan.
func (s *Store) SetOrganizationPlan(ctx context.Context, orgID int64, plan string) error {
	res := s.conn(ctx).Model(&Organization{}).Where("id = ?", orgID).
		Updates(map[string]any{"plan": plan, "updated_at": time.Now().UTC()})
	return oneRow(res, fmt.Sprintf("set plan of organization %d", orgID))
}

// LockOrganization takes a row lock on the organization until the
// transaction ends, so that checks against its plan limits (count, then
// insert) cannot interleave. SQLite transactions already hold the database
// write lock from their start, so there it does nothing.
func (s *Store) LockOrganization(ctx context.Context, orgID int64) error {
	if s.dialect != "postgres" {
		return nil
	}
	var o Organization
	err := s.conn(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Select("id").First(&o, orgID).Error
	return notFound(err, "lock organization")
}

// AddMember makes the user a member of the organization with role; an
// existing membership is ErrConflict.
func (s *Store) AddMember(ctx context.Context, orgID, userID int64, role Role) (*Membership, error) {
	m := &Membership{OrganizationID: orgID, UserID: userID, Role: role}
	if err := s.conn(ctx).Create(m).Error; err != nil {
		return nil, notFound(err, "add member")
	}
	return m, nil
}

// Membership returns one membership of the organization, with its user.
func (s *Store) Membership(ctx context.Context, orgID, membershipID int64) (*Membership, error) {
	var m Membership
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("User").Where("id = ?", membershipID).First(&m).Error
	if err != nil {
		return nil, notFound(err, "membership")
	}
	return &m, nil
}

// MembershipOfUser returns the user's membership in the organization.
func (s *Store) MembershipOfUser(ctx context.Context, orgID, userID int64) (*Membership, error) {
	var m Membership
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("User").Where("user_id = ?", userID).First(&m).Error
	if err != nil {
		return nil, notFound(err, "membership")
	}
	return &m, nil
}

// Members lists the organization's memberships with their users, oldest
// first.
func (s *Store) Members(ctx context.Context, orgID int64) ([]Membership, error) {
	var ms []Membership
	err := s.conn(ctx).Scopes(forOrg(orgID)).Preload("User").Order("created_at, id").Find(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("list members of organization %d: %w", orgID, err)
	}
	return ms, nil
}

// CountMembers counts the organization's members, optionally only those
// with one of roles.
func (s *Store) CountMembers(ctx context.Context, orgID int64, roles ...Role) (int, error) {
	q := s.conn(ctx).Model(&Membership{}).Scopes(forOrg(orgID))
	if len(roles) > 0 {
		q = q.Where("role IN ?", roles)
	}
	var n int64
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count members of organization %d: %w", orgID, err)
	}
	return int(n), nil
}

// SetMemberRole changes the role of one membership.
func (s *Store) SetMemberRole(ctx context.Context, orgID, membershipID int64, role Role) error {
	res := s.conn(ctx).Model(&Membership{}).Scopes(forOrg(orgID)).Where("id = ?", membershipID).Update("role", role)
	return oneRow(res, fmt.Sprintf("set role of membership %d", membershipID))
}

// DeleteMembership removes one membership from the organization.
func (s *Store) DeleteMembership(ctx context.Context, orgID, membershipID int64) error {
	res := s.conn(ctx).Scopes(forOrg(orgID)).Where("id = ?", membershipID).Delete(&Membership{})
	return oneRow(res, fmt.Sprintf("delete membership %d", membershipID))
}

// FirstMembership is the user's oldest membership: the organization a fresh
// login lands in.
func (s *Store) FirstMembership(ctx context.Context, userID int64) (*Membership, error) {
	var m Membership
	if err := s.conn(ctx).Where("user_id = ?", userID).Order("created_at, id").First(&m).Error; err != nil {
		return nil, notFound(err, "membership")
	}
	return &m, nil
}

// MembershipsOfUser lists the user's memberships with their organizations,
// oldest first. It is scoped by the user, not an organization: these are
// the organizations the user may work in.
func (s *Store) MembershipsOfUser(ctx context.Context, userID int64) ([]Membership, error) {
	var ms []Membership
	err := s.conn(ctx).Preload("Organization").Where("user_id = ?", userID).Order("created_at, id").Find(&ms).Error
	if err != nil {
		return nil, fmt.Errorf("list organizations of user %d: %w", userID, err)
	}
	return ms, nil
}
