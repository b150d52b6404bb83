package accounts_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/validation"
)

// goodPassword passes every password rule.
const goodPassword = "violet lantern harbour"

// testClock is a settable clock for expiries.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// env is the accounts service on a fresh store, with its mail recorded and
// its clock under the test's control.
type env struct {
	t     *testing.T
	ctx   context.Context
	svc   *accounts.Service
	st    *store.Store
	mail  *mail.Recorder
	clock *testClock
}

// eachStore runs fn once per test database (SQLite, and PostgreSQL when
// configured), each time on a new service.
func eachStore(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Helper()
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		tmpl, err := templates.New()
		if err != nil {
			t.Fatal(err)
		}
		e := &env{t: t, ctx: context.Background(), st: st, mail: &mail.Recorder{},
			clock: &testClock{now: time.Now().UTC()}}
		e.svc = accounts.New(st, e.mail, tmpl, "http://cw.example/", e.clock.Now, slog.New(slog.NewTextHandler(io.Discard, nil)))
		fn(t, e)
	})
}

// sub is the same environment reporting to a subtest.
func (e *env) sub(t *testing.T) *env {
	c := *e
	c.t = t
	return &c
}

// signup registers email with an organization of that name, confirms the
// address as the mailed link would, and returns the owner's identity in it.
func (e *env) signup(email, orgName string) *accounts.Identity {
	e.t.Helper()
	id := e.signupUnverified(email, orgName)
	if err := e.st.MarkEmailVerified(e.ctx, id.User.ID, e.clock.Now()); err != nil {
		e.t.Fatal(err)
	}
	u, err := e.st.UserByID(e.ctx, id.User.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	id.User = u
	return id
}

// signupUnverified registers email without confirming the address.
func (e *env) signupUnverified(email, orgName string) *accounts.Identity {
	e.t.Helper()
	u, org, err := e.svc.Signup(e.ctx, accounts.SignupInput{Email: email, Password: goodPassword, Organization: orgName})
	if err != nil {
		e.t.Fatalf("signup %s: %v", email, err)
	}
	return &accounts.Identity{User: u, Organization: org, Role: store.RoleOwner}
}

// member adds a new user with role to the organization of owner and
// returns their identity there.
func (e *env) member(owner *accounts.Identity, email string, role store.Role) *accounts.Identity {
	e.t.Helper()
	id := e.signup(email, email)
	if _, err := e.st.AddMember(e.ctx, owner.Organization.ID, id.User.ID, role); err != nil {
		e.t.Fatal(err)
	}
	return &accounts.Identity{User: id.User, Organization: owner.Organization, Role: role}
}

// setPlan moves the organization to a plan (the Free plan has one member).
func (e *env) setPlan(id *accounts.Identity, plan string) {
	e.t.Helper()
	if err := e.st.SetOrganizationPlan(e.ctx, id.Organization.ID, plan); err != nil {
		e.t.Fatal(err)
	}
	id.Organization.Plan = plan
}

// paid puts the organization on the Monitor plan, which has room for
// several members.
func (e *env) paid(id *accounts.Identity) { e.setPlan(id, billing.PlanMonitor) }

var linkToken = regexp.MustCompile(`http://cw\.example(/[a-z/]+/)([A-Za-z0-9_-]+)`)

// token returns the token of the link under path (e.g. "/verify/") in the
// latest mail to the address.
func (e *env) token(to, path string) string {
	e.t.Helper()
	m, ok := e.mail.Last(to)
	if !ok {
		e.t.Fatalf("no mail to %s", to)
	}
	for _, match := range linkToken.FindAllStringSubmatch(m.Text, -1) {
		if match[1] == path {
			return match[2]
		}
	}
	e.t.Fatalf("no %s link in the mail to %s:\n%s", path, to, m.Text)
	return ""
}

// mailsTo counts the messages sent to the address.
func (e *env) mailsTo(to string) int {
	n := 0
	for _, m := range e.mail.Messages() {
		if m.To == to {
			n++
		}
	}
	return n
}

// audited reports whether the organization's audit log has the action.
func (e *env) audited(orgID int64, action string) bool {
	e.t.Helper()
	entries, err := e.st.AuditLog(e.ctx, orgID, 100)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, a := range entries {
		if a.Action == action {
			return true
		}
	}
	return false
}

// login starts a session with the password and returns its raw id.
func (e *env) login(email, password string) string {
	e.t.Helper()
	s, err := e.svc.Login(e.ctx, email, password, accounts.Client{IP: "192.0.2.1", UserAgent: "test"})
	if err != nil {
		e.t.Fatalf("login %s: %v", email, err)
	}
	return s.ID
}

// fieldErrors returns the fields of a validation error, failing the test on
// any other error.
func fieldErrors(t *testing.T, err error) validation.Errors {
	t.Helper()
	var ve validation.Errors
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v (%T), want validation.Errors", err, err)
	}
	return ve
}

// wantErr fails unless err matches target with errors.Is.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("%s: error = %v, want %v", what, err, target)
	}
}

// wantRule fails unless err is a *accounts.RuleError.
func wantRule(t *testing.T, what string, err error) {
	t.Helper()
	var re *accounts.RuleError
	if !errors.As(err, &re) {
		t.Fatalf("%s: error = %v, want a rule error", what, err)
	}
}
