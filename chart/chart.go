// Package chart draws the site's small pictures as server-rendered SVG:
// a governance timeline, changes per week, a stance matrix and the spread
// of stances across the catalogue. Every chart is an accessible image
// (role="img" with a <title> and a <desc>) that needs no script; pages put
// a table of the same figures next to it for readers who cannot see it.
//
// The functions return markup in which every text taken from their input
// is escaped, so the web app may embed it as is.
package chart

import (
	"fmt"
	"html"
	"strings"
)

// Tone is the colour family of a mark: a severity, or how permissive a
// stance is. The zero Tone is neutral.
type Tone string

// Tones, from the most to the least alarming.
const (
	ToneHigh    Tone = "high"
	ToneMedium  Tone = "medium"
	ToneLow     Tone = "low"
	ToneGood    Tone = "good"
	ToneNeutral Tone = ""
)

// fill is the colour of a tone; they match the severity colours of the
// site's stylesheet.
func (t Tone) fill() string {
	switch t {
	case ToneHigh:
		return "#b91c1c"
	case ToneMedium:
		return "#d97706"
	case ToneLow:
		return "#6b7280"
	case ToneGood:
		return "#047857"
	}
	return "#cbd5e1"
}

// Labels name a chart for assistive technology: Title is read first,
// Desc summarizes what the picture shows. ID must be unique in the page;
// the <title> and <desc> elements take it as their prefix.
type Labels struct {
	ID, Title, Desc string
}

// canvas writes one SVG document.
type canvas struct {
	b strings.Builder
}

// esc escapes text for XML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// open starts the <svg> element with its accessible name and description.
func (c *canvas) open(l Labels, width, height int) {
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet" aria-labelledby="%s-title %s-desc" font-family="system-ui, sans-serif" font-size="12">`,
		width, height, esc(l.ID), esc(l.ID))
	fmt.Fprintf(&c.b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(l.ID), esc(l.Title), esc(l.ID), esc(l.Desc))
}

func (c *canvas) close() string {
	c.b.WriteString(`</svg>`)
	return c.b.String()
}

// text writes a label; anchor is start, middle or end.
func (c *canvas) text(x, y float64, anchor, fill, s string) {
	fmt.Fprintf(&c.b, `<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s">%s</text>`, x, y, anchor, fill, esc(s))
}

// rect writes a filled rectangle with a tooltip.
func (c *canvas) rect(x, y, w, h float64, fill, tip string) {
	fmt.Fprintf(&c.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`, x, y, w, h, fill, esc(tip))
}

// line writes a thin rule.
func (c *canvas) line(x1, y1, x2, y2 float64, stroke string) {
	fmt.Fprintf(&c.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`, x1, y1, x2, y2, stroke)
}

// link wraps what draw writes in a link when href is set.
func (c *canvas) link(href string, draw func()) {
	if href == "" {
		draw()
		return
	}
	fmt.Fprintf(&c.b, `<a href="%s">`, esc(href))
	draw()
	c.b.WriteString(`</a>`)
}

// truncate shortens a label to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// circle writes a mark with a tooltip.
func (c *canvas) circle(cx, cy, r float64, fill, stroke, tip string) {
	fmt.Fprintf(&c.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="%s" stroke-width="1.5" fill-opacity="0.85"><title>%s</title></circle>`, cx, cy, r, fill, stroke, esc(tip))
}

// textTip writes a label that may be shortened, with the whole text as
// its tooltip.
func (c *canvas) textTip(x, y float64, anchor, fill, s, tip string) {
	fmt.Fprintf(&c.b, `<text x="%.1f" y="%.1f" text-anchor="%s" fill="%s"><title>%s</title>%s</text>`, x, y, anchor, fill, esc(tip), esc(s))
}
