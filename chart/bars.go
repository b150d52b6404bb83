package chart

import (
	"fmt"
	"strconv"
)

// Segment is one part of a stacked column: how many of one kind.
type Segment struct {
	Name  string // the kind, as the legend names it: "High", "Editorial"
	Tone  Tone
	Value int
}

// Column is one stacked column, such as one week of changes.
type Column struct {
	Label    string // under the column: "9 Mar"
	Segments []Segment
}

// Column chart geometry.
const (
	colWidth, colHeight = 800, 220
	colLeft, colRight   = 40, 16
	colTop, colBottom   = 28, 40
	axisFill            = "#374151"
	ruleStroke          = "#d1d5db"
)

// Columns draws stacked columns with a legend above them, labelling at
// most about twelve columns so that the labels never overlap.
func Columns(l Labels, cols []Column) string {
	var c canvas
	c.open(l, colWidth, colHeight)
	plotW := float64(colWidth - colLeft - colRight)
	plotH := float64(colHeight - colTop - colBottom)
	base := float64(colHeight - colBottom)
	c.line(colLeft, base, colWidth-colRight, base, axisFill)
	c.legend(legendOf(cols), colLeft, 14)
	top := 0
	for _, col := range cols {
		top = max(top, total(col.Segments))
	}
	if len(cols) == 0 || top == 0 {
		c.text(colLeft+plotW/2, base-plotH/2, "middle", axisFill, "No change recorded in this period.")
		return c.close()
	}
	c.text(colLeft-6, float64(colTop)+4, "end", axisFill, strconv.Itoa(top))
	c.text(colLeft-6, base, "end", axisFill, "0")
	c.line(colLeft, colTop, colWidth-colRight, colTop, ruleStroke)
	step := plotW / float64(len(cols))
	every := (len(cols) + 11) / 12
	for i, col := range cols {
		x := colLeft + step*float64(i)
		y := base
		for _, s := range col.Segments {
			if s.Value == 0 {
				continue
			}
			h := plotH * float64(s.Value) / float64(top)
			y -= h
			c.rect(x+step*0.15, y, step*0.7, h, s.Tone.fill(), fmt.Sprintf("%s: %d %s", col.Label, s.Value, s.Name))
		}
		if i%every == 0 {
			c.text(x+step/2, base+16, "middle", axisFill, col.Label)
		}
	}
	return c.close()
}

// Bar is one row of a bar chart.
type Bar struct {
	Label string
	Value int
	Tone  Tone
	Href  string
}

// Bar chart geometry.
const (
	barWidth          = 800
	barLabelWidth     = 200
	barRowHeight      = 28
	barThickness      = 18
	barCountWidth     = 48
	barTop, barBottom = 8, 8
	barLabelRunes     = 30
)

// Bars draws one horizontal bar per row, scaled to the largest value, with
// the label on the left and the count on the right.
func Bars(l Labels, bars []Bar) string {
	var c canvas
	height := barTop + barBottom + barRowHeight*max(len(bars), 1)
	c.open(l, barWidth, height)
	top := 0
	for _, b := range bars {
		top = max(top, b.Value)
	}
	plotW := float64(barWidth - barLabelWidth - barCountWidth)
	for i, b := range bars {
		y := float64(barTop + barRowHeight*i)
		c.link(b.Href, func() {
			c.text(barLabelWidth-8, y+barThickness-4, "end", axisFill, truncate(b.Label, barLabelRunes))
		})
		w := 0.0
		if top > 0 {
			w = plotW * float64(b.Value) / float64(top)
		}
		c.rect(barLabelWidth, y, max(w, 1), barThickness, b.Tone.fill(), fmt.Sprintf("%s: %d", b.Label, b.Value))
		c.text(barLabelWidth+w+6, y+barThickness-4, "start", axisFill, strconv.Itoa(b.Value))
	}
	return c.close()
}

// legend writes one swatch per kind, left to right.
func (c *canvas) legend(items []Segment, x, y float64) {
	for _, it := range items {
		c.rect(x, y-9, 10, 10, it.Tone.fill(), it.Name)
		c.text(x+14, y, "start", axisFill, it.Name)
		x += 14 + 7*float64(len([]rune(it.Name))) + 18
	}
}

// legendOf lists the kinds of segment the columns use, in first-seen
// order.
func legendOf(cols []Column) []Segment {
	var out []Segment
	seen := map[string]bool{}
	for _, col := range cols {
		for _, s := range col.Segments {
			if !seen[s.Name] {
				seen[s.Name] = true
				out = append(out, Segment{Name: s.Name, Tone: s.Tone})
			}
		}
	}
	return out
}

func total(ss []Segment) int {
	n := 0
	for _, s := range ss {
		n += s.Value
	}
	return n
}
