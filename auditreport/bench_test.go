package auditreport_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/recorder"
)

// BenchmarkVerify checks a report of 10 documents with 50 versions of
// about 80 KB each (40 MB of text).
func BenchmarkVerify(b *testing.B) {
	r := &auditreport.Report{Format: auditreport.Format}
	body := strings.Repeat("We may share your personal data with our partners. ", 1600)
	id := int64(0)
	for doc := int64(1); doc <= 10; doc++ {
		prev := ""
		for i := range 50 {
			id++
			v := auditreport.Version{ID: id, Document: doc, Markdown: fmt.Sprintf("# Edition %d\n\n%s", i, body), PrevSHA256: prev}
			v.SHA256 = recorder.ChainHash(prev, v.Markdown)
			prev = v.SHA256
			r.Versions = append(r.Versions, v)
		}
	}
	b.SetBytes(int64(len(r.Versions) * len(r.Versions[0].Markdown)))
	for b.Loop() {
		if n, err := auditreport.Verify(r); err != nil || n != 500 {
			b.Fatal(n, err)
		}
	}
}
