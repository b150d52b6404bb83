package chart

import (
	"time"
)

// Event is one change on a timeline.
type Event struct {
	At        time.Time
	Tone      Tone   // its severity
	Editorial bool   // drawn on the lane of editorial changes
	Label     string // the tooltip: date, document and summary
	Href      string // the change's page, or empty
}

// Timeline geometry: lanes of substantive and editorial changes above a
// date axis.
const (
	tlWidth, tlHeight = 800, 118
	tlLeft, tlRight   = 96, 16
	tlSubstantiveY    = 30
	tlEditorialY      = 68
	tlAxisY           = 92
	tlRadiusMin       = 5
	tlTicks           = 4
)

// Timeline draws events over time: substantive changes on the upper lane,
// coloured by severity (the higher, the larger), editorial ones as hollow
// marks on the lower lane. Each mark links to its change.
func Timeline(l Labels, events []Event) string {
	var c canvas
	c.open(l, tlWidth, tlHeight)
	c.text(tlLeft-8, tlSubstantiveY+4, "end", axisFill, "Substantive")
	c.text(tlLeft-8, tlEditorialY+4, "end", axisFill, "Editorial")
	c.line(tlLeft, tlSubstantiveY, tlWidth-tlRight, tlSubstantiveY, ruleStroke)
	c.line(tlLeft, tlEditorialY, tlWidth-tlRight, tlEditorialY, ruleStroke)
	c.line(tlLeft, tlAxisY, tlWidth-tlRight, tlAxisY, axisFill)
	if len(events) == 0 {
		c.text((tlLeft+tlWidth-tlRight)/2, tlAxisY+18, "middle", axisFill, "No change recorded yet.")
		return c.close()
	}
	from, to := events[0].At, events[0].At
	for _, e := range events {
		if e.At.Before(from) {
			from = e.At
		}
		if e.At.After(to) {
			to = e.At
		}
	}
	x := timeScale(from, to)
	for _, e := range events {
		cx := x(e.At)
		c.link(e.Href, func() {
			if e.Editorial {
				c.circle(cx, tlEditorialY, tlRadiusMin, "#ffffff", "#6b7280", e.Label)
				return
			}
			c.circle(cx, tlSubstantiveY, radius(e.Tone), e.Tone.fill(), "#ffffff", e.Label)
		})
	}
	c.axis(from, to, x)
	return c.close()
}

// timeScale maps times between from and to onto the plot's width; a
// single instant sits in the middle.
func timeScale(from, to time.Time) func(time.Time) float64 {
	left, right := float64(tlLeft+10), float64(tlWidth-tlRight-10)
	span := to.Sub(from)
	return func(t time.Time) float64 {
		if span <= 0 {
			return (left + right) / 2
		}
		return left + (right-left)*float64(t.Sub(from))/float64(span)
	}
}

// axis labels the date axis: the first and last dates and evenly spaced
// ones between when the span is long enough to tell them apart.
func (c *canvas) axis(from, to time.Time, x func(time.Time) float64) {
	y := float64(tlAxisY + 16)
	if !to.After(from) {
		c.text(x(from), y, "middle", axisFill, from.UTC().Format("2 Jan 2006"))
		return
	}
	layout := "Jan 2006"
	if to.Sub(from) < 62*24*time.Hour {
		layout = "2 Jan 2006"
	}
	for i := 0; i <= tlTicks; i++ {
		t := from.Add(time.Duration(float64(to.Sub(from)) * float64(i) / tlTicks))
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case tlTicks:
			anchor = "end"
		}
		c.line(x(t), tlAxisY, x(t), tlAxisY+4, axisFill)
		c.text(x(t), y, anchor, axisFill, t.UTC().Format(layout))
	}
}

// radius grows with severity so that the marks differ by more than
// colour.
func radius(t Tone) float64 {
	switch t {
	case ToneHigh:
		return tlRadiusMin + 3
	case ToneMedium:
		return tlRadiusMin + 1.5
	}
	return tlRadiusMin
}
