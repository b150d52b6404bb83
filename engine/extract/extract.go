// Package extract turns a fetched page into the normalized Markdown that
// Clausewatch stores as a document version: only the declared part of the
// page, without scripts, chrome or tracking, and with typography and
// whitespace normalized so that noise never changes the bytes.
//
// Rules.Filters may name Open Terms Archive's built-in filters, which run
// here; JavaScript filters must have run on the page before (see
// Rules.ScriptFilters), and Extract refuses rules that still hold one.
package extract

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"slices"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Extract returns the normalized Markdown of the document in body. The
// content type picks the reader: PDF (also recognised by its "%PDF-"
// magic) becomes plain text, text/plain and text/markdown are only
// normalized, everything else is parsed as HTML, cut with rules and
// converted to Markdown. pageURL makes links absolute. Rules apply to HTML
// only.
//
// The errors ErrSelectorMissing, ErrEmpty and ErrBlocked (wrapped) say why
// a page holds no document; State maps them to document states.
func Extract(body []byte, contentType, pageURL string, rules Rules) (string, error) {
	p, err := Prepare(body, contentType, pageURL, rules)
	if err != nil {
		return "", err
	}
	return p.Markdown()
}

// Page is a document read and cut by its rules but not yet converted:
// its Fingerprint is cheap, its Markdown is not, and a check that finds
// the fingerprint unchanged never converts.
type Page struct {
	nodes []*html.Node // the selected, cleaned HTML; nil for text
	// textSize is the length of the text in nodes, which sizes the
	// buffers of the conversions.
	textSize int
	text     string // the normalized text of a PDF or text file
}

// Prepare reads body as Extract does, up to the Markdown conversion: an
// HTML page is parsed once, cut with the rules, cleaned and its links made
// absolute; a PDF or text file is read and normalized. It returns the same
// errors as Extract.
func Prepare(body []byte, contentType, pageURL string, rules Rules) (*Page, error) {
	if err := rules.Validate(); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	if scripts := rules.ScriptFilters(); len(scripts) > 0 {
		return nil, fmt.Errorf("extract: %w: %s", ErrScriptFilter, scripts[0].Name)
	}
	isPDF := bytes.HasPrefix(body, []byte("%PDF-"))
	var text string
	switch mt := mediaType(contentType); {
	case mt == "application/pdf" || isPDF:
		t, err := pdfText(body)
		if err != nil {
			return nil, err
		}
		text = Normalize(t)
	case mt == "text/plain" || mt == "text/markdown" || mt == "text/x-markdown":
		text = Normalize(string(toUTF8(body, contentType)))
	default:
		nodes, textSize, err := htmlNodes(body, contentType, pageURL, rules)
		if err != nil {
			return nil, err
		}
		return &Page{nodes: nodes, textSize: textSize}, nil
	}
	if !hasWords(text) {
		return nil, ErrEmpty
	}
	return &Page{text: text}, nil
}

// Markdown converts the page to the normalized Markdown that is stored.
func (p *Page) Markdown() (string, error) {
	if p.nodes == nil {
		return p.text, nil
	}
	text := normalize(convertNodes(p.nodes, p.markdownSize()))
	if !hasWords(text) {
		return "", ErrEmpty
	}
	return text, nil
}

// mediaType returns the lower-case media type of a Content-Type value, or
// "" when it is missing or unparsable.
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return mt
}

// htmlNodes parses an HTML page, applies the rules and returns the
// selected nodes, cleaned and with their links made absolute, and the
// length of their text.
func htmlNodes(body []byte, contentType, pageURL string, rules Rules) ([]*html.Node, int, error) {
	page := toUTF8(body, contentType)
	var r io.Reader = bytes.NewReader(page)
	if !rules.readsText() {
		r = &skipReader{b: page, skip: skipRawText(page)}
	}
	root, err := html.Parse(r)
	if err != nil {
		return nil, 0, fmt.Errorf("extract: parse html: %w", err)
	}
	walk := walkPage(root)
	doc := goquery.NewDocumentFromNode(root)
	if isBlocked(doc, walk.facts) {
		return nil, 0, ErrBlocked
	}
	base := baseURL(walk.facts, pageURL)
	dropped := walk.dropNonContent(root, keepSVGTitles(walk.svgs))

	runBuiltinFilters(doc, base, rules.Filters)
	if err := removeSelectors(doc, rules.Remove); err != nil {
		return nil, 0, err
	}
	nodes, err := selectNodes(doc, rules.Select)
	if err != nil {
		return nil, 0, explainMissing(err, dropped)
	}
	for _, n := range nodes {
		removeConsentBanners(n)
	}
	if !selectionHasWords(nodes) {
		// Checked on the HTML because Markdown would count image and link
		// addresses as words.
		return nil, 0, ErrEmpty
	}
	size := 0
	for _, n := range nodes {
		size += fixLinks(n, base)
	}
	return nodes, size, nil
}

