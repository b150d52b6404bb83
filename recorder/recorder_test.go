package recorder_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// site is a policy page whose body the test changes between checks.
type site struct {
	mu     sync.Mutex
	body   string
	status int
	hits   atomic.Int64
}

func (s *site) set(status int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.body = status, body
}

func (s *site) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	s.hits.Add(1)
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(s.status)
	io.WriteString(w, s.body)
}

func page(nonce, updated, clause string) string {
	return fmt.Sprintf(`<html><body><nav><a href="/x?utm_source=%s">Home</a></nav>
<div class="cookie">We use cookies %s</div>
<article class="terms"><h1>Terms of Service</h1><p class="updated">Last updated: %s</p>
<h2>1. Your content</h2><p>You own your content. We store it to provide the service.</p>
<h2>2. Use of data</h2><p>%s</p>
<h2>3. Termination</h2><p>You may close your account at any time.</p></article>
<footer>csrf %s</footer></body></html>`, nonce, nonce, updated, clause, nonce)
}

func newTracker(t testing.TB, st *store.Store) *recorder.Service {
	eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 5 * time.Second}))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return recorder.New(st, eng, log, time.Hour, recorder.Hooks{})
}

// watched serves one policy page with clause, imports a declaration for it
// selecting sel, and returns the page, the recorder and the document id.
func watched(t *testing.T, st *store.Store, clause, sel string) (*site, *recorder.Service, int64) {
	t.Helper()
	remote := &site{}
	remote.set(200, page("n1", "1 March 2026", clause))
	srv := httptest.NewServer(remote)
	t.Cleanup(srv.Close)
	tr := newTracker(t, st)
	if _, err := tr.Import(context.Background(), declare(srv.URL+"/terms", sel)); err != nil {
		t.Fatal(err)
	}
	ids, err := st.DocumentIDs(context.Background(), 0)
	if err != nil || len(ids) != 1 {
		t.Fatalf("documents %v %v", ids, err)
	}
	return remote, tr, ids[0]
}

func declare(url string, sel string) []catalogue.Platform {
	return []catalogue.Platform{{Name: "Acme", Slug: "acme", Documents: []catalogue.Document{{
		Type:    "Terms of Service",
		Sources: []engine.Source{{URL: url, Rules: extract.Rules{Select: []extract.Selector{{CSS: sel}}}}},
	}}}}
}

func TestCheckRecordsRealChangesOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		remote, tr, id := watched(t, st, "We do not sell your personal data.", "article.terms")

		first, err := tr.Check(ctx, id)
		if err != nil || first.State != docstate.OK || first.VersionID == 0 || first.ChangeID != 0 {
			t.Fatalf("first check: %+v %v", first, err)
		}

		// Noise only: tokens, tracking parameters and the last-updated date.
		remote.set(200, page("n2", "2 March 2026", "We do not sell your personal data."))
		noise, err := tr.Check(ctx, id)
		if err != nil || noise.VersionID != 0 {
			t.Fatalf("noise produced a version: %+v %v", noise, err)
		}

		// A failure is a state, never a version, and recovery to the same
		// text records nothing.
		remote.set(503, "down")
		failed, err := tr.Check(ctx, id)
		if err != nil || failed.State == docstate.OK || failed.VersionID != 0 || failed.Failures != 1 {
			t.Fatalf("failure: %+v %v", failed, err)
		}
		remote.set(200, page("n3", "2 March 2026", "We do not sell your personal data."))
		recovered, err := tr.Check(ctx, id)
		if err != nil || recovered.State != docstate.OK || recovered.VersionID != 0 {
			t.Fatalf("recovery: %+v %v", recovered, err)
		}

		// A real change: one version, one change with a summary.
		remote.set(200, page("n4", "3 March 2026", "We sell your personal data to advertising partners."))
		changed, err := tr.Check(ctx, id)
		if err != nil || changed.VersionID == 0 || changed.ChangeID == 0 {
			t.Fatalf("change: %+v %v", changed, err)
		}
		c, err := st.Change(ctx, 0, changed.ChangeID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Summary == "" || c.AddedWords == 0 || c.FromVersionID != first.VersionID {
			t.Errorf("change row: %+v", c)
		}
		latest, err := st.LatestVersion(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		firstV, err := st.Version(ctx, id, first.VersionID)
		if err != nil {
			t.Fatal(err)
		}
		if latest.PrevSHA256 != firstV.SHA256 || latest.SHA256 != recorder.ChainHash(firstV.SHA256, latest.Markdown) {
			t.Errorf("hash chain broken: %+v", latest)
		}
	})
}

