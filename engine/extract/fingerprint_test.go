package extract

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/engine/corpustest"
	"github.com/clausewatch/clausewatch/engine/diff"
)

// checkFingerprints prepares two pages with the same rules and checks
// that their fingerprints are equal exactly when same says so.
func checkFingerprints(t *testing.T, a, b []byte, rules Rules, same bool) {
	t.Helper()
	fa, fb := mustFingerprint(t, a, rules), mustFingerprint(t, b, rules)
	if (fa == fb) != same {
		t.Errorf("fingerprints equal = %v, want %v", fa == fb, same)
	}
}

func mustFingerprint(t *testing.T, body []byte, rules Rules) string {
	t.Helper()
	p, err := Prepare(body, "text/html; charset=utf-8", "https://example.com/legal/terms", rules)
	if err != nil {
		t.Fatalf("Prepare: %v", err)
	}
	return p.Fingerprint()
}

// significantOf is what the Markdown path compares: the significant form
// of the extracted text.
func significantOf(t *testing.T, body []byte, rules Rules) string {
	t.Helper()
	return diff.Significant(mustExtract(t, body, rules))
}

// TestFingerprintCorpus renders the shared corpus pairs as HTML: a pair
// whose Markdown differs only in noise (a date, whitespace) must keep its
// fingerprint, and every real change must change it, as it changes the
// significant text.
func TestFingerprintCorpus(t *testing.T) {
	for _, p := range corpustest.Pairs(t) {
		t.Run(p.Name, func(t *testing.T) {
			oldPage := []byte(markdownPage(t, filepath.Join(p.Dir, "old.md")))
			newPage := []byte(markdownPage(t, filepath.Join(p.Dir, "new.md")))
			sameText := significantOf(t, oldPage, Rules{}) == significantOf(t, newPage, Rules{})
			checkFingerprints(t, oldPage, newPage, Rules{}, sameText)
			if strings.Contains(p.Name, "noise") && !sameText {
				t.Errorf("noise pair has different significant text")
			}
		})
	}
}

// TestFingerprintChanges lists edits that the Markdown records as changes
// and that the fingerprint must see, and layout that it must not.
func TestFingerprintChanges(t *testing.T) {
	const base = `<h2>1. Data</h2>
<p><strong>Last updated:</strong> March 3, 2025</p>
<p>We keep your data for <em>30 days</em>. See our <a href="/privacy" title="Privacy">policy</a>.</p>
<ol><li>Account data</li><li>Usage data</li></ol>
<table><tr><th>Kind</th><th>Retention</th></tr><tr><td>Logs</td><td>90 days</td></tr></table>
<p><img src="/chart.png" alt="Retention chart"></p>
<pre>clause 4
clause 5</pre>
<ul class="nav"><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>`
	tests := []struct {
		name       string
		old, new   string
		changed    bool // the fingerprint changes
		sameInText bool // the significant Markdown is unchanged
	}{
		{"word", "30 days", "60 days", true, false},
		{"link target", `href="/privacy"`, `href="/privacy-2"`, true, false},
		{"link title", `title="Privacy"`, `title="Cookies"`, true, false},
		{"image source", `src="/chart.png"`, `src="/chart-2.png"`, false, true},
		{"image text", `alt="Retention chart"`, `alt="Old chart"`, true, false},
		{"table cell", "<td>90 days</td>", "<td>1 year</td>", true, false},
		{"list order", "<li>Account data</li><li>Usage data</li>", "<li>Usage data</li><li>Account data</li>", true, false},
		{"pre line", "clause 4\nclause 5", "clause 4 clause 6", true, false},
		{"last-updated date", "March 3, 2025", "April 9, 2026", false, true},
		{"emphasis", "<em>30 days</em>", "30 days", false, true},
		{"navigation order", `<li><a href="/a">A</a></li><li><a href="/b">B</a></li>`, `<li><a href="/b">B</a></li><li><a href="/a">A</a></li>`, false, true},
		{"whitespace", "We keep your data", "We\n    keep  your\tdata", false, true},
		{"heading level", "<h2>1. Data</h2>", "<h3>1. Data</h3>", false, true},
		{"wrapper", "<ol>", `<div class="x"><ol>`, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("base has no %q", tt.old)
			}
			a := []byte(page(``, base, ``))
			b := []byte(page(``, strings.Replace(base, tt.old, tt.new, 1), ``))
			rules := Rules{Select: []Selector{{CSS: "article"}}}
			if sameText := significantOf(t, a, rules) == significantOf(t, b, rules); sameText != tt.sameInText {
				t.Fatalf("significant Markdown unchanged = %v, want %v", sameText, tt.sameInText)
			}
			checkFingerprints(t, a, b, rules, !tt.changed)
		})
	}
}

// TestFingerprintText checks that PDF and text pages fingerprint their
// significant text.
func TestFingerprintText(t *testing.T) {
	fp := func(body string) string {
		p, err := Prepare([]byte(body), "text/plain", "", Rules{})
		if err != nil {
			t.Fatal(err)
		}
		return p.Fingerprint()
	}
	if fp("Last updated: May 1, 2024\n\nWe  keep data.") != fp("Last updated: June 2, 2025\nWe keep data.") {
		t.Error("noise changed the fingerprint of a text page")
	}
	if fp("We keep data.") == fp("We sell data.") {
		t.Error("a changed word kept the fingerprint of a text page")
	}
}

// markdownPage renders a Markdown file of the corpus as a plain HTML page:
// ATX headings, "- " list items and paragraphs, text kept as written
// (spaces included), so that the Markdown's noise is the page's.
func markdownPage(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><body>`)
	inList, inPara := false, false
	closeBlocks := func() {
		if inPara {
			b.WriteString("</p>\n")
		}
		if inList {
			b.WriteString("</ul>\n")
		}
		inList, inPara = false, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			closeBlocks()
		case strings.HasPrefix(trimmed, "#"):
			closeBlocks()
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			tag := "h" + string(rune('0'+min(level, 6)))
			b.WriteString("<" + tag + ">" + html.EscapeString(strings.TrimSpace(trimmed[level:])) + "</" + tag + ">\n")
		case strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* "):
			if inPara {
				closeBlocks()
			}
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>" + html.EscapeString(trimmed[2:]) + "</li>\n")
		default:
			if inList {
				closeBlocks()
			}
			if !inPara {
				b.WriteString("<p>")
				inPara = true
			}
			b.WriteString(html.EscapeString(line) + "\n")
		}
	}
	closeBlocks()
	b.WriteString(`</body></html>`)
	return b.String()
}
