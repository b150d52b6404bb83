package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

func TestRolePermissions(t *testing.T) {
	tests := []struct {
		role                               store.Role
		valid, isOwner, canManage, canBill bool
		label, withArticle                 string
	}{
		{store.RoleOwner, true, true, true, true, "Owner", "the owner"},
		{store.RoleAdmin, true, false, true, true, "Admin", "an admin"},
		{store.RoleMember, true, false, false, false, "Member", "a member"},
		{"", false, false, false, false, "", "a member"},
		{"Owner", false, false, false, false, "", "a member"},
		{"superuser", false, false, false, false, "", "a member"},
	}
	for _, tt := range tests {
		r := tt.role
		if r.Valid() != tt.valid || r.IsOwner() != tt.isOwner || r.CanManage() != tt.canManage || r.CanBill() != tt.canBill {
			t.Errorf("%q: valid %v owner %v manage %v bill %v; want %v %v %v %v", r,
				r.Valid(), r.IsOwner(), r.CanManage(), r.CanBill(), tt.valid, tt.isOwner, tt.canManage, tt.canBill)
		}
		if r.Label() != tt.label || r.WithArticle() != tt.withArticle {
			t.Errorf("%q: label %q, with article %q; want %q, %q", r, r.Label(), r.WithArticle(), tt.label, tt.withArticle)
		}
	}
}

func TestRoleAtLeast(t *testing.T) {
	tests := []struct {
		role, min store.Role
		want      bool
	}{
		{store.RoleOwner, store.RoleAdmin, true},
		{store.RoleOwner, store.RoleOwner, true},
		{store.RoleAdmin, store.RoleOwner, false},
		{store.RoleAdmin, store.RoleMember, true},
		{store.RoleMember, store.RoleAdmin, false},
		{store.RoleMember, store.RoleMember, true},
		{"", store.RoleMember, false},
		{"root", store.RoleMember, false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := tt.role.AtLeast(tt.min); got != tt.want {
			t.Errorf("%q.AtLeast(%q) = %v, want %v", tt.role, tt.min, got, tt.want)
		}
	}
	if !(store.RoleMember.Rank() < store.RoleAdmin.Rank() && store.RoleAdmin.Rank() < store.RoleOwner.Rank()) {
		t.Error("roles do not rank member < admin < owner")
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in      string
		want    store.Role
		wantErr bool
	}{
		{"owner", store.RoleOwner, false},
		{"admin", store.RoleAdmin, false},
		{"member", store.RoleMember, false},
		{"", "", true},
		{"Admin", "", true},
		{"guest", "", true},
	}
	for _, tt := range tests {
		got, err := store.ParseRole(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestRoleJSON(t *testing.T) {
	for _, r := range []store.Role{store.RoleOwner, store.RoleAdmin, store.RoleMember} {
		b, err := json.Marshal(store.Invitation{Role: r})
		if err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := json.Unmarshal(b, &raw); err != nil {
			t.Fatal(err)
		}
		if raw["role"] != string(r) {
			t.Errorf("%q encodes as %v, want the plain string", r, raw["role"])
		}
		var back store.Invitation
		if err := json.Unmarshal(b, &back); err != nil || back.Role != r {
			t.Errorf("round trip of %q = %q, %v", r, back.Role, err)
		}
	}
	var inv store.Invitation
	if err := json.Unmarshal([]byte(`{"role":"root"}`), &inv); err == nil {
		t.Errorf("decoding an unknown role succeeded with %q", inv.Role)
	}
}

// TestRolesStoredAsStrings checks that typed roles are written, read back
// and filtered on in SQL on both databases.
func TestRolesStoredAsStrings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		org, _, owner := seed(t, s, "acme", "ada@example.com")
		u := &store.User{Email: "bob@example.com", PasswordHash: "x"}
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		m, err := s.AddMember(ctx, org.ID, u.ID, store.RoleMember)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetMemberRole(ctx, org.ID, m.ID, store.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		members, err := s.Members(ctx, org.ID)
		if err != nil || len(members) != 2 || members[0].ID != owner.ID || members[0].Role != store.RoleOwner || members[1].Role != store.RoleAdmin {
			t.Fatalf("Members = %+v, %v", members, err)
		}
		for _, tt := range []struct {
			roles []store.Role
			want  int
		}{
			{nil, 2},
			{[]store.Role{store.RoleOwner}, 1},
			{[]store.Role{store.RoleOwner, store.RoleAdmin}, 2},
			{[]store.Role{store.RoleMember}, 0},
		} {
			if n, err := s.CountMembers(ctx, org.ID, tt.roles...); err != nil || n != tt.want {
				t.Errorf("CountMembers(%q) = %d, %v; want %d", tt.roles, n, err, tt.want)
			}
		}
	})
}
