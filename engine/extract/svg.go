package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// keepSVGTitles replaces each inline <svg> (those walkPage found) that
// names itself with a <title> child by that name, as the text alternative
// of an image is kept: a logo drawn in SVG reads as "Open Terms Archive
// logo", as it does in Open Terms Archive's versions. Other SVG is dropped
// with the page's scripts and styles. It reports whether it replaced any.
func keepSVGTitles(svgs []*html.Node) bool {
	replaced := false
	for _, svg := range svgs {
		name := svgTitle(svg)
		if name == "" || svg.Parent == nil {
			continue
		}
		svg.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: name}, svg)
		svg.Parent.RemoveChild(svg)
		replaced = true
	}
	return replaced
}

// svgTitle is the text of an <svg>'s own <title> child, trimmed.
func svgTitle(svg *html.Node) string {
	for c := svg.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data != "title" {
			continue
		}
		var b strings.Builder
		for t := c.FirstChild; t != nil; t = t.NextSibling {
			if t.Type == html.TextNode {
				b.WriteString(t.Data)
			}
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	return ""
}