func TestSelectorMissIsAStateNotAVersion(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	_, tr, id := watched(t, st, "Clause.", "main.nope")
	out, err := tr.Check(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if out.State != "selector_missing" || out.VersionID != 0 {
		t.Fatalf("got %+v", out)
	}
}

func TestImportIsIdempotentAndUpgradesTechnically(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		remote := &site{}
		remote.set(200, page("n1", "1 March 2026", "Clause one."))
		srv := httptest.NewServer(remote)
		defer srv.Close()
		tr := newTracker(t, st)
		decl := declare(srv.URL, "body")
		if _, err := tr.Import(ctx, decl); err != nil {
			t.Fatal(err)
		}
		again, err := tr.Import(ctx, decl)
		if err != nil || again.DocumentsCreated != 0 || again.DocumentsUpdated != 0 {
			t.Fatalf("second import changed things: %+v %v", again, err)
		}
		ids, _ := st.DocumentIDs(ctx, 0)
		if _, err := tr.Check(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		hits := remote.hits.Load()
		// Narrow the selection: the stored snapshot is re-extracted, no fetch.
		rep, err := tr.Import(ctx, declare(srv.URL, "article.terms"))
		if err != nil || rep.TechnicalUpgrades != 1 {
			t.Fatalf("upgrade: %+v %v", rep, err)
		}
		if remote.hits.Load() != hits {
			t.Error("technical upgrade fetched the page again")
		}
		v, err := st.LatestVersion(ctx, ids[0])
		if err != nil || v.Kind != store.VersionTechnicalUpgrade {
			t.Fatalf("latest %+v %v", v, err)
		}
		changes, err := st.PlatformChanges(ctx, *mustDoc(t, st, ids[0]).PlatformID, 10)
		if err != nil || len(changes) != 0 {
			t.Fatalf("technical upgrade recorded a change: %v %v", changes, err)
		}
	})
}

