package extract

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markdown converts a parsed HTML node and its descendants to Markdown
// (CommonMark with GFM tables and strikethrough). The output is not yet
// normalized: runs of spaces, blank lines and typography are left for
// Normalize. Text is written decoded (an "&gt;" in the page is a ">" in
// the Markdown) and Markdown syntax characters in it are escaped.
//
// The converter walks the tree once and writes into one buffer. Block
// structure (blockquotes, list items) is kept as a stack of line
// prefixes; inline delimiters are written lazily, just before the first
// content they wrap, so that empty emphasis or links vanish and spaces
// stay outside the delimiters.
func markdown(n *html.Node) string {
	buf := convertNodes([]*html.Node{n}, 0)
	if !utf8.Valid(buf) {
		return strings.ToValidUTF8(string(buf), "\uFFFD")
	}
	return string(buf)
}

// mdWriter accumulates Markdown. Pending state (line breaks, a space,
// opening delimiters) is resolved by flush when content arrives, so that
// nothing dangles at the end of a block or of the document.
type mdWriter struct {
	buf []byte

	levels []mdLevel // line prefixes of the open blockquotes and list items
	lists  []*mdList // open lists, innermost last
	cell   bool      // rendering a table cell: line breaks become <br>
	scrap  *mdWriter // reused writer for table cells
	open   []byte    // opening delimiters not written yet
	closed mdDelim   // the delimiter written last, to merge *a**b* into *ab*
	need   int       // line breaks owed before the next content: 1 newline, 2 blank line
	space  bool      // a collapsed space owed before the next content
	began  bool      // something was written
	bol    bool      // at the beginning of a line: only prefixes written so far
	link   int       // depth of open links, where "]" must be escaped
	head   int       // depth of open headings, which hold one line
	quiet  int       // depth of elements whose images are left out (noscript)
}

// mdLevel is one line prefix: "> " for a blockquote, the indentation of a
// list item, whose marker replaces the indentation on its first line.
type mdLevel struct {
	indent string
	marker string // not written yet
	begun  bool   // a line was written in it
}

// mdList numbers the items of one list.
type mdList struct {
	ordered bool
	next    int
	step    int
	items   int
}

// mdDelim remembers where a closing delimiter ended in buf.
type mdDelim struct {
	text string
	end  int
}

// node writes n and its descendants.
func (w *mdWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	switch tag := tagOf(n); tag {
	case atom.Br:
		w.lineBreak()
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Nav,
		atom.Aside, atom.Address, atom.Figure, atom.Figcaption, atom.Dl, atom.Dt, atom.Dd, atom.Form,
		atom.Fieldset, atom.Legend, atom.Details, atom.Summary, atom.Dialog, atom.Hgroup, atom.Body,
		atom.Html, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Menu,
		atom.Search:
		w.block()
		w.children(n)
		w.block()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.heading(n, int(n.Data[1]-'0'))
	case atom.Ul, atom.Ol:
		w.list(n, tag == atom.Ol)
	case atom.Li:
		w.item(n)
	case atom.Blockquote:
		w.quote(n)
	case atom.Pre:
		w.pre(n)
	case atom.Hr:
		w.block()
		w.line("* * *")
		w.block()
	case atom.Table:
		w.table(n)
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		w.wrap(n, "*", "*")
	case atom.Strong, atom.B:
		w.wrap(n, "**", "**")
	case atom.Del, atom.S, atom.Strike:
		w.wrap(n, "~~", "~~")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		w.code(n)
	case atom.A:
		w.anchor(n)
	case atom.Img:
		w.image(n)
	case atom.Noscript:
		w.quiet++
		w.children(n)
		w.quiet--
	case atom.Head, atom.Title, atom.Meta, atom.Link, atom.Style, atom.Script, atom.Template, atom.Textarea,
		atom.Input, atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio,
		atom.Video:
		// No text of the document's own.
	default:
		w.children(n)
	}
}

