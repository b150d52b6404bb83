package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseNoscript parses the content of every <noscript> outside <head> as
// markup, so that its text is kept as the page's own and selectors reach
// inside it.
//
// The page itself is parsed with scripting on, as the browser that
// rendered it did: parsed with scripting off, a <noscript><iframe …/>
// in <head> (a common tracking snippet) opens an iframe whose raw text
// swallows the rest of the page.
func parseNoscript(root *html.Node) {
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Head {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Noscript {
			found = append(found, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	context := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range found {
		raw, ok := onlyText(n)
		if !ok {
			continue // already markup
		}
		nodes, err := html.ParseFragment(strings.NewReader(raw), context)
		if err != nil {
			continue // keep it as text
		}
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		for _, c := range nodes {
			n.AppendChild(c)
		}
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
