package accounts_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
)

// team is an organization on a paid plan with an owner, an admin and a
// member, and another organization.
type team struct {
	owner, admin, member, outsider *accounts.Identity
}

// newTeam makes the team; prefix keeps the addresses of several teams in
// one database apart.
func newTeam(e *env, prefix string) team {
	owner := e.signup(prefix+"owner@example.com", "Acme")
	e.paid(owner)
	return team{
		owner:    owner,
		admin:    e.member(owner, prefix+"admin@example.com", store.RoleAdmin),
		member:   e.member(owner, prefix+"member@example.com", store.RoleMember),
		outsider: e.signup(prefix+"out@example.com", "Other"),
	}
}

// membershipID is the id of the user's membership in the organization.
func (e *env) membershipID(in, user *accounts.Identity) int64 {
	e.t.Helper()
	m, err := e.st.MembershipOfUser(e.ctx, in.Organization.ID, user.User.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return m.ID
}

func (e *env) role(in, user *accounts.Identity) store.Role {
	e.t.Helper()
	m, err := e.st.MembershipOfUser(e.ctx, in.Organization.ID, user.User.ID)
	if errors.Is(err, store.ErrNotFound) {
		return "none"
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return m.Role
}

func TestRemoveMember(t *testing.T) {
	tests := []struct {
		name          string
		actor, target func(team) *accounts.Identity
		in            func(team) *accounts.Identity
		rule          bool
		err           error
	}{
		{name: "owner removes admin", actor: owner, target: admin},
		{name: "owner removes member", actor: owner, target: member},
		{name: "admin removes member", actor: admin, target: member},
		{name: "admin may not remove the owner", actor: admin, target: owner, err: accounts.ErrForbidden},
		{name: "member may not remove", actor: member, target: admin, err: accounts.ErrForbidden},
		{name: "no one removes themselves", actor: admin, target: admin, rule: true},
		{name: "another organization's membership is not found", actor: owner, target: outsider, in: outsider, err: store.ErrNotFound},
	}
	eachStore(t, func(t *testing.T, e *env) {
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e := e.sub(t)
				tm := newTeam(e, fmt.Sprintf("t%d-", i))
				actor, target := tt.actor(tm), tt.target(tm)
				in := tm.owner
				if tt.in != nil {
					in = tt.in(tm)
				}
				session := e.login(target.User.Email, goodPassword)
				if err := e.svc.SwitchOrganization(e.ctx, session, target.User.ID, in.Organization.ID); err != nil {
					t.Fatal(err)
				}
				raw, _, err := e.svc.CreateAPIToken(e.ctx, in.Organization.ID, target.User.ID, "ci")
				if err != nil {
					t.Fatal(err)
				}
				before := e.role(in, target)
				err = e.svc.RemoveMember(e.ctx, actor, e.membershipID(in, target))
				switch {
				case tt.rule:
					wantRule(t, "remove", err)
				case tt.err != nil:
					wantErr(t, "remove", err, tt.err)
				case err != nil:
					t.Fatal(err)
				}
				removed := tt.err == nil && !tt.rule
				if got := e.role(in, target); removed != (got == "none") || (!removed && got != before) {
					t.Fatalf("role after = %q (before %q), removed %v", got, before, removed)
				}
				_, sessErr := e.svc.Session(e.ctx, session)
				_, tokErr := e.svc.TokenIdentity(e.ctx, raw)
				if removed {
					wantErr(t, "removed member's session", sessErr, store.ErrNotFound)
					wantErr(t, "removed member's token", tokErr, accounts.ErrInvalidToken)
					// Beyond the ended membership, the session and token
					// themselves are gone, so a later re-invitation does not
					// bring them back.
					_, err := e.st.SessionByHash(e.ctx, accounts.HashSecret(session), e.clock.Now())
					wantErr(t, "removed member's stored session", err, store.ErrNotFound)
					if live, err := e.st.APITokens(e.ctx, in.Organization.ID, target.User.ID); err != nil || len(live) != 0 {
						t.Errorf("removed member's live tokens = %d, %v", len(live), err)
					}
					if !e.audited(in.Organization.ID, store.AuditRemove) {
						t.Error("removal not audited")
					}
				} else if sessErr != nil || tokErr != nil {
					t.Fatalf("refused removal ended session (%v) or token (%v)", sessErr, tokErr)
				}
			})
		}
	})
}

func owner(tm team) *accounts.Identity    { return tm.owner }
func admin(tm team) *accounts.Identity    { return tm.admin }
func member(tm team) *accounts.Identity   { return tm.member }
func outsider(tm team) *accounts.Identity { return tm.outsider }