func (w *mdWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// tagOf returns the element's atom, also for nodes built by hand (cloned
// ranges) whose DataAtom is not set.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Namespace != "" {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

// block ends the current paragraph: the next content starts after a blank
// line (a <br> in a table cell pair). The first block of a list item stays
// on the item's marker line.
func (w *mdWriter) block() {
	if w.head > 0 {
		w.space = true
		return
	}
	if w.markerPending() {
		return
	}
	w.need = 2
}

// lineBreak is a <br>: a new line, or a blank line after another <br>.
func (w *mdWriter) lineBreak() {
	if w.head > 0 {
		w.space = true
		return
	}
	if w.need < 2 {
		w.need++
	}
}

func (w *mdWriter) markerPending() bool {
	return len(w.levels) > 0 && w.levels[len(w.levels)-1].marker != ""
}

// flush resolves the owed line breaks and space before content. With
// delims it also writes the pending opening delimiters.
func (w *mdWriter) flush(delims bool) {
	if !w.began || w.need > 0 {
		if w.began {
			w.breakLines()
		}
		w.prefix()
		w.began, w.need, w.space, w.bol = true, 0, false, true
	}
	if w.space {
		if !w.bol {
			w.buf = append(w.buf, ' ')
		}
		w.space = false
	}
	if delims && len(w.open) > 0 {
		w.buf = append(w.buf, w.open...)
		w.open = w.open[:0]
		w.bol = false
	}
}

// breakLines ends the current line and writes the owed blank line, which
// keeps the blockquote markers.
func (w *mdWriter) breakLines() {
	if w.cell {
		for range w.need {
			w.buf = append(w.buf, "<br>"...)
		}
		return
	}
	w.buf = append(w.buf, '\n')
	if w.need > 1 {
		start := len(w.buf)
		for _, l := range w.levels {
			if l.begun {
				w.buf = append(w.buf, l.indent...)
			}
		}
		for len(w.buf) > start && w.buf[len(w.buf)-1] == ' ' {
			w.buf = w.buf[:len(w.buf)-1]
		}
		w.buf = append(w.buf, '\n')
	}
}

// prefix writes the line prefixes, with the markers of list items that
// start on this line. A table cell has no indentation, only markers.
func (w *mdWriter) prefix() {
	for i := range w.levels {
		l := &w.levels[i]
		l.begun = true
		if l.marker != "" {
			w.buf = append(w.buf, l.marker...)
			l.marker = ""
		} else if !w.cell {
			w.buf = append(w.buf, l.indent...)
		}
	}
}

// line writes s as a line of its own.
func (w *mdWriter) line(s string) {
	if w.began && w.need == 0 {
		w.need = 1
	}
	w.flush(false)
	w.buf = append(w.buf, s...)
	w.bol = false
	w.need = 1
}

// text writes a text node: whitespace runs collapse to one space and
// words are escaped.
// A non-breaking space counts as a space: Normalize turns it into one
// anyway, and kept in place it would end up inside emphasis delimiters
// ("**Cookies **") or indent a line.
func (w *mdWriter) text(s string) {
	for i := 0; i < len(s); {
		if n := spaceAt(s, i); n > 0 {
			w.space = true
			i += n
			continue
		}
		if w.began && w.need == 0 && len(w.open) == 0 && !w.bol {
			// Inside a line, words that need no escaping are written
			// as they are, with their single spaces.
			if end := plainRun(s, i); end > i {
				if w.space {
					w.buf = append(w.buf, ' ')
					w.space = false
				}
				w.buf = append(w.buf, s[i:end]...)
				i = end
				continue
			}
		}
		j := i + 1
		for j < len(s) && (s[j] > ' ' && s[j] != 0xC2 || spaceAt(s, j) == 0) {
			j++
		}
		w.word(s[i:j])
		i = j
	}
}

// plainRun returns the end of the whole words from s[i] on that word
// would write unchanged, separated by single spaces; i when there is none.
func plainRun(s string, i int) int {
	end := i
	for {
		k := i
		for k < len(s) && plainWordByte[s[k]] {
			k++
		}
		switch {
		case k == i:
			return end
		case k == len(s):
			return k
		case spaceAt(s, k) == 0:
			return end // the word goes on with a character to look at
		case s[k] == ' ' && k+1 < len(s) && plainWordByte[s[k+1]]:
			end, i = k, k+1
		default:
			return k
		}
	}
}

// plainWordByte holds the bytes of the words plainRun lets through: not
// a space or control character, not the lead byte of a non-breaking
// space, not Markdown syntax.
var plainWordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c > ' ' && c != 0xC2 && !isMarkdownSyntax(byte(c))
	}
	return t
}()