// convertNodes converts the selected nodes to (not yet normalized)
// Markdown, a blank line between two, in one buffer of the given size.
// Invalid UTF-8 is left for Normalize to replace.
func convertNodes(nodes []*html.Node, size int) []byte {
	w := &mdWriter{buf: make([]byte, 0, size)}
	for i, n := range nodes {
		if i > 0 {
			w.buf = append(w.buf, "\n\n"...)
		}
		*w = mdWriter{buf: w.buf, scrap: w.scrap}
		w.node(n)
	}
	return w.buf
}

// markdownSize guesses the length of the page's Markdown: its text and an
// eighth more for syntax and link targets.
func (p *Page) markdownSize() int {
	return p.textSize + p.textSize/8 + 64
}

// removeSelectors deletes what the selectors match; a CSS selector that
// matches nothing is fine, but a range whose markers are missing is an
// error, as in Open Terms Archive: the page changed shape and what it
// should hide may be showing. Ranges are located first and deleted before
// the CSS matches, so that removing an element cannot take a range's
// marker away.
func removeSelectors(doc *goquery.Document, selectors []Selector) error {
	type span struct{ start, end boundary }
	var spans []span
	for _, s := range selectors {
		if s.Range == nil {
			continue
		}
		start, end, err := findRange(doc, s.Range)
		if err != nil {
			return fmt.Errorf("extract: %w: remove %s (%v)", ErrSelectorMissing, s, err)
		}
		spans = append(spans, span{start, end})
	}
	// Later ranges first, so that deleting one does not shift the
	// positions of those before it.
	slices.SortFunc(spans, func(a, b span) int {
		switch {
		case b.start.before(a.start):
			return -1
		case a.start.before(b.start):
			return 1
		}
		return 0
	})
	for _, sp := range spans {
		removeRange(doc.Nodes[0], sp.start, sp.end)
	}
	for _, s := range selectors {
		if s.Range == nil {
			doc.Find(s.CSS).Remove()
		}
	}
	return nil
}

// selectNodes returns the nodes the selectors keep, in selector order,
// without a node whose ancestor is also kept. No selector means the body.
// As in Open Terms Archive, a list keeps whatever any of its CSS selectors
// matches, and only a list of which nothing matches is an error; a range
// whose markers are missing is an error wherever it stands.
func selectNodes(doc *goquery.Document, selectors []Selector) ([]*html.Node, error) {
	if len(selectors) == 0 {
		body := doc.Find("body").Nodes
		if len(body) == 0 {
			return doc.Nodes, nil
		}
		return body[:1], nil
	}
	var nodes []*html.Node
	for _, s := range selectors {
		if s.Range != nil {
			start, end, err := findRange(doc, s.Range)
			if err != nil {
				return nil, &MissingError{Selectors: []Selector{s}, reason: err.Error()}
			}
			nodes = append(nodes, cloneRange(doc.Nodes[0], start, end))
			continue
		}
		nodes = append(nodes, doc.Find(s.CSS).Nodes...)
	}
	if len(nodes) == 0 {
		return nil, &MissingError{Selectors: selectors}
	}
	return outermost(nodes), nil
}

// outermost drops duplicates and nodes nested in another kept node.
func outermost(nodes []*html.Node) []*html.Node {
	if len(nodes) < 2 {
		return nodes
	}
	kept := make(map[*html.Node]bool, len(nodes))
	for _, n := range nodes {
		kept[n] = true
	}
	out := nodes[:0]
	seen := make(map[*html.Node]bool, len(nodes))
	for _, n := range nodes {
		if seen[n] {
			continue
		}
		seen[n] = true
		nested := false
		for p := n.Parent; p != nil; p = p.Parent {
			if kept[p] {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, n)
		}
	}
	return out
}

// findRange locates a range: the first start marker, then the first end
// marker after it. The error says which marker is missing, or that the
// end comes before the start.
func findRange(doc *goquery.Document, r *Range) (start, end boundary, err error) {
	startCSS, startAfter := r.StartBefore, false
	if r.StartAfter != "" {
		startCSS, startAfter = r.StartAfter, true
	}
	endCSS, endAfter := r.EndBefore, false
	if r.EndAfter != "" {
		endCSS, endAfter = r.EndAfter, true
	}
	first := doc.Find(startCSS).Nodes
	if len(first) == 0 {
		return nil, nil, fmt.Errorf("start marker %s not found", startCSS)
	}
	ends := doc.Find(endCSS).Nodes
	if len(ends) == 0 {
		return nil, nil, fmt.Errorf("end marker %s not found", endCSS)
	}
	start = boundaryOf(first[0], startAfter)
	for _, n := range ends {
		if e := boundaryOf(n, endAfter); start.before(e) {
			return start, e, nil
		}
	}
	return nil, nil, fmt.Errorf("no end marker %s after the start marker %s", endCSS, startCSS)
}

// hasWords reports whether text holds any letter or digit.
func hasWords(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) >= 0
}

// selectionHasWords reports whether the nodes hold any letter or digit in
// their text, stopping at the first.
func selectionHasWords(nodes []*html.Node) bool {
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			return hasWords(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, n := range nodes {
		if walk(n) {
			return true
		}
	}
	return false
}
