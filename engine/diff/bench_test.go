package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/internal/cputime"
)

// benchDoc generates a policy-like Markdown document of about size bytes;
// seed varies the wording so two documents differ in a few places.
func benchDoc(size, seed int) string {
	var b strings.Builder
	b.WriteString("# Terms of Service\n\nLast updated: March 1, 2024\n\n")
	for s := 1; b.Len() < size; s++ {
		fmt.Fprintf(&b, "## %d. Section about topic %d\n\n", s, s)
		for p := 0; p < 4; p++ {
			for k := 0; k < 5; k++ {
				word := "information"
				if (s*31+p*7+k)%97 == seed%97 {
					word = "content"
				}
				fmt.Fprintf(&b, "Sentence %d of paragraph %d explains how we process your %s for purpose %d. ", k, p, word, s*p+k)
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkCompare(b *testing.B) {
	benchCompare(b, benchDoc(80_000, 1), benchDoc(80_000, 2))
}

// BenchmarkCompareMentioningTranslation compares documents that name a
// translation once, so that the chrome pass's translation messages are
// looked for: over the whole text that search once cost more than the rest
// of Compare.
func BenchmarkCompareMentioningTranslation(b *testing.B) {
	const notice = "\n\nThe English text prevails over any translation.\n"
	benchCompare(b, benchDoc(80_000, 1)+notice, benchDoc(80_000, 2)+notice)
}

// BenchmarkCompareNamingAnUpdate compares documents that say they were
// updated and when terms take effect, so that the old version's lines are
// looked at as possible update banners.
func BenchmarkCompareNamingAnUpdate(b *testing.B) {
	const notice = "\n\nWe will tell you before a revision takes effect.\n"
	benchCompare(b, benchDoc(80_000, 1)+notice, benchDoc(80_000, 2)+notice)
}

// benchCompare measures Compare of two documents that differ, in wall
// and CPU time.
func benchCompare(b *testing.B, old, new string) {
	b.SetBytes(int64(len(old) + len(new)))
	start, n := cputime.Now(), 0
	for b.Loop() {
		if !Compare(old, new).Changed {
			b.Fatal("expected a change")
		}
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

func BenchmarkSignificant(b *testing.B) {
	doc := benchDoc(80_000, 1)
	b.SetBytes(int64(len(doc)))
	start, n := cputime.Now(), 0
	for b.Loop() {
		Significant(doc)
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}
