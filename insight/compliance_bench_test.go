package insight_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/insight"
	"github.com/clausewatch/clausewatch/store"
)

// benchPolicy is a Markdown policy of about size bytes, made of the
// sentences the classifier recognizes and some it does not.
func benchPolicy(size int) string {
	sentences := []string{aiTraining, arbitration, dataSharing, governingLaw,
		"We collect the information you provide when you create an account, such as your name and e-mail address.",
		"We use cookies and similar technologies to remember your preferences and measure traffic."}
	var b strings.Builder
	b.WriteString("# Terms of Service\n\n")
	for i := 0; b.Len() < size; i++ {
		if i%10 == 0 {
			fmt.Fprintf(&b, "\n## Section %d\n\n", i/10+1)
		}
		b.WriteString(sentences[i%len(sentences)])
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkCompliance builds the compliance view with "how other platforms
// handle this" across 80 latest versions of ~80 KB: cold classifies them
// all, warm reads the cache.
func BenchmarkCompliance(b *testing.B) {
	st := &fakeStore{texts: map[int64]string{}}
	text := benchPolicy(80_000)
	for i := range int64(80) {
		st.texts[i+1] = text
		st.latest = append(st.latest, store.LatestCatalogueVersion{DocumentID: i + 1, VersionID: i + 1, PlatformID: i/2 + 1, Slug: fmt.Sprint("p", i/2), Name: "Platform"})
	}
	docs := []insight.Document{{ID: 1, DocType: "Terms of Service", VersionID: 1}, {ID: 2, DocType: "Privacy Policy", VersionID: 2}}
	ctx := context.Background()
	b.Run("cold 80 versions", func(b *testing.B) {
		for b.Loop() {
			s := insight.New(st, insight.DefaultCacheSize)
			if _, err := s.Compliance(ctx, 1, docs, nil, true, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		s := insight.New(st, insight.DefaultCacheSize)
		for b.Loop() {
			if _, err := s.Compliance(ctx, 1, docs, nil, true, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}
