package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxColspan bounds the columns one cell may claim, so that a hostile
// colspan cannot blow up the output.
const maxColspan = 50

// table writes a GFM table. Every cell stays a cell, even on minified
// pages: its paragraphs, line breaks and list items are joined with <br>
// and its pipes escaped. The header is the <thead> row or a first row of
// <th> cells; without one the header row is left empty, as Open Terms
// Archive writes it. The caption follows the table.
//
// A table used for layout (role="presentation", or holding another
// table) is written as the blocks it contains.
func (w *mdWriter) table(n *html.Node) {
	if w.cell || w.head > 0 || isLayoutTable(n) {
		w.block()
		w.children(n)
		w.block()
		return
	}
	var rows [][]string
	header := false
	var caption *html.Node
	cw := w.cellWriter()
	addRow := func(tr *html.Node, inHead bool) {
		var cells []string
		allTH := true
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
				continue
			}
			allTH = allTH && c.DataAtom == atom.Th
			cells = append(cells, cw.render(c))
			for range colspan(c) - 1 {
				cells = append(cells, "")
			}
		}
		if len(cells) == 0 {
			return
		}
		if len(rows) == 0 && (inHead || allTH) {
			header = true
		}
		rows = append(rows, cells)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			addRow(c, false)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					addRow(r, c.DataAtom == atom.Thead)
				}
			}
		case atom.Caption:
			caption = c
		}
	}
	if len(rows) > 0 {
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		w.block()
		if !header {
			w.line(tableRow(nil, cols))
			w.line(tableRule(cols))
		}
		for i, r := range rows {
			w.line(tableRow(r, cols))
			if i == 0 && header {
				w.line(tableRule(cols))
			}
		}
		w.block()
	}
	if caption != nil {
		w.node(caption)
	}
}

// tableRow writes one row of cols cells, missing cells empty.
func tableRow(cells []string, cols int) string {
	var b strings.Builder
	b.WriteByte('|')
	for i := range cols {
		b.WriteByte(' ')
		if i < len(cells) {
			b.WriteString(cells[i])
		}
		b.WriteString(" |")
	}
	return b.String()
}

// tableRule is the row under the header.
func tableRule(cols int) string {
	return "|" + strings.Repeat("---|", cols)
}

// colspan reads a cell's colspan, between 1 and maxColspan.
func colspan(cell *html.Node) int {
	v, ok := lookupAttr(cell, "colspan")
	if !ok {
		return 1
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxColspan)
}

// isLayoutTable reports whether a table lays out a page rather than
// holding data: it says so with its role, or holds another table.
func isLayoutTable(n *html.Node) bool {
	if role, _ := lookupAttr(n, "role"); role == "presentation" || role == "none" {
		return true
	}
	var nested func(*html.Node) bool
	nested = func(p *html.Node) bool {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Table || nested(c) {
				return true
			}
		}
		return false
	}
	return nested(n)
}

// cellWriter returns a writer for table cells, reused across cells.
func (w *mdWriter) cellWriter() *mdWriter {
	if w.scrap == nil {
		w.scrap = &mdWriter{cell: true}
	}
	return w.scrap
}

// render returns the Markdown of a cell's content on one line.
func (w *mdWriter) render(cell *html.Node) string {
	*w = mdWriter{buf: w.buf[:0], cell: true, open: w.open[:0], levels: w.levels[:0], lists: w.lists[:0]}
	w.children(cell)
	return strings.TrimSpace(string(w.buf))
}
