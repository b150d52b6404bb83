package diff

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// chromeLines are the lines chrome documents are made of in the tests
// below: every piece of furniture dropChrome knows, near misses of each,
// headings, links to one site and to others, and plain text.
var chromeLines = []string{
	"# Help centre", "## Your account", "  ## Indented heading", "#no space heading", "### On this page",
	"## Was this helpful?", "## Notes on translation", "In this article", "Contents",
	"Copy link", "COPY LINK", "Click copy link to share it.", "How do I reset my password?",
	"Can I close my account", "Where are my settings?", "Welcome to the help centre!",
	"Was this page helpful?", "Did this answer your question?", "Yes", "No", "YesNo", "Oui Non",
	"* [Getting started](#getting-started)", "- [Your data](#your-data)", "1. [Closing](#closing)",
	"* [Elsewhere](https://example.com/a#b)", "* a plain item", "| a | b |",
	"[Start free today](https://www.example.com/start)", "[View history](https://example.com/history)",
	"* [Download the app](https://example.com/app \"app\")", "[Our partner](https://partner.org/x)",
	"[Privacy Policy](https://example.com/privacy)", "[Help](https://help.example.co.uk/)",
	"See [our blog](https://example.com/blog) for news.", "Write to us at [the desk](https://other.net/desk).",
	"We updated our Privacy Policy on March 3, 2024.", "We updated  our terms on 3 March 2024.",
	"We updated our terms on March 3, 2024 to add a section.", "We have updated the Terms of Use on 4 May 2023. [View the previous terms](https://example.com/old)",
	"This page contains changes which are not marked for translation.",
	"Intro. This page is a translated version of the page Terms and the translation is 80% complete.",
	"We collect your e-mail address.", "We share your data with partners.", "We keep logs for a year.",
	"_language_", "The content you are trying to view is not available for your preferred market language. You are now seeing content for **_English - United States_**.",
	"The content you are trying to view is not available for your preferred market language. Other terms apply in your country.",
	"Trademarks", "==========", "---", "I have a different question", "i have a different question", "**Bold title**",
	"", "", "", "   ",
}

// chromeDoc draws a document of chromeLines.
func chromeDoc(r *rand.Rand) []string {
	doc := make([]string, 1+r.IntN(40))
	for i := range doc {
		doc[i] = chromeLines[r.IntN(len(chromeLines))]
	}
	return doc
}

// editChrome changes a few lines of doc: replaced, added, removed or
// swapped.
func editChrome(r *rand.Rand, doc []string) []string {
	doc = slices.Clone(doc)
	for range 1 + r.IntN(3) {
		i := r.IntN(len(doc) + 1)
		line := chromeLines[r.IntN(len(chromeLines))]
		switch op := r.IntN(4); {
		case op == 0 || i == len(doc):
			doc = slices.Insert(doc, i, line)
		case op == 1:
			doc[i] = line
		case op == 2 && len(doc) > 1:
			doc = slices.Delete(doc, i, i+1)
		default:
			j := r.IntN(len(doc))
			doc[i], doc[j] = doc[j], doc[i]
		}
	}
	return doc
}

// checkSameChrome fails when sameChrome vouches for a pair whose
// versions lose different lines, or when onlyChrome disagrees with
// filtering the whole documents.
func checkSameChrome(t *testing.T, oldMD, newMD string) bool {
	t.Helper()
	_, oldRemoved := dropChrome(oldMD)
	_, newRemoved := dropChrome(newMD)
	same := sameChrome(oldMD, newMD)
	if same && !slices.Equal(oldRemoved, newRemoved) {
		t.Fatalf("sameChrome, but removed %q and %q\nold:\n%s\nnew:\n%s", oldRemoved, newRemoved, oldMD, newMD)
	}
	if got, want := onlyChrome(oldMD, newMD), onlyChromeWhole(oldMD, newMD); got != want {
		t.Fatalf("onlyChrome = %v, filtering whole documents %v\nold:\n%s\nnew:\n%s", got, want, oldMD, newMD)
	}
	return same && len(oldRemoved) > 0
}

func TestSameChromeAgreesWithWholeDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vouched := 0
	for range 5000 {
		old := chromeDoc(r)
		new := editChrome(r, old)
		if checkSameChrome(t, strings.Join(old, "\n"), strings.Join(new, "\n")) {
			vouched++
		}
	}
	// The check must have vouched for pairs that lose lines outside
	// their changes, not only for pairs without furniture.
	if vouched < 50 {
		t.Errorf("sameChrome vouched for %d pairs with furniture", vouched)
	}
}

func TestSameChrome(t *testing.T) {
	for _, tt := range []struct {
		name     string
		old, new string
		want     bool
	}{
		{"a sentence changed under another heading than the button's",
			"# Help\n\nCopy link\n\nHow do I pay?\nWhere is it?\nCan I stop?\n\n## Data\n\nWe keep logs.\n",
			"# Help\n\nCopy link\n\nHow do I pay?\nWhere is it?\nCan I stop?\n\n## Data\n\nWe keep logs for a year.\n", true},
		{"suggestions changed",
			"# Help\n\nCopy link\n\nHow do I pay?\nWhere is it?\nCan I stop?\n\n## Data\n\nWe keep logs.\n",
			"# Help\n\nCopy link\n\nHow do I pay?\nWhere is it now?\nCan I stop?\n\n## Data\n\nWe keep logs.\n", false},
		{"a link to another site added, changing the page's own site",
			"# A\n\n[Home](https://a.example)\n[Help](https://a.example/h)\n\n## B\n\nSee [x](https://b.example) and [y](https://b.example/y).\n",
			"# A\n\n[Home](https://a.example)\n[Help](https://a.example/h)\n\n## B\n\nSee [x](https://b.example), [y](https://b.example/y) and [z](https://b.example/z).\n", false},
		{"the button named in the changed text only",
			"# A\n\nCopy link\n\nOne?\nTwo?\nThree?\n\n## B\n\nWe sell nothing.\n",
			"# A\n\nCopy link\n\nOne?\nTwo?\nThree?\n\n## B\n\nWe sell nothing; use copy link.\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameChrome(tt.old, tt.new); got != tt.want {
				t.Errorf("sameChrome = %v, want %v", got, tt.want)
			}
			checkSameChrome(t, tt.old, tt.new)
		})
	}
}

// FuzzSameChrome draws pairs of chrome documents from the fuzzer's
// seeds.
func FuzzSameChrome(f *testing.F) {
	for i := range uint64(8) {
		f.Add(i, i*7+1)
	}
	f.Fuzz(func(t *testing.T, a, b uint64) {
		r := rand.New(rand.NewPCG(a, b))
		old := chromeDoc(r)
		checkSameChrome(t, strings.Join(old, "\n"), strings.Join(editChrome(r, old), "\n"))
	})
}
