package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/clausewatch/clausewatch/internal/cputime"
)

// BenchmarkFetchGzipped fetches a generated ~80 KB policy page served
// gzipped, as the benchmark round's page server and most sites send it,
// and reports the CPU time per fetch, which a busy machine inflates less
// than wall time (the server's share included).
func BenchmarkFetchGzipped(b *testing.B) {
	page, err := os.ReadFile("../extract/testdata/svc0011-r1.html.gz")
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(page)
	}))
	defer srv.Close()
	f := New(testOptions())
	b.ReportAllocs()
	start := cputime.Now()
	n := 0
	for b.Loop() {
		resp, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/svc0011/terms"})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(resp.Body)))
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}
