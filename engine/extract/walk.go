package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageWalk is what the one walk over a freshly parsed page finds: the
// facts for isBlocked and baseURL, the inline <svg> elements that may
// keep their title, and the elements that hold no text of the document.
// One walk does what four did (parse <noscript>, scan the page, find SVG,
// find non-content), each of which visited every node of the page.
type pageWalk struct {
	facts pageFacts
	// svgs are the <svg> elements not inside another, in document order.
	svgs []*html.Node
	// nonContent are the script, style, template, svg, iframe, object,
	// embed and canvas elements, nested ones included, in document order.
	nonContent []*html.Node
	// fragment is the context <noscript> markup is parsed in.
	fragment *html.Node
}

// walkPage walks the page in document order. The content of a <noscript>
// outside <head> is parsed as markup first (see parseNoscript) and then
// walked as the rest of the page.
func walkPage(root *html.Node) *pageWalk {
	w := &pageWalk{fragment: &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}}
	w.walk(root, false, false)
	return w
}

// walk visits n and its descendants. noParse is set beneath <head> and
// beneath a <noscript>, whose <noscript> elements stay as they are; inSVG
// beneath an <svg>.
func (w *pageWalk) walk(n *html.Node, noParse, inSVG bool) {
	if n.Type == html.ElementNode {
		w.facts.add(n)
		switch n.Data {
		case "script", "style", "template", "svg", "iframe", "object", "embed", "canvas":
			w.nonContent = append(w.nonContent, n)
		}
		switch n.DataAtom {
		case atom.Head:
			noParse = true
		case atom.Noscript:
			if !noParse {
				parseNoscriptContent(n, w.fragment)
			}
			noParse = true
		case atom.Svg:
			if !inSVG {
				w.svgs = append(w.svgs, n)
			}
			inSVG = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, noParse, inSVG)
	}
}

// dropNonContent removes the non-content elements that are still in the
// page below root (keepSVGTitles may have replaced an <svg> and with it
// what it held) and returns them in document order, as the selector
// "script, style, template, svg, iframe, object, embed, canvas" finds them.
func (w *pageWalk) dropNonContent(root *html.Node, svgReplaced bool) []*html.Node {
	found := w.nonContent
	if svgReplaced {
		found = found[:0:0]
		for _, n := range w.nonContent {
			if isBelow(n, root) {
				found = append(found, n)
			}
		}
	}
	for _, n := range found {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	return found
}

// isBelow reports whether root is an ancestor of n.
func isBelow(n, root *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}