func mustDoc(t *testing.T, st *store.Store, id int64) *store.Document {
	t.Helper()
	d, err := st.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A fingerprint stored under older noise rules must not turn into a change
// when the text itself is the same.
func TestStaleFingerprintIsNotAChange(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	_, tr, id := watched(t, st, "We do not sell your personal data.", "article.terms")
	first, err := tr.Check(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetVersionFingerprints(ctx, first.VersionID, store.Fingerprints{Significant: "computed-by-older-rules", ExtractionVersion: extract.Version}); err != nil {
		t.Fatal(err)
	}
	again, err := tr.Check(ctx, id)
	if err != nil || again.VersionID != 0 {
		t.Fatalf("stale fingerprint recorded a version: %+v %v", again, err)
	}
	v, err := st.LatestVersionMeta(ctx, id)
	if err != nil || v.SignificantSHA256 != diff.Fingerprint(mustVersion(t, st, id, first.VersionID).Markdown) {
		t.Fatalf("fingerprint not refreshed: %+v %v", v, err)
	}
}

func mustVersion(t *testing.T, st *store.Store, docID, id int64) *store.Version {
	t.Helper()
	v, err := st.Version(context.Background(), docID, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// A scheduled check behind a slow page of the same host gives up its turn
// after DueHostWait and records nothing: the document stays due, healthy
// and unfetched, and is checked normally once the host is free.
func TestCheckDueBehindBusyHostRecordsNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		entered, release := make(chan struct{}, 1), make(chan struct{})
		var fastHits atomic.Int64
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/slow" {
				entered <- struct{}{}
				<-release
			} else {
				fastHits.Add(1)
			}
			io.WriteString(w, page("n1", "1 March 2026", "We do not sell your personal data."))
		}))
		defer srv.Close()
		// The slow page must outlast DueHostWait, so the fetch may take longer.
		eng := engine.New(fetch.New(fetch.Options{AllowPrivate: true, TotalTimeout: 4 * recorder.DueHostWait}))
		tr := recorder.New(st, eng, slog.New(slog.DiscardHandler), time.Hour, recorder.Hooks{})
		rules := extract.Rules{Select: []extract.Selector{{CSS: "article.terms"}}}
		if _, err := tr.Import(ctx, []catalogue.Platform{{Name: "Acme", Slug: "acme", Documents: []catalogue.Document{
			{Type: "Terms of Service", Sources: []engine.Source{{URL: srv.URL + "/slow", Rules: rules}}},
			{Type: "Privacy Policy", Sources: []engine.Source{{URL: srv.URL + "/fast", Rules: rules}}},
		}}}); err != nil {
			t.Fatal(err)
		}
		ids, err := st.DocumentIDs(ctx, 0)
		if err != nil || len(ids) != 2 {
			t.Fatalf("documents %v %v", ids, err)
		}
		slowID, fastID := ids[0], ids[1]
		if mustDoc(t, st, slowID).DocType != "Terms of Service" {
			slowID, fastID = fastID, slowID
		}
		before := mustDoc(t, st, fastID)
		slow := make(chan error, 1)
		go func() {
			_, err := tr.Check(ctx, slowID)
			slow <- err
		}()
		<-entered

		out, err := tr.CheckDue(ctx, fastID, 0)
		if !errors.Is(err, fetch.ErrHostBusy) || out.VersionID != 0 {
			close(release)
			t.Fatalf("CheckDue behind a busy host: %+v %v, want ErrHostBusy", out, err)
		}
		after := mustDoc(t, st, fastID)
		if fastHits.Load() != 0 || after.LastCheckedAt != nil || after.ConsecutiveFailures != 0 ||
			after.State != before.State || !after.NextCheckAt.Equal(before.NextCheckAt) {
			close(release)
			t.Fatalf("a put-off check left traces: hits %d, document %+v (was %+v)", fastHits.Load(), after, before)
		}

		close(release)
		if err := <-slow; err != nil {
			t.Fatal(err)
		}
		if out, err := tr.CheckDue(ctx, fastID, 0); err != nil || out.VersionID == 0 {
			t.Fatalf("CheckDue at a free host: %+v %v", out, err)
		}
	})
}

// A scheduled check delivered again after its slot was checked fetches
// nothing and says so; the slot the document is due at now is checked.
func TestCheckDueSkipsACheckedSlot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		remote, tr, id := watched(t, st, "We keep your messages for thirty days.", "article.terms")
		slot := mustDoc(t, st, id).NextCheckAt.UnixMilli()
		if out, err := tr.CheckDue(ctx, id, slot); err != nil || out.VersionID == 0 {
			t.Fatalf("check of the due slot: %+v %v", out, err)
		}
		out, err := tr.CheckDue(ctx, id, slot)
		if !errors.Is(err, recorder.ErrSlotChecked) || out.VersionID != 0 || remote.hits.Load() != 1 {
			t.Fatalf("the same slot again: %+v %v, %d fetches, want ErrSlotChecked and one fetch", out, err, remote.hits.Load())
		}
		next := mustDoc(t, st, id).NextCheckAt.UnixMilli()
		if _, err := tr.CheckDue(ctx, id, next); err != nil || remote.hits.Load() != 2 {
			t.Fatalf("the next slot: %v, %d fetches", err, remote.hits.Load())
		}
	})
}