// spaceAt returns the length of the HTML space or non-breaking space at
// s[i], or 0.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\n', '\t', '\r', '\f':
		return 1
	case 0xC2:
		if i+1 < len(s) && s[i+1] == 0xA0 {
			return 2
		}
	}
	return 0
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// word writes one run of non-space characters, escaping what Markdown
// would read as syntax.
func (w *mdWriter) word(s string) {
	if !w.began || w.need > 0 || len(w.open) > 0 || w.bol {
		w.flush(true)
		if w.bol && !w.cell {
			s = w.escapeLineStart(s)
		}
	} else if w.space {
		w.buf = append(w.buf, ' ')
		w.space = false
	}
	w.bol = false
	lone := len(s) == 1
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isMarkdownSyntax(c) {
			continue
		}
		switch {
		case c == '\\', c == '`', c == '[':
		case c == '*' || c == '_':
			if lone {
				// A lone "*" between spaces emphasizes nothing.
				continue
			}
		case c == ']' && w.link > 0:
		case c == '|' && w.cell:
		default:
			continue
		}
		w.buf = append(w.buf, s[start:i]...)
		w.buf = append(w.buf, '\\', c)
		start = i + 1
	}
	w.buf = append(w.buf, s[start:]...)
}

// isMarkdownSyntax reports the characters word may have to escape.
func isMarkdownSyntax(c byte) bool {
	switch c {
	case '\\', '`', '[', '*', '_', ']', '|':
		return true
	}
	return false
}

// escapeLineStart escapes a word that would start a heading, list item,
// blockquote or thematic break at the beginning of a line, writing the
// escaped head and returning the rest of the word.
func (w *mdWriter) escapeLineStart(s string) string {
	switch s[0] {
	case '#':
		if len(strings.TrimLeft(s, "#")) == 0 && len(s) <= 6 {
			w.buf = append(w.buf, '\\')
		}
	case '-', '+', '=':
		if strings.Trim(s, s[:1]) == "" {
			w.buf = append(w.buf, '\\')
		}
	case '>':
		w.buf = append(w.buf, '\\')
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == len(s)-1 && (s[i] == '.' || s[i] == ')') && i <= 9 {
			w.buf = append(w.buf, s[:i]...)
			w.buf = append(w.buf, '\\', s[i])
			return ""
		}
	}
	return s
}

