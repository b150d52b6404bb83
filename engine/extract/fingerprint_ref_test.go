package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// The fingerprint as it was computed before it was rendered and
// normalized in pieces: the whole rendering in one string, then Normalize,
// then the significant form in one string, then SHA-256. Page.Fingerprint
// must give the same hash for every page.

// refFingerprint is Page.Fingerprint as it was.
func refFingerprint(p *Page) string {
	text := p.text
	if p.nodes != nil {
		var b refFingerprintWriter
		for _, n := range p.nodes {
			b.node(n)
			b.block()
		}
		text = refNormalize(b.String())
	}
	sum := sha256.Sum256([]byte(diff.Significant(text)))
	return hex.EncodeToString(sum[:])
}

// refNormalize is Normalize as it was.
func refNormalize(s string) string {
	if out := refNormalizeOnePass(s); norm.NFC.IsNormalString(out) {
		return out
	}
	return normalizeComposed(s)
}

// refFingerprintWriter is fingerprintWriter as it was, rendering the
// whole page into one string; it renders nodes as Markdown-like lines: one line per
// block, list items with a marker, table cells between pipes, links and
// images in Markdown syntax, so that the line-based noise rules of
// diff.Significant see the lines the Markdown would have.
type refFingerprintWriter struct {
	strings.Builder
	// space is a pending separator from collapsed whitespace.
	space bool
	// lineStart is true when nothing was written on the current line.
	lineStart bool
	pre       int // depth of <pre> elements
}

// block ends the current line with a blank line, as between Markdown
// blocks.
func (w *refFingerprintWriter) block() {
	if w.Len() > 0 && !w.lineStart {
		w.WriteString("\n\n")
	}
	w.lineStart, w.space = true, false
}

// newline ends the current line (a <br>, a table row).
func (w *refFingerprintWriter) newline() {
	w.WriteByte('\n')
	w.lineStart, w.space = true, false
}

