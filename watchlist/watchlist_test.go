package watchlist_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
	"github.com/clausewatch/clausewatch/templates"
	"github.com/clausewatch/clausewatch/validation"
	"github.com/clausewatch/clausewatch/watchlist"
)

// fakeChecker records the documents it was asked to check.
type fakeChecker struct {
	checked     []int64
	hadDeadline bool
	outcome     recorder.Outcome
}

func (f *fakeChecker) Check(ctx context.Context, id int64) (recorder.Outcome, error) {
	f.checked = append(f.checked, id)
	_, f.hadDeadline = ctx.Deadline()
	out := f.outcome
	out.DocumentID = id
	return out, nil
}

type fixture struct {
	st      *store.Store
	svc     *watchlist.Service
	org     *store.Organization
	owner   *store.User
	mail    *mail.Recorder
	checker *fakeChecker
}

func newFixture(t *testing.T, st *store.Store, plan string) *fixture {
	t.Helper()
	ctx := context.Background()
	tmpl, err := templates.New()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{st: st, mail: &mail.Recorder{}, checker: &fakeChecker{outcome: recorder.Outcome{State: docstate.SelectorMissing, Error: "selector matched nothing"}}}
	f.svc = watchlist.New(watchlist.Deps{Store: st, Checker: f.checker, Mail: f.mail, Templates: tmpl, BaseURL: "https://cw.example"})
	f.owner = &store.User{Email: "owner@example.com", PasswordHash: "x"}
	if err := st.CreateUser(ctx, f.owner); err != nil {
		t.Fatal(err)
	}
	f.org = &store.Organization{Name: "Acme", Slug: "acme", Plan: plan}
	if err := st.CreateOrganization(ctx, f.org); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddMember(ctx, f.org.ID, f.owner.ID, store.RoleOwner); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) platforms(t *testing.T, n int) []store.Platform {
	t.Helper()
	ps := make([]store.Platform, n)
	for i := range ps {
		ps[i] = store.Platform{Slug: fmt.Sprintf("p%02d", i), Name: fmt.Sprintf("Platform %02d", i)}
		if err := f.st.UpsertPlatform(context.Background(), &ps[i]); err != nil {
			t.Fatal(err)
		}
	}
	return ps
}

func TestAddPlatformLimitsAndConflicts(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t), billing.PlanFree)
	ctx := context.Background()
	f.platforms(t, 2)
	if _, err := f.svc.AddPlatform(ctx, f.org.ID, f.owner.ID, "p00"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		slug  string
		check func(error) bool
		want  string
	}{
		{"p00", func(err error) bool { return errors.Is(err, store.ErrConflict) }, "You already watch Platform 00."},
		{"p01", func(err error) bool { var le *billing.LimitError; return errors.As(err, &le) },
			"The Free plan watches 1 platform; upgrade to Monitor to watch up to 25."},
		{"nope", func(err error) bool { var ve validation.Errors; return errors.As(err, &ve) && ve["platform"] != "" },
			`platform: There is no platform "nope" in the catalogue.`},
	}
	for _, tt := range tests {
		_, err := f.svc.AddPlatform(ctx, f.org.ID, f.owner.ID, tt.slug)
		if err == nil || !tt.check(err) || err.Error() != tt.want {
			t.Errorf("add %s: %v, want %q", tt.slug, err, tt.want)
		}
	}
}

