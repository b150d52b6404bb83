package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// parseNoscriptContent parses the content of a <noscript> outside <head>
// as markup, in the context of a <div>, so that its text is kept as the
// page's own and selectors reach inside it. walkPage calls it for each.
//
// The page itself is parsed with scripting on, as the browser that
// rendered it did: parsed with scripting off, a <noscript><iframe …/>
// in <head> (a common tracking snippet) opens an iframe whose raw text
// swallows the rest of the page.
func parseNoscriptContent(n, context *html.Node) {
	raw, ok := onlyText(n)
	if !ok {
		return // already markup
	}
	nodes, err := html.ParseFragment(strings.NewReader(raw), context)
	if err != nil {
		return // keep it as text
	}
	for n.FirstChild != nil {
		n.RemoveChild(n.FirstChild)
	}
	for _, c := range nodes {
		n.AppendChild(c)
	}
}

// onlyText returns the text of n when n holds only text.
func onlyText(n *html.Node) (string, bool) {
	var raw strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return "", false
		}
		raw.WriteString(c.Data)
	}
	return raw.String(), true
}
