package alerts_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// BenchmarkFanOut10k records a change to a document watched by 10,000
// Monitor organizations (one verified member each): the outbox rows are
// written in the change's transaction, then relayed by 8 concurrent
// senders to mailpit (TEST_SMTP_URL) or, without it, to memory. Run it
// with bench/alerts.sh; PostgreSQL when TEST_DATABASE_URL is set.
func BenchmarkFanOut10k(b *testing.B) {
	const orgs = 10000
	var st *store.Store
	if os.Getenv("TEST_DATABASE_URL") != "" {
		st = storetest.Postgres(b)
	} else {
		st = storetest.SQLite(b)
	}
	var sender mail.Sender = &mail.Recorder{}
	if u := os.Getenv("TEST_SMTP_URL"); u != "" {
		s, err := mail.NewSMTPSender(u, "Clausewatch <alerts@example.com>")
		if err != nil {
			b.Fatal(err)
		}
		sender = s
	}
	t := &testing.T{}
	f := newFixture(t, st, fixtureOptions{sender: sender, noEnqueue: true})
	ctx := context.Background()
	seedStart := time.Now()
	err := st.InTx(ctx, func(tx *store.Store) error {
		now := time.Now().UTC()
		for i := range orgs {
			org := &store.Organization{Name: fmt.Sprintf("Org %d", i), Slug: fmt.Sprintf("bench-%s-%d", f.tag, i), Plan: "monitor"}
			if err := tx.CreateOrganization(ctx, org); err != nil {
				return err
			}
			u := &store.User{Email: fmt.Sprintf("bench-%s-%d@example.com", f.tag, i), PasswordHash: "x", EmailVerifiedAt: &now}
			if err := tx.CreateUser(ctx, u); err != nil {
				return err
			}
			if _, err := tx.AddMember(ctx, org.ID, u.ID, store.RoleOwner); err != nil {
				return err
			}
			if _, err := tx.AddPlatformWatch(ctx, org.ID, f.platform.ID, nil, 100); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d organizations in %v (%s)", orgs, time.Since(seedStart).Round(time.Millisecond), st.Dialect())
	if out, err := f.tr.Check(ctx, f.doc.ID); err != nil || out.VersionID == 0 {
		b.Fatalf("first check: %+v %v", out, err)
	}
	var outboxTime, relayTime time.Duration
	var written, relayed int64
	b.ResetTimer()
	for i := range b.N {
		f.site.set(200, page(fmt.Sprint("n", i), "1 March 2026", fmt.Sprintf("%s Revision %d.", clauseV2, i)))
		start := time.Now()
		out, err := f.tr.Check(ctx, f.doc.ID)
		if err != nil || out.ChangeID == 0 {
			b.Fatalf("change: %+v %v", out, err)
		}
		outboxTime += time.Since(start)
		due, err := st.PendingDeliveries(ctx, store.DeliveryCause{ChangeID: out.ChangeID})
		if err != nil {
			b.Fatal(err)
		}
		written += int64(len(due))
		start = time.Now()
		var next atomic.Int64
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := next.Add(1) - 1; j < int64(len(due)); j = next.Add(1) - 1 {
					if err := f.al.Deliver(ctx, due[j].ID); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
		relayTime += time.Since(start)
		counts, err := st.CountDeliveries(ctx, store.DeliveryCause{ChangeID: out.ChangeID})
		if err != nil {
			b.Fatal(err)
		}
		relayed += counts[store.DeliverySent]
	}
	b.ReportMetric(float64(written)/float64(b.N), "deliveries/change")
	b.ReportMetric(float64(written)/outboxTime.Seconds(), "outbox-rows/s")
	b.ReportMetric(float64(relayed)/relayTime.Seconds(), "sent/s")
}
