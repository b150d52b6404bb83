package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// Version numbers the extraction output: raise it whenever the Markdown
// that Extract returns for the same page and rules changes (a new
// converter, a new noise rule), so that stored versions made by an older
// extractor are re-extracted from their snapshots as a technical upgrade
// instead of being compared with new output as if the page had changed.
const Version = 2

// Fingerprint returns the SHA-256 (hex) of the page's significant content.
// Two fetches with equal fingerprints have the same significant Markdown,
// so a check can stop here without converting.
//
// For HTML it is computed on the cleaned DOM, from a plain rendering that
// keeps what the Markdown keeps (text, block boundaries, list items, table
// rows, link targets and titles, image sources and alternative text) and
// passes it through the same noise rules as the stored text: Normalize,
// then diff.Significant (typography, whitespace, last-updated dates,
// copyright years, emphasis, the order of navigation lists). Links were
// already normalized by fixLinks. The rendering is never stored or shown;
// where it cannot be sure it renders more than the Markdown would, so a
// fingerprint may change on noise (the check then converts and compares
// the Markdown) but never stays equal over a real change.
func (p *Page) Fingerprint() string {
	text := p.text
	if p.nodes != nil {
		text = p.fingerprintText()
	}
	return diff.Fingerprint(text)
}

// fingerprintText is Normalize of the nodes' rendering, normalized piece
// by piece as it is rendered instead of held whole first.
func (p *Page) fingerprintText() string {
	var n normalizer
	n.b.Grow(p.markdownSize())
	w := fingerprintWriter{out: &n, buf: make([]byte, 0, fingerprintPiece)}
	p.render(&w)
	writeNormalized(&n, w.buf)
	if text := n.finish(); n.inNFC(text) {
		return text
	}
	// Not in NFC: Normalize composes the whole rendering first.
	var whole fingerprintWriter
	p.render(&whole)
	return normalizeComposed(string(whole.buf))
}

func (p *Page) render(w *fingerprintWriter) {
	for _, n := range p.nodes {
		w.node(n)
		w.block()
	}
}

// fingerprintPiece is the size of the pieces of the rendering that go to
// the normalizer.
const fingerprintPiece = 4096

// fingerprintWriter renders nodes as Markdown-like lines: one line per
// block, list items with a marker, table cells between pipes, links and
// images in Markdown syntax, so that the line-based noise rules of
// diff.Significant see the lines the Markdown would have.
type fingerprintWriter struct {
	buf []byte
	// out, when set, takes buf whenever it holds a piece.
	out *normalizer
	n   int // bytes written
	// space is a pending separator from collapsed whitespace.
	space bool
	// lineStart is true when nothing was written on the current line.
	lineStart bool
	pre       int // depth of <pre> elements
}

func (w *fingerprintWriter) writeString(s string) {
	w.n += len(s)
	w.buf = append(w.buf, s...)
	if w.out != nil && len(w.buf) >= fingerprintPiece {
		writeNormalized(w.out, w.buf)
		w.buf = w.buf[:0]
	}
}

func (w *fingerprintWriter) writeByte(c byte) {
	w.n++
	w.buf = append(w.buf, c)
}

// block ends the current line with a blank line, as between Markdown
// blocks.
func (w *fingerprintWriter) block() {
	if w.n > 0 && !w.lineStart {
		w.writeString("\n\n")
	}
	w.lineStart, w.space = true, false
}

// newline ends the current line (a <br>, a table row).
func (w *fingerprintWriter) newline() {
	w.writeByte('\n')
	w.lineStart, w.space = true, false
}

