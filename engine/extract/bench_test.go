package extract

import (
	"os"
	"os/exec"
	"testing"

	"github.com/clausewatch/clausewatch/internal/cputime"
)

func BenchmarkExtract(b *testing.B) {
	body := fixture(b, "svc0011-r1.html.gz") // ~80 KB, the size named in the target
	benchExtract(b, body, "http://x/svc0011/terms", tosgenRules())
}

// BenchmarkFingerprint is the check round's fast path for a document that
// did not change: Prepare and Fingerprint, without the Markdown.
func BenchmarkFingerprint(b *testing.B) {
	body := fixture(b, "svc0011-r1.html.gz")
	rules := tosgenRules()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := cputime.Now()
	n := 0
	for b.Loop() {
		p, err := Prepare(body, "text/html; charset=utf-8", "http://x/svc0011/terms", rules)
		if err != nil {
			b.Fatal(err)
		}
		_ = p.Fingerprint()
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkFingerprintOnly is Fingerprint of a page prepared once: the
// rendering, its normalization, the significant form and the hash.
func BenchmarkFingerprintOnly(b *testing.B) {
	body := fixture(b, "svc0011-r1.html.gz")
	p, err := Prepare(body, "text/html; charset=utf-8", "http://x/svc0011/terms", tosgenRules())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := cputime.Now()
	n := 0
	for b.Loop() {
		_ = p.Fingerprint()
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkExtractReal extracts a real ~300 KB policy page (tables, lists,
// nested markup) from a local mirror of Open Terms Archive's dating
// snapshots. Third-party pages are not committed, so the benchmark skips
// when the mirror is absent; OTA_SNAPSHOTS names another copy.
func BenchmarkExtractReal(b *testing.B) {
	repo := os.Getenv("OTA_SNAPSHOTS")
	if repo == "" {
		repo = "/work/.mirror/OpenTermsArchive+dating-snapshots/repo"
	}
	body, err := exec.Command("git", "-C", repo, "show", "c39048d0bf:Jdate/Privacy Policy.html").Output()
	if err != nil {
		b.Skipf("no OTA snapshot mirror at %s: %v", repo, err)
	}
	rules := Rules{Select: []Selector{{CSS: ".entry-content"}}, Remove: []Selector{{CSS: "#CookieNotice"}}}
	benchExtract(b, body, "https://about.jdate.com/legal-en/privacy-policy/", rules)
}

// benchExtract also reports the process CPU time per extraction, which
// a machine shared with other work inflates much less than wall time.
func benchExtract(b *testing.B, body []byte, pageURL string, rules Rules) {
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	start := cputime.Now()
	n := 0
	for b.Loop() {
		if _, err := Extract(body, "text/html; charset=utf-8", pageURL, rules); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}