// atom writes an indivisible piece of inline Markdown (code, an image).
func (w *mdWriter) atom(s string) {
	if w.cell {
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	w.flush(true)
	w.buf = append(w.buf, s...)
	w.bol = false
}

// wrap writes n's content between delimiters, or nothing when it has no
// content. Emphasis right after the same emphasis is merged with it.
func (w *mdWriter) wrap(n *html.Node, opening, closing string) {
	mark := len(w.open)
	merged := len(w.open) == 0 && !w.space && w.need == 0 && w.closed.text == opening &&
		w.closed.end == len(w.buf) && bytes.HasSuffix(w.buf, []byte(opening))
	if merged {
		w.buf = w.buf[:len(w.buf)-len(opening)]
	} else {
		w.open = append(w.open, opening...)
	}
	w.children(n)
	w.close(mark, closing)
}

// close ends an inline element opened at mark: it drops the opening
// delimiter if no content followed it, and writes closing otherwise.
func (w *mdWriter) close(mark int, closing string) bool {
	if len(w.open) > mark {
		w.open = w.open[:mark]
		return false
	}
	w.buf = append(w.buf, closing...)
	w.closed = mdDelim{text: closing, end: len(w.buf)}
	return true
}

// heading writes an ATX heading on one line.
func (w *mdWriter) heading(n *html.Node, level int) {
	if w.cell || w.head > 0 {
		w.block()
		w.children(n)
		w.block()
		return
	}
	w.block()
	mark := len(w.open)
	w.open = append(w.open, "######"[:level]...)
	w.open = append(w.open, ' ')
	w.head++
	w.children(n)
	w.head--
	if len(w.open) > mark {
		w.open = w.open[:mark]
	}
	w.space = false
	w.block()
}

// code writes inline code, its text taken as it is.
func (w *mdWriter) code(n *html.Node) {
	var b strings.Builder
	collapseText(&b, n)
	s := strings.TrimSpace(b.String())
	if s == "" {
		if b.Len() > 0 {
			w.space = true
		}
		return
	}
	if b.String()[0] == ' ' {
		w.space = true
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' {
		pad = " "
	}
	w.atom(fence + pad + s + pad + fence)
	if strings.HasSuffix(b.String(), " ") {
		w.space = true
	}
}

// collapseText writes the text under n with whitespace runs collapsed.
func collapseText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			for i := 0; i < len(c.Data); i++ {
				ch := c.Data[i]
				if isHTMLSpace(ch) {
					if b.Len() == 0 || !strings.HasSuffix(b.String(), " ") {
						b.WriteByte(' ')
					}
					continue
				}
				b.WriteByte(ch)
			}
		case html.ElementNode:
			collapseText(b, c)
		}
	}
}

// anchor writes a link. A link without a target is its text; one without
// text is left out.
func (w *mdWriter) anchor(n *html.Node) {
	href, ok := lookupAttr(n, "href")
	if !ok {
		w.children(n)
		return
	}
	mark := len(w.open)
	w.open = append(w.open, '[')
	w.link++
	w.children(n)
	w.link--
	if len(w.open) > mark {
		w.open = w.open[:mark] // no text: no link
		return
	}
	start := len(w.buf)
	w.buf = append(w.buf, "]("...)
	w.buf = append(w.buf, linkDestination(href)...)
	if title, _ := lookupAttr(n, "title"); strings.TrimSpace(title) != "" {
		w.buf = append(w.buf, ` "`...)
		w.buf = append(w.buf, strings.ReplaceAll(collapseSpace(title), `"`, `\"`)...)
		w.buf = append(w.buf, '"')
	}
	w.buf = append(w.buf, ')')
	if w.cell && bytes.IndexByte(w.buf[start:], '|') >= 0 {
		dest := strings.ReplaceAll(string(w.buf[start:]), "|", `\|`)
		w.buf = append(w.buf[:start], dest...)
	}
	// Only emphasis merges with what closed last, never a link.
	w.closed = mdDelim{end: len(w.buf)}
}

// image writes ![alt](src "title"); an image without a source, or inside
// <noscript> (a tracking pixel, mostly), is left out.
func (w *mdWriter) image(n *html.Node) {
	src, _ := lookupAttr(n, "src")
	if w.quiet > 0 || strings.TrimSpace(src) == "" {
		return
	}
	alt, _ := lookupAttr(n, "alt")
	alt = strings.NewReplacer("[", `\[`, "]", `\]`).Replace(collapseSpace(alt))
	s := "![" + alt + "](" + linkDestination(src)
	if title, _ := lookupAttr(n, "title"); strings.TrimSpace(title) != "" {
		s += ` "` + strings.ReplaceAll(collapseSpace(title), `"`, `\"`) + `"`
	}
	w.atom(s + ")")
}

