package app

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/store"
)

// queryLog records the SQL statements the store runs while it is on.
type queryLog struct {
	mu  sync.Mutex
	on  bool
	sql []string
}

func (q *queryLog) record(sql string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.on {
		q.sql = append(q.sql, sql)
	}
}

// during returns the statements run by fn.
func (q *queryLog) during(fn func()) []string {
	q.mu.Lock()
	q.on, q.sql = true, nil
	q.mu.Unlock()
	fn()
	q.mu.Lock()
	defer q.mu.Unlock()
	q.on = false
	return q.sql
}

// TestDashboardQueriesDoNotGrowWithWatches renders /app for an
// organization watching 1 platform and for one watching 25, each platform
// with changes and a failing document: the number of SQL statements is the
// same, so the dashboard has no query per watch, change or document.
func TestDashboardQueriesDoNotGrowWithWatches(t *testing.T) {
	ta := newWatchlistTestApp(t)
	ctx := context.Background()
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var platforms []*store.Platform
	for i := range 25 {
		p := &store.Platform{Slug: fmt.Sprintf("p%02d", i), Name: fmt.Sprintf("Platform %02d", i), Category: "Social"}
		if err := ta.store.UpsertPlatform(ctx, p); err != nil {
			t.Fatal(err)
		}
		terms := seedDocument(t, ta.store, &store.Document{PlatformID: &p.ID, DocType: "Terms of Service", Name: "Terms of Service"})
		recordVersion(t, ta.store, terms.ID, acmeTermsV1, start)
		recordVersion(t, ta.store, terms.ID, acmeTermsV2, start.Add(time.Hour))
		privacy := seedDocument(t, ta.store, &store.Document{PlatformID: &p.ID, DocType: "Privacy Policy", Name: "Privacy Policy"})
		if _, err := ta.store.RecordHealth(ctx, privacy.ID, store.Health{State: docstate.Unreachable, Error: "connection refused",
			CheckedAt: start, NextCheckAt: start.Add(time.Hour), Failed: true}); err != nil {
			t.Fatal(err)
		}
		platforms = append(platforms, p)
	}

	var log queryLog
	if err := ta.store.OnStatement("dashboard-test", log.record); err != nil {
		t.Fatal(err)
	}
	counts := map[int]int{}
	for _, watches := range []int{1, 25} {
		b := ta.browser()
		name := fmt.Sprintf("Org %d", watches)
		wantRedirect(t, b.signup(fmt.Sprintf("org%d@example.com", watches), goodPassword, name), "/app")
		org, err := ta.store.OrganizationBySlug(ctx, fmt.Sprintf("org-%d", watches))
		if err != nil {
			t.Fatal(err)
		}
		if err := ta.store.SetOrganizationPlan(ctx, org.ID, "compliance"); err != nil {
			t.Fatal(err)
		}
		for _, p := range platforms[:watches] {
			if _, err := ta.store.AddPlatformWatch(ctx, org.ID, p.ID, nil, 100); err != nil {
				t.Fatal(err)
			}
		}
		var res *response
		sql := log.during(func() { res = b.get("/app") })
		wantStatus(t, res, http.StatusOK)
		if got := strings.Count(res.Body, "Documents in trouble"); got != 1 || !strings.Contains(res.Body, platforms[watches-1].Name) {
			t.Fatalf("dashboard of %d watches lacks its sections", watches)
		}
		counts[watches] = len(sql)
		t.Logf("%d watches: %d statements\n%s", watches, len(sql), strings.Join(sql, "\n"))
	}
	if counts[25] != counts[1] {
		t.Errorf("/app runs %d statements for 1 watch and %d for 25: a query per item", counts[1], counts[25])
	}
}
