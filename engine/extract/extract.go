// Package extract turns a fetched page into the normalized Markdown that
// Clausewatch stores as a document version: only the declared part of the
// page, without scripts, chrome or tracking, and with typography and
// whitespace normalized so that noise never changes the bytes.
//
// Declarations may name OTA filters in Rules.Filters; no filter is
// implemented yet and unknown filter names are ignored without error, so
// Open Terms Archive declarations import as they are.
package extract

import (
	"bytes"
	"fmt"
	"mime"
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
	if err := rules.Validate(); err != nil {
		return "", fmt.Errorf("extract: %w", err)
	}
	var text string
	switch mediaType(contentType) {
	case "application/pdf":
		t, err := pdfText(body)
		if err != nil {
			return "", err
		}
		text = Normalize(t)
	case "text/plain", "text/markdown", "text/x-markdown":
		if bytes.HasPrefix(body, []byte("%PDF-")) {
			return Extract(body, "application/pdf", pageURL, rules)
		}
		text = Normalize(string(toUTF8(body, contentType)))
	default:
		if bytes.HasPrefix(body, []byte("%PDF-")) {
			return Extract(body, "application/pdf", pageURL, rules)
		}
		md, err := htmlMarkdown(body, contentType, pageURL, rules)
		if err != nil {
			return "", err
		}
		text = Normalize(md)
	}
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

// htmlMarkdown parses an HTML page, applies the rules and converts the
// selected content to (not yet normalized) Markdown.
func htmlMarkdown(body []byte, contentType, pageURL string, rules Rules) (string, error) {
	root, err := html.Parse(bytes.NewReader(toUTF8(body, contentType)))
	if err != nil {
		return "", fmt.Errorf("extract: parse html: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)
	if isBlocked(doc) {
		return "", ErrBlocked
	}
	base := baseURL(doc, pageURL)
	doc.Find("script, style, noscript, template, svg, iframe, object, embed, canvas").Remove()

	for _, s := range rules.Remove {
		removeSelector(doc, s)
	}
	nodes, err := selectNodes(doc, rules.Select)
	if err != nil {
		return "", err
	}
	if !selectionHasWords(nodes) {
		// Checked on the HTML because Markdown would count image and link
		// addresses as words.
		return "", ErrEmpty
	}
	conv := newConverter()
	parts := make([]string, 0, len(nodes))
	for _, n := range nodes {
		fixLinks(goquery.NewDocumentFromNode(n).Selection, base)
		md, err := conv.ConvertNode(n)
		if err != nil {
			return "", fmt.Errorf("extract: convert to markdown: %w", err)
		}
		parts = append(parts, string(md))
	}
	return strings.Join(parts, "\n\n"), nil
}

// removeSelector deletes what s matches; matching nothing is fine.
func removeSelector(doc *goquery.Document, s Selector) {
	if s.Range == nil {
		doc.Find(s.CSS).Remove()
		return
	}
	if start, end, ok := findRange(doc, s.Range); ok {
		removeRange(doc.Nodes[0], start, end)
	}
}

// selectNodes returns the nodes the selectors keep, in selector order,
// without a node whose ancestor is also kept. No selector means the body.
// Every selector must match: a declared part gone missing means the page
// changed shape, and half a document must never pass for a new version.
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
			start, end, ok := findRange(doc, s.Range)
			if !ok {
				return nil, fmt.Errorf("extract: %w: %s", ErrSelectorMissing, s)
			}
			nodes = append(nodes, cloneRange(doc.Nodes[0], start, end))
			continue
		}
		found := doc.Find(s.CSS).Nodes
		if len(found) == 0 {
			return nil, fmt.Errorf("extract: %w: %s", ErrSelectorMissing, s)
		}
		nodes = append(nodes, found...)
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
// marker after it. ok is false when either is missing or the range is
// empty.
func findRange(doc *goquery.Document, r *Range) (start, end boundary, ok bool) {
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
		return nil, nil, false
	}
	start = boundaryOf(first[0], startAfter)
	for _, n := range doc.Find(endCSS).Nodes {
		if e := boundaryOf(n, endAfter); start.before(e) {
			return start, e, true
		}
	}
	return nil, nil, false
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