// text writes a text node's content; outside <pre>, runs of whitespace
// become one space, as in the rendered page.
func (w *refFingerprintWriter) text(s string) {
	if w.pre > 0 {
		w.raw(s)
		return
	}
	for i := 0; i < len(s); {
		if isHTMLSpace(s[i]) {
			w.space = true
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !isHTMLSpace(s[j]) {
			j++
		}
		w.raw(s[i:j])
		i = j
	}
}

// raw writes s after any pending space. Text that starts a line and would
// read as Markdown syntax is escaped, as the converter escapes it, so that
// a paragraph starting with "- " does not pass for a list item.
func (w *refFingerprintWriter) raw(s string) {
	if s == "" {
		return
	}
	if w.space && !w.lineStart {
		w.WriteByte(' ')
	}
	w.space = false
	if w.lineStart && isLineStartSyntax(s[0]) {
		w.WriteByte('\\')
	}
	w.lineStart = strings.HasSuffix(s, "\n")
	w.WriteString(s)
}

// mark writes Markdown syntax (a list marker, a link bracket), never
// escaped.
func (w *refFingerprintWriter) mark(s string) {
	if w.space && !w.lineStart {
		w.WriteByte(' ')
	}
	w.space, w.lineStart = false, false
	w.WriteString(s)
}

func (w *refFingerprintWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

func (w *refFingerprintWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return // comments, doctypes
	}
	switch n.DataAtom {
	case atom.Br:
		w.newline()
	case atom.A:
		w.link(n)
	case atom.Img:
		w.image(n)
	case atom.Pre:
		w.block()
		w.pre++
		w.children(n)
		w.pre--
		w.block()
	case atom.Li:
		w.block()
		w.mark(listMarker(n))
		w.children(n)
		w.block()
	case atom.Tr:
		w.block()
		w.children(n)
		w.mark("|")
		w.block()
	case atom.Td, atom.Th:
		w.mark("| ")
		w.children(n)
		w.space = true
	default:
		if isInline(n.DataAtom) {
			w.children(n)
			return
		}
		w.block()
		w.children(n)
		w.block()
	}
}

// link writes [text](href "title") as the converter does; a link without
// a target is its text, a link without text is left out.
func (w *refFingerprintWriter) link(n *html.Node) {
	href, title := attr(n, "href"), attr(n, "title")
	var inner refFingerprintWriter
	inner.pre = w.pre
	inner.children(n)
	text := strings.TrimSpace(inner.String())
	if text == "" {
		return
	}
	if href == "" {
		w.mark(text)
		return
	}
	w.mark("[" + text + "](" + href)
	if title != "" {
		w.WriteString(` "` + title + `"`)
	}
	w.WriteString(")")
}

func (w *refFingerprintWriter) image(n *html.Node) {
	src := attr(n, "src")
	if src == "" {
		return
	}
	w.mark("![" + attr(n, "alt") + "](" + src)
	if title := attr(n, "title"); title != "" {
		w.WriteString(` "` + title + `"`)
	}
	w.WriteString(")")
}

// refNormalizeOnePass is normalizeOnePass as it was, a function of the
// whole text; it is normalizeComposed without NFC, in one pass over the
// text: invalid UTF-8, typography and the ellipsis are handled rune by
// rune, and the runes go straight into the layout of their line.
func refNormalizeOnePass[T string | []byte](s T) string {
	var b strings.Builder
	b.Grow(len(s) + 1)
	var (
		indent   = 0     // width of the current line's indentation so far
		inIndent = true  // no content on the current line yet
		space    = false // a space owed before the next content
		blank    = 0     // blank lines seen since the last written line
		wrote    = false // a line was written
		afterCR  = false // the last rune kept was "\r": a "\n" now ends no line
		invalid  = false // the last byte was part of invalid UTF-8
	)
	content := func() {
		if inIndent {
			if wrote {
				b.WriteByte('\n')
				if blank > 0 {
					b.WriteByte('\n')
				}
			}
			blank, wrote, inIndent = 0, true, false
			for range indent {
				b.WriteByte(' ')
			}
		} else if space {
			b.WriteByte(' ')
		}
		space = false
	}
	for i := 0; i < len(s); {
		if isPlainASCII(s[i]) {
			// Printable ASCII, with single spaces between: written as
			// it is, by the run.
			j := i + 1
			for j < len(s) && (isPlainASCII(s[j]) || s[j] == ' ' && j+1 < len(s) && isPlainASCII(s[j+1])) {
				j++
			}
			content()
			writeRun(&b, s[i:j])
			i = j
			afterCR, invalid = false, false
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(s[i:])
			if size == 1 { // invalid: one U+FFFD for the run
				i++
				if invalid {
					continue
				}
				invalid = true
				r = utf8.RuneError
				size = 0
			}
		}
		if size > 0 {
			invalid = false
			i += size
		}
		switch r = typography(r); r {
		case -1:
			continue
		case '\n', '\r':
			if r == '\n' && afterCR {
				afterCR = false
				continue
			}
			afterCR = r == '\r'
			if inIndent {
				blank++
			}
			indent, inIndent, space = 0, true, false
			continue
		}
		afterCR = false
		switch r {
		case ' ':
			if inIndent {
				indent++
			} else {
				space = true
			}
		case '\t':
			if inIndent {
				indent += 4
			} else {
				space = true
			}
		case '\u2026':
			content()
			b.WriteString("...")
		default:
			content()
			if r < utf8.RuneSelf {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(r)
			}
		}
	}
	if wrote {
		b.WriteByte('\n')
	}
	return b.String()
}

// fingerprintSeeds are pages to start the fuzzing from: the test pages of
// the package and small pages written to reach the corners of the
// rendering (links, images, lists, tables, <pre>, characters cut by
// element boundaries, text not in NFC).
func fingerprintSeeds(tb testing.TB) []string {
	seeds := []string{
		page("", `<h2>1. Data</h2><p><strong>Last updated:</strong> March 3, 2025</p>
<p>We keep your data for <em>30 days</em>. See our <a href="/privacy" title="Privacy">policy</a>.</p>
<ol start="3"><li>Account data</li><li>Usage data</li></ol>
<table><tr><th>Kind</th><th>Retention</th></tr><tr><td>Logs</td><td>90 days</td></tr></table>
<p><img src="/chart.png" alt="Retention chart" title="Chart"></p><pre>clause 4
  clause 5</pre><ul class="nav"><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>`, ""),
		page("", "<p>Caf\u0065\u0301 \u2018quoted\u2019 \u00a0\u2026 \u200b</p><p>\xe2\x80<b>\x99</b> \xff\xfe<i>\xf0\x9f</i>\x98\x80\r\n- item</p>", ""),
		page("", "<p>1. not a list</p><p><a>no target</a><a href=\"/x\"> </a><br>#hash<br>|pipe</p>", ""),
		page("", "<div>"+strings.Repeat("<p>Word \u00e9t\u00e9 "+strings.Repeat("x", 97)+"</p>", 120)+"</div>", ""),
	}
	for _, name := range []string{"svc0004-r1.html.gz", "svc0004-r2-changed.html.gz", "svc0008-r1a.html.gz", "svc0011-r1.html.gz"} {
		seeds = append(seeds, string(fixture(tb, name)))
	}
	return seeds
}

// FuzzFingerprint checks that Page.Fingerprint, which normalizes the
// rendering in pieces and hashes the significant form as it is written,
// gives the hash of the whole-string path for every page.
func FuzzFingerprint(f *testing.F) {
	for _, s := range fingerprintSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		p, err := Prepare([]byte(body), "text/html; charset=utf-8", "https://example.com/legal/terms", Rules{})
		if err != nil {
			return
		}
		if got, want := p.Fingerprint(), refFingerprint(p); got != want {
			t.Fatalf("Fingerprint = %s, the whole-string path gives %s", got, want)
		}
	})
}

// FuzzNormalizePieces checks that text written to a normalizer in pieces,
// cut anywhere (inside characters too), normalizes as the whole text does.
func FuzzNormalizePieces(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\nb", "  x  \t y\n\n\n\tz ", "\xe2\x80\x99\xe2\x80\xff\xf0\x9f\x98", "\u2026\u00a0\u200bq\u2028", "caf\u0065\u0301"} {
		f.Add(s, uint64(1))
	}
	f.Add(string(fixture(f, "svc0008-r2.html.gz")), uint64(7))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		want := refNormalizeOnePass(s)
		if got, _ := normalizeOnePass(s); got != want {
			t.Fatalf("normalizeOnePass(%q) = %q, want %q", s, got, want)
		}
		rng := rand.New(rand.NewPCG(seed, 1))
		var n normalizer
		for rest := s; ; {
			k := 0
			if len(rest) > 0 {
				k = rng.IntN(min(len(rest), 9) + 1)
			}
			writeNormalized(&n, []byte(rest[:k]))
			if rest = rest[k:]; rest == "" {
				break
			}
		}
		if got := n.finish(); got != want {
			t.Fatalf("%q in pieces normalizes to %q, want %q", s, got, want)
		}
	})
}
