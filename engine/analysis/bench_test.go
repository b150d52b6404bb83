package analysis

import (
	"strings"
	"testing"
)

// benchPolicy builds a policy of about size bytes from realistic
// sentences, with every category represented.
func benchPolicy(size int, extra string) string {
	var sents []string
	for _, tc := range ruleExamples() {
		sents = append(sents, tc.text)
	}
	sents = append(sents, boilerplate...)
	var b strings.Builder
	b.WriteString("# Privacy Policy\n\nLast updated: March 1, 2024\n\n")
	for i := 0; b.Len() < size; i++ {
		if i%8 == 0 {
			b.WriteString("\n## Section " + strings.Repeat("I", 1+i%5) + " " + sents[i%len(sents)][:12] + "\n\n")
		}
		b.WriteString(sents[i%len(sents)])
		b.WriteString(" Additional context number ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(".\n\n")
		if i == 200 {
			b.WriteString(extra)
		}
	}
	return b.String()
}

func BenchmarkAnalyze(b *testing.B) {
	old := benchPolicy(80_000, "")
	new := benchPolicy(80_000, "We may use your conversations to train our AI models.\n\n")
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		if len(Analyze(old, new).Provisions) == 0 {
			b.Fatal("expected provisions")
		}
	}
}

func BenchmarkAnalyze100KB(b *testing.B) {
	old := benchPolicy(100_000, "")
	new := benchPolicy(100_000, "We may use your conversations to train our AI models.\n\n")
	b.SetBytes(int64(len(old) + len(new)))
	for b.Loop() {
		Analyze(old, new)
	}
}

func BenchmarkClassify100KB(b *testing.B) {
	doc := benchPolicy(100_000, "")
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Classify(doc)
	}
}
