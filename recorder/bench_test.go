package recorder_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clausewatch/clausewatch/catalogue"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/internal/cputime"
	"github.com/clausewatch/clausewatch/recorder"
	"github.com/clausewatch/clausewatch/store/storetest"
)

// benchPage is a policy page of about 60 KB whose chrome carries a token
// that differs at every request, as real pages do.
func benchPage(token string) string { return benchPageWith(token, "") }

// benchPageWith is benchPage with one more paragraph at the end of its
// terms, when extra is not empty.
func benchPageWith(token, extra string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<html><head><title>Terms</title><script>var csrf=%q;</script></head><body>
<nav><a href="/home?session=%s">Home</a> <a href="/help">Help</a></nav>
<div class="cookie">We use cookies. Consent id %s.</div>
<article class="terms"><h1>Terms of Service</h1><p class="updated">Last updated: 1 March 2026</p>
`, token, token, token)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, `<h2>%d. Section number %d</h2>
<p>When you use the service you agree to follow these rules in section %d, and we may update them from time to time after telling you by e-mail.</p>
<p>We keep the records of your account for as long as the account is open and for %d days after it is closed, so that we can answer questions about billing.</p>
<ul><li>You may export your content at any time.</li><li>You may ask us to delete your account.</li></ul>
<p>Questions about this section go to the support team, who answer within %d working days of receiving them.</p>
`, i, i, i, 30+i, 2+i%5)
	}
	if extra != "" {
		fmt.Fprintf(&b, "<p>%s</p>\n", extra)
	}
	fmt.Fprintf(&b, `</article><footer>Request %s. Copyright Example Ltd.</footer></body></html>`, token)
	return b.String()
}

// BenchmarkCheckNoiseOnly measures the most common check: a page whose
// only differences from the latest version are per-request tokens, so the
// check fetches, fingerprints and records the document's health.
func BenchmarkCheckNoiseOnly(b *testing.B) {
	benchRecheck(b, func(i int64) string { return benchPage(fmt.Sprintf("tok%08d", i)) },
		func(out recorder.Outcome) bool { return !out.NewVersion() })
}

// BenchmarkCheckChange measures a check that finds a real change: the page
// gains or loses a paragraph at every request, so each check converts it,
// compares it with the latest version, analyses the change and records a
// version and a change.
func BenchmarkCheckChange(b *testing.B) {
	benchRecheck(b, func(i int64) string {
		extra := ""
		if i%2 == 0 {
			extra = "We share your contact details with advertising partners so that they can show you ads that match your interests."
		}
		return benchPageWith(fmt.Sprintf("tok%08d", i), extra)
	}, func(out recorder.Outcome) bool { return out.ChangeID != 0 })
}

// benchRecheck checks one document again and again after its first
// version: page(i) is the page served at the i-th request, and want
// reports whether a check's outcome is the one measured. It reports the
// process's CPU time per check (the page server's included) beside wall
// time, which a machine shared with other work inflates much more.
func benchRecheck(b *testing.B, page func(i int64) string, want func(recorder.Outcome) bool) {
	st := storetest.SQLite(b)
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page(n.Add(1)))
	}))
	b.Cleanup(srv.Close)
	tr := newTracker(b, st)
	ctx := context.Background()
	if _, err := tr.Import(ctx, declare(srv.URL+"/terms", "article.terms")); err != nil {
		b.Fatal(err)
	}
	ids, err := st.DocumentIDs(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	if out, err := tr.Check(ctx, ids[0]); err != nil || !out.NewVersion() {
		b.Fatalf("first check: %+v %v", out, err)
	}
	b.ReportAllocs()
	start, checks := cputime.Now(), 0
	for b.Loop() {
		out, err := tr.Check(ctx, ids[0])
		if err != nil || !want(out) {
			b.Fatalf("check %d: %+v %v", checks+2, out, err)
		}
		checks++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(checks), "cpu-ns/op")
}

// BenchmarkCheckFirstVersion measures the first check of a document: the
// page is converted and its first version and snapshot are stored.
func BenchmarkCheckFirstVersion(b *testing.B) {
	st := storetest.SQLite(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, benchPage(r.URL.Path))
	}))
	b.Cleanup(srv.Close)
	tr := newTracker(b, st)
	ctx := context.Background()
	docs := make([]catalogue.Document, b.N)
	for i := range docs {
		docs[i] = catalogue.Document{
			Type:    fmt.Sprintf("Terms %d", i),
			Sources: []engine.Source{{URL: fmt.Sprintf("%s/terms/%d", srv.URL, i), Rules: extract.Rules{Select: []extract.Selector{{CSS: "article.terms"}}}}},
		}
	}
	if _, err := tr.Import(ctx, []catalogue.Platform{{Name: "Acme", Slug: "acme", Documents: docs}}); err != nil {
		b.Fatal(err)
	}
	ids, err := st.DocumentIDs(ctx, 0)
	if err != nil || len(ids) != b.N {
		b.Fatalf("documents: %d %v", len(ids), err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for _, id := range ids {
		out, err := tr.Check(ctx, id)
		if err != nil || !out.NewVersion() {
			b.Fatalf("first check: %+v %v", out, err)
		}
	}
}
