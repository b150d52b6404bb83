package extract

import (
	"golang.org/x/net/html"
)

// A boundary is a position in the tree, as in a DOM Range: the path of
// child indexes from the root down to a parent, then the offset between
// that parent's children.
type boundary []int

// boundaryOf returns the position just before n, or just after it.
func boundaryOf(n *html.Node, after bool) boundary {
	var path []int
	for c := n; c.Parent != nil; c = c.Parent {
		path = append(path, childIndex(c))
	}
	// path runs leaf to root; reverse it.
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	if after {
		path[len(path)-1]++
	}
	return path
}

func childIndex(n *html.Node) int {
	i := 0
	for c := n.Parent.FirstChild; c != n; c = c.NextSibling {
		i++
	}
	return i
}

// before reports whether boundary a comes strictly before b in the tree.
func (a boundary) before(b boundary) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	// One path is a prefix of the other: the shorter one is the position
	// just before the child that holds the longer one.
	return len(a) < len(b)
}

// walkRange visits the children of n that lie between boundaries start and
// end (nil means unbounded on that side). Children wholly inside go to
// whole; children that contain a boundary go to partial with the rest of
// the boundaries for their own children.
func walkRange(n *html.Node, start, end boundary, whole func(*html.Node), partial func(c *html.Node, start, end boundary)) {
	var children []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		children = append(children, c)
	}
	for i, c := range children {
		var s, e boundary
		switch {
		case start == nil:
		case i < start[0]:
			continue
		case i == start[0] && len(start) > 1:
			s = start[1:]
		}
		switch {
		case end == nil:
		case len(end) == 1 && i >= end[0], i > end[0]:
			continue
		case i == end[0]:
			e = end[1:]
		}
		if s == nil && e == nil {
			whole(c)
		} else {
			partial(c, s, e)
		}
	}
}

// cloneRange returns a detached <div> holding a copy of the content between
// start and end, with the partly covered ancestors cloned shallowly.
func cloneRange(root *html.Node, start, end boundary) *html.Node {
	out := &html.Node{Type: html.ElementNode, Data: "div"}
	var clone func(dst, n *html.Node, start, end boundary)
	clone = func(dst, n *html.Node, start, end boundary) {
		walkRange(n, start, end,
			func(c *html.Node) { dst.AppendChild(deepClone(c)) },
			func(c *html.Node, s, e boundary) {
				shallow := shallowClone(c)
				dst.AppendChild(shallow)
				clone(shallow, c, s, e)
			})
	}
	clone(out, root, start, end)
	return out
}

// removeRange deletes the content between start and end from the tree,
// keeping the partly covered ancestors.
func removeRange(root *html.Node, start, end boundary) {
	walkRange(root, start, end,
		func(c *html.Node) { c.Parent.RemoveChild(c) },
		func(c *html.Node, s, e boundary) { removeRange(c, s, e) })
}

func shallowClone(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	c.Attr = append([]html.Attribute(nil), n.Attr...)
	return c
}

func deepClone(n *html.Node) *html.Node {
	c := shallowClone(n)
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(deepClone(ch))
	}
	return c
}