func TestAddCustomURL(t *testing.T) {
	var conns atomic.Int64
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, "<main><h1>Terms</h1></main>")
	}))
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	ts.Start()
	defer ts.Close()

	ctx := context.Background()
	free := newFixture(t, storetest.SQLite(t), billing.PlanFree)
	_, err := free.svc.AddCustomURL(ctx, free.org.ID, free.owner.ID, watchlist.CustomURL{URL: "https://example.com/terms", Name: "Terms"})
	var le *billing.LimitError
	if !errors.As(err, &le) || le.Limit != billing.LimitCustomURLs {
		t.Fatalf("free plan: %v, want a custom URL limit error", err)
	}

	paid := newFixture(t, storetest.SQLite(t), billing.PlanMonitor)
	invalid := []struct {
		name  string
		in    watchlist.CustomURL
		field string
	}{
		{"ftp", watchlist.CustomURL{URL: "ftp://example.com/terms", Name: "Terms"}, "url"},
		{"loopback", watchlist.CustomURL{URL: ts.URL + "/terms", Name: "Terms"}, "url"},
		{"localhost name", watchlist.CustomURL{URL: "http://localhost/terms", Name: "Terms"}, "url"},
		{"relative", watchlist.CustomURL{URL: "/terms", Name: "Terms"}, "url"},
		{"no name", watchlist.CustomURL{URL: "https://example.com/terms"}, "name"},
		{"bad select", watchlist.CustomURL{URL: "https://example.com/terms", Name: "T", Select: []string{"main >>> p["}}, "select"},
		{"bad remove", watchlist.CustomURL{URL: "https://example.com/terms", Name: "T", Remove: []string{"::"}}, "remove"},
	}
	for _, tt := range invalid {
		_, err := paid.svc.AddCustomURL(ctx, paid.org.ID, paid.owner.ID, tt.in)
		var ve validation.Errors
		if !errors.As(err, &ve) || ve[tt.field] == "" {
			t.Errorf("%s: %v, want an error on %s", tt.name, err, tt.field)
		}
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the loopback server saw %d connections, want 0", n)
	}
	if len(paid.checker.checked) != 0 {
		t.Errorf("invalid input was checked: %v", paid.checker.checked)
	}

	added, err := paid.svc.AddCustomURL(ctx, paid.org.ID, paid.owner.ID, watchlist.CustomURL{
		URL: " https://example.com/terms ", Name: "Vendor terms", Select: []string{"main"}, Remove: []string{"nav", ""}})
	if err != nil {
		t.Fatal(err)
	}
	if !added.Checked || added.Outcome.State != "selector_missing" || len(paid.checker.checked) != 1 ||
		paid.checker.checked[0] != *added.Watch.DocumentID || !paid.checker.hadDeadline {
		t.Fatalf("first check: %+v (checked %v, deadline %v)", added, paid.checker.checked, paid.checker.hadDeadline)
	}
	doc, err := paid.st.Document(ctx, *added.Watch.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	src, err := recorder.DecodeSources(doc.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "Vendor terms" || doc.OrganizationID == nil || *doc.OrganizationID != paid.org.ID ||
		src[0].URL != "https://example.com/terms" || len(src[0].Rules.Select) != 1 || len(src[0].Rules.Remove) != 1 {
		t.Errorf("stored document %+v with sources %+v", doc, src)
	}
	_, err = paid.svc.AddCustomURL(ctx, paid.org.ID, paid.owner.ID, watchlist.CustomURL{
		URL: "https://example.com/terms", Name: "Again", Select: []string{"main"}, Remove: []string{"nav"}})
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("same URL again: %v, want a conflict", err)
	}
}