func TestLeave(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		tm := newTeam(e, "")
		wantRule(t, "the last owner leaves", e.svc.Leave(e.ctx, tm.owner))
		if e.role(tm.owner, tm.owner) != store.RoleOwner {
			t.Fatal("the last owner left")
		}
		if err := e.svc.Leave(e.ctx, tm.member); err != nil {
			t.Fatal(err)
		}
		if e.role(tm.owner, tm.member) != "none" {
			t.Fatal("member still in the organization")
		}
		wantErr(t, "leaving twice", e.svc.Leave(e.ctx, tm.member), store.ErrNotFound)
		if !e.audited(tm.owner.Organization.ID, store.AuditLeave) {
			t.Error("leave not audited")
		}
		// With a second owner, either may leave, but not both.
		if _, err := e.st.AddMember(e.ctx, tm.owner.Organization.ID, tm.outsider.User.ID, store.RoleOwner); err != nil {
			t.Fatal(err)
		}
		second := &accounts.Identity{User: tm.outsider.User, Organization: tm.owner.Organization, Role: store.RoleOwner}
		if err := e.svc.Leave(e.ctx, tm.owner); err != nil {
			t.Fatalf("one of two owners leaves: %v", err)
		}
		wantRule(t, "the remaining owner leaves", e.svc.Leave(e.ctx, second))
	})
}

func TestTransferOwnership(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		tm := newTeam(e, "")
		wantErr(t, "admin transfers", e.svc.TransferOwnership(e.ctx, tm.admin, e.membershipID(tm.owner, tm.member)), accounts.ErrForbidden)
		wantRule(t, "transfer to oneself", e.svc.TransferOwnership(e.ctx, tm.owner, e.membershipID(tm.owner, tm.owner)))
		wantErr(t, "transfer to another organization's member",
			e.svc.TransferOwnership(e.ctx, tm.owner, e.membershipID(tm.outsider, tm.outsider)), store.ErrNotFound)
		if e.role(tm.outsider, tm.outsider) != store.RoleOwner || e.role(tm.owner, tm.owner) != store.RoleOwner {
			t.Fatal("a refused transfer changed roles")
		}

		if err := e.svc.TransferOwnership(e.ctx, tm.owner, e.membershipID(tm.owner, tm.member)); err != nil {
			t.Fatal(err)
		}
		if got := e.role(tm.owner, tm.member); got != store.RoleOwner {
			t.Errorf("new owner's role = %q", got)
		}
		if got := e.role(tm.owner, tm.owner); got != store.RoleAdmin {
			t.Errorf("former owner's role = %q, want admin", got)
		}
		if n, err := e.st.CountMembers(e.ctx, tm.owner.Organization.ID, store.RoleOwner); err != nil || n != 1 {
			t.Errorf("%d owners, %v", n, err)
		}
		if !e.audited(tm.owner.Organization.ID, store.AuditTransfer) {
			t.Error("transfer not audited")
		}
		// The former owner is an admin now and may leave; the new owner,
		// the only one, may not.
		former := &accounts.Identity{User: tm.owner.User, Organization: tm.owner.Organization, Role: store.RoleAdmin}
		newOwner := &accounts.Identity{User: tm.member.User, Organization: tm.owner.Organization, Role: store.RoleOwner}
		wantErr(t, "former owner transfers again", e.svc.TransferOwnership(e.ctx, former, e.membershipID(tm.owner, tm.admin)), accounts.ErrForbidden)
		wantRule(t, "new sole owner leaves", e.svc.Leave(e.ctx, newOwner))
		if err := e.svc.Leave(e.ctx, former); err != nil {
			t.Fatalf("former owner leaves: %v", err)
		}
	})
}

func TestMembersAndUsage(t *testing.T) {
	eachStore(t, func(t *testing.T, e *env) {
		tm := newTeam(e, "")
		ms, err := e.svc.Members(e.ctx, tm.owner.Organization.ID)
		if err != nil || len(ms) != 3 {
			t.Fatalf("members = %d, %v", len(ms), err)
		}
		for _, m := range ms {
			if m.User == nil || m.User.Email == "" || m.User.Email == tm.outsider.User.Email {
				t.Errorf("member %+v", m)
			}
		}
		u, err := e.svc.MemberUsage(e.ctx, tm.owner.Organization.ID)
		if err != nil || u.Members != 3 {
			t.Errorf("usage = %+v, %v", u, err)
		}
	})
}