// linkDestination escapes what would end a Markdown link destination.
func linkDestination(u string) string {
	u = strings.TrimSpace(u)
	if !strings.ContainsAny(u, " ()<>\n\t") {
		return u
	}
	return strings.NewReplacer(" ", "%20", "\n", "", "\t", "", "(", `\(`, ")", `\)`, "<", "%3C", ">", "%3E").Replace(u)
}

// collapseSpace trims s and collapses its whitespace runs to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lookupAttr returns the value of n's attribute key.
func lookupAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// list writes a <ul> or <ol>. Ordered lists count from their start
// attribute, downwards when reversed.
func (w *mdWriter) list(n *html.Node, ordered bool) {
	l := &mdList{ordered: ordered, next: 1, step: 1}
	if ordered {
		if _, ok := lookupAttr(n, "reversed"); ok {
			l.step = -1
			l.next = countItems(n)
		}
		if v, ok := lookupAttr(n, "start"); ok {
			if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				l.next = i
			}
		}
	}
	if w.head == 0 && !w.markerPending() {
		w.need = 2
	}
	w.lists = append(w.lists, l)
	w.children(n)
	w.lists = w.lists[:len(w.lists)-1]
	w.block()
}

// countItems counts the <li> children of a list.
func countItems(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			count++
		}
	}
	return count
}

// item writes a list item: its marker, then its content indented under
// it. Items of one list follow each other on consecutive lines.
func (w *mdWriter) item(n *html.Node) {
	marker := "- "
	var l *mdList
	if len(w.lists) > 0 {
		l = w.lists[len(w.lists)-1]
	}
	if l != nil && l.ordered {
		if v, ok := lookupAttr(n, "value"); ok {
			if i, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				l.next = i
			}
		}
		marker = strconv.Itoa(l.next) + ". "
		l.next += l.step
	}
	if w.head > 0 {
		w.space = true
		w.children(n)
		return
	}
	switch {
	case l != nil && l.items > 0:
		w.need = 1
	case w.markerPending():
	case w.need == 0:
		w.need = 1
	}
	if l != nil {
		l.items++
	}
	w.levels = append(w.levels, mdLevel{indent: spaces(len(marker)), marker: marker})
	w.children(n)
	w.levels = w.levels[:len(w.levels)-1]
	if w.need == 0 {
		w.need = 1
	}
}

// spaces returns n spaces.
func spaces(n int) string {
	const s = "            "
	if n <= len(s) {
		return s[:n]
	}
	return strings.Repeat(" ", n)
}

// quote writes a blockquote, every line prefixed with "> ".
func (w *mdWriter) quote(n *html.Node) {
	if w.cell || w.head > 0 {
		w.block()
		w.children(n)
		w.block()
		return
	}
	w.block()
	w.levels = append(w.levels, mdLevel{indent: "> "})
	w.children(n)
	w.levels = w.levels[:len(w.levels)-1]
	w.block()
}

// pre writes preformatted text as a fenced code block, its spacing kept.
// In a table cell its lines are joined with <br>. The fence names no
// language: sites name their styling in "language-" classes ("error"),
// which is not the document's text, and Open Terms Archive leaves it out.
func (w *mdWriter) pre(n *html.Node) {
	var b strings.Builder
	rawText(&b, n)
	text := strings.TrimRight(b.String(), "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	if w.cell || w.head > 0 {
		w.block()
		for i, ln := range strings.Split(text, "\n") {
			if i > 0 {
				w.lineBreak()
			}
			w.text(ln)
		}
		w.block()
		return
	}
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	w.block()
	w.line(fence)
	for _, ln := range strings.Split(text, "\n") {
		w.line(ln)
	}
	w.line(fence)
	w.block()
}

// rawText writes the text under n as it is, <br> as a line break.
func rawText(b *strings.Builder, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			b.WriteByte('\n')
		case c.Type == html.ElementNode:
			rawText(b, c)
		}
	}
}