// text writes a text node's content; outside <pre>, runs of whitespace
// become one space, as in the rendered page.
func (w *fingerprintWriter) text(s string) {
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
		if w.lineStart {
			// The first word of a line may need escaping.
			for j < len(s) && !isHTMLSpace(s[j]) {
				j++
			}
			w.raw(s[i:j])
			i = j
			continue
		}
		// Inside a line, words separated by single spaces are written
		// as they are, by the run.
		for j < len(s) {
			if j+9 <= len(s) {
				if k := skipWords(s, j, false); k > j {
					j = k
					continue
				}
			}
			if c := s[j]; c == ' ' && (j+1 == len(s) || isHTMLSpace(s[j+1])) || isOtherHTMLSpace(c) {
				break
			}
			j++
		}
		if w.space {
			w.writeByte(' ')
			w.space = false
		}
		w.writeString(s[i:j])
		i = j
	}
}

// isOtherHTMLSpace reports the HTML spaces but the plain space.
func isOtherHTMLSpace(c byte) bool {
	return c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// raw writes s after any pending space. Text that starts a line and would
// read as Markdown syntax is escaped, as the converter escapes it, so that
// a paragraph starting with "- " does not pass for a list item.
func (w *fingerprintWriter) raw(s string) {
	if s == "" {
		return
	}
	if w.space && !w.lineStart {
		w.writeByte(' ')
	}
	w.space = false
	if w.lineStart && isLineStartSyntax(s[0]) {
		w.writeByte('\\')
	}
	w.lineStart = strings.HasSuffix(s, "\n")
	w.writeString(s)
}

// isLineStartSyntax reports the characters that, first on a line, could
// start a Markdown heading, quote, list, rule, table, link or fence.
func isLineStartSyntax(c byte) bool {
	switch c {
	case '#', '>', '-', '+', '*', '=', '|', '[', '!', '`', '~', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return false
}

// mark writes Markdown syntax (a list marker, a link bracket), never
// escaped.
func (w *fingerprintWriter) mark(s string) {
	if w.space && !w.lineStart {
		w.writeByte(' ')
	}
	w.space, w.lineStart = false, false
	w.writeString(s)
}

func (w *fingerprintWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

func (w *fingerprintWriter) node(n *html.Node) {
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
func (w *fingerprintWriter) link(n *html.Node) {
	href, title := attr(n, "href"), attr(n, "title")
	inner := fingerprintWriter{pre: w.pre}
	inner.children(n)
	text := strings.TrimSpace(string(inner.buf))
	if text == "" {
		return
	}
	if href == "" {
		w.mark(text)
		return
	}
	w.mark("[")
	w.writeString(text)
	w.writeString("](")
	w.writeString(href)
	w.title(title)
}

func (w *fingerprintWriter) image(n *html.Node) {
	src := attr(n, "src")
	if src == "" {
		return
	}
	w.mark("![")
	w.writeString(attr(n, "alt"))
	w.writeString("](")
	w.writeString(src)
	w.title(attr(n, "title"))
}

// title ends a link or image with its title, if any, and the closing
// parenthesis.
func (w *fingerprintWriter) title(title string) {
	if title != "" {
		w.writeString(` "`)
		w.writeString(title)
		w.writeByte('"')
	}
	w.writeByte(')')
}

// listMarker is "- " for an unordered item and "N. " for an ordered one,
// numbered from the list's start.
func listMarker(li *html.Node) string {
	list := li.Parent
	if list == nil || list.DataAtom != atom.Ol {
		return "- "
	}
	n := 1
	if v, ok := lookupAttr(list, "start"); ok {
		if start, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			n = start
		}
	}
	for c := list.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			n++
		}
	}
	return strconv.Itoa(n) + ". "
}

// isInline reports phrasing elements, which do not start a line.
func isInline(a atom.Atom) bool {
	switch a {
	case atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data, atom.Del, atom.Dfn,
		atom.Em, atom.Font, atom.I, atom.Ins, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.S, atom.Samp,
		atom.Small, atom.Span, atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt, atom.U,
		atom.Var, atom.Wbr, atom.Big, atom.Acronym, atom.Nobr, atom.Button, atom.Input, atom.Select,
		atom.Option, atom.Textarea, atom.Output, atom.Meter, atom.Progress:
		return true
	}
	return false
}