func TestPlanChangePausesNewestAndResumes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, billing.PlanCompliance)
		for _, p := range f.platforms(t, 30) {
			if _, err := f.svc.AddPlatform(ctx, f.org.ID, f.owner.ID, p.Slug); err != nil {
				t.Fatal(err)
			}
		}
		change, err := f.svc.ApplyPlan(ctx, f.org.ID, billing.PlanFree, watchlist.Actor{Source: "operator"})
		if err != nil {
			t.Fatal(err)
		}
		if len(change.Paused) != 29 || len(change.Resumed) != 0 || change.From.ID != billing.PlanCompliance {
			t.Fatalf("downgrade: paused %d, resumed %d, from %s", len(change.Paused), len(change.Resumed), change.From.ID)
		}
		if change.Paused[0].Platform.Slug != "p29" {
			t.Errorf("first paused = %s, want the newest, p29", change.Paused[0].Platform.Slug)
		}
		items, err := f.svc.List(ctx, f.org.ID)
		if err != nil {
			t.Fatal(err)
		}
		active, paused := 0, 0
		for _, it := range items {
			if it.Paused() {
				paused++
			} else {
				active++
			}
		}
		if active != 1 || paused != 29 || items[0].Paused() {
			t.Fatalf("after downgrade: %d active, %d paused of %d (oldest paused: %v)", active, paused, len(items), items[0].Paused())
		}
		m, ok := f.mail.Last("owner@example.com")
		if !ok || !strings.Contains(m.Subject, "29 watches paused") || !strings.Contains(m.Text, "Platform 29") {
			t.Errorf("owner mail = %+v", m)
		}
		log, err := st.AuditLog(ctx, f.org.ID, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 1 || log[0].Action != store.AuditPlanChange || !strings.HasPrefix(log[0].Detail, "compliance → free by operator; paused: Platform 29, ") {
			t.Errorf("audit = %+v", log)
		}

		change, err = f.svc.ApplyPlan(ctx, f.org.ID, billing.PlanCompliance, watchlist.Actor{UserID: f.owner.ID, Source: "billing"})
		if err != nil {
			t.Fatal(err)
		}
		if len(change.Resumed) != 29 || len(change.Paused) != 0 {
			t.Fatalf("upgrade: resumed %d, paused %d", len(change.Resumed), len(change.Paused))
		}
		n, err := f.svc.Usage(ctx, f.org.ID)
		if err != nil {
			t.Fatal(err)
		}
		items, _ = f.svc.List(ctx, f.org.ID)
		for _, it := range items {
			if it.Paused() {
				t.Errorf("watch %d still paused", it.ID)
			}
		}
		if n.Platforms != 30 || len(items) != 30 {
			t.Errorf("%d watches after upgrade, want 30", n.Platforms)
		}
		if _, err := f.svc.ApplyPlan(ctx, f.org.ID, "platinum", watchlist.Actor{}); !errors.Is(err, watchlist.ErrUnknownPlan) {
			t.Errorf("unknown plan: %v", err)
		}
	})
}

func TestMembersOverTheLimitAreReadOnly(t *testing.T) {
	ctx := context.Background()
	st := storetest.SQLite(t)
	f := newFixture(t, st, billing.PlanMonitor)
	var users []*store.User
	for i := range 3 {
		u := &store.User{Email: fmt.Sprintf("m%d@example.com", i), PasswordHash: "x"}
		if err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if _, err := st.AddMember(ctx, f.org.ID, u.ID, store.RoleMember); err != nil {
			t.Fatal(err)
		}
		users = append(users, u)
		time.Sleep(10 * time.Millisecond) // distinct join times
	}
	for _, u := range append(users, f.owner) {
		if err := f.svc.WriteAccess(ctx, f.org.ID, u.ID); err != nil {
			t.Errorf("%s on Monitor: %v", u.Email, err)
		}
	}
	change, err := f.svc.ApplyPlan(ctx, f.org.ID, billing.PlanFree, watchlist.Actor{Source: "operator"})
	if err != nil {
		t.Fatal(err)
	}
	if change.MembersOver() != 3 {
		t.Errorf("members over = %d, want 3", change.MembersOver())
	}
	if err := f.svc.WriteAccess(ctx, f.org.ID, f.owner.ID); err != nil {
		t.Errorf("owner on Free: %v", err)
	}
	for _, u := range users {
		var ro *watchlist.ReadOnlyError
		if err := f.svc.WriteAccess(ctx, f.org.ID, u.ID); !errors.As(err, &ro) {
			t.Errorf("%s on Free: %v, want read-only", u.Email, err)
		}
	}
}
