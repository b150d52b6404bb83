package analysis

import (
	"cmp"
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/clausewatch/clausewatch/internal/cputime"
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
	start, n := cputime.Now(), 0
	for b.Loop() {
		if len(Analyze(old, new).Provisions) == 0 {
			b.Fatal("expected provisions")
		}
		n++
	}
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
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

// realPairDocument is a real document of about 500 KB in Open Terms
// Archive's vlopses-us-versions collection.
const realPairDocument = "AliExpress/Marketplace Sellers Conditions.md"

// BenchmarkAnalyzeRealPair analyzes the two latest versions of a large
// real document, read from a local mirror of the collection (a bare git
// directory: OTA_VERSIONS_MIRROR, by default the one next to the
// repository). It is skipped when no mirror is there; the document is
// never copied into the repository.
func BenchmarkAnalyzeRealPair(b *testing.B) {
	repo := cmp.Or(os.Getenv("OTA_VERSIONS_MIRROR"), "../../../.mirror/OpenTermsArchive+vlopses-us-versions/repo")
	if _, err := os.Stat(repo); err != nil {
		b.Skipf("no mirror at %s", repo)
	}
	git := func(args ...string) string {
		out, err := exec.Command("git", append([]string{"-C", repo}, args...)...).Output()
		if err != nil {
			b.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	commits := strings.Fields(git("log", "-n", "2", "--format=%H", "--", realPairDocument))
	if len(commits) < 2 {
		b.Skipf("fewer than two versions of %s", realPairDocument)
	}
	newText := git("show", commits[0]+":"+realPairDocument)
	oldText := git("show", commits[1]+":"+realPairDocument)
	b.SetBytes(int64(len(oldText) + len(newText)))
	b.ReportMetric(float64(len(newText))/1000, "KB/doc")
	start, n := cputime.Now(), 0
	for b.Loop() {
		Analyze(oldText, newText)
		n++
	}
	// CPU time per analysis: a machine shared with other work inflates it
	// much less than wall time.
	b.ReportMetric(float64((cputime.Now()-start).Nanoseconds())/float64(n), "cpu-ns/op")
}

// BenchmarkLoadRules is the start-up cost of reading and compiling the
// rule files, with and without the language files.
func BenchmarkLoadRules(b *testing.B) {
	sub, err := fs.Sub(ruleFiles, "rules")
	if err != nil {
		b.Fatal(err)
	}
	english := fstest.MapFS{}
	names, _ := fs.Glob(sub, "*.yaml")
	for _, name := range names {
		if !languageFileName.MatchString(name) {
			data, _ := fs.ReadFile(sub, name)
			english[name] = &fstest.MapFile{Data: data}
		}
	}
	for _, tt := range []struct {
		name string
		fsys fs.FS
	}{{"english", english}, {"all", sub}} {
		b.Run(tt.name, func(b *testing.B) {
			for b.Loop() {
				cats, err := loadCategories(tt.fsys)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := compile(cats); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
