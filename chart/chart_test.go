package chart

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

// svgDoc is what the tests read back: every text node, and the accessible
// name and description.
type svgDoc struct {
	Role  string `xml:"role,attr"`
	Title string `xml:"title"`
	Desc  string `xml:"desc"`
}

// parse fails the test unless svg is well-formed XML whose root is an
// accessible <svg>, and returns the root and all its character data.
func parse(t *testing.T, svg string) (svgDoc, string) {
	t.Helper()
	var doc svgDoc
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, svg)
	}
	if doc.Role != "img" || doc.Title == "" || doc.Desc == "" {
		t.Errorf("root lacks role=img, title or desc: %+v", doc)
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
			text.WriteByte('\n')
		}
	}
	return doc, text.String()
}

func TestChartsAreAccessibleWellFormedAndEscaped(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	hostile := `Terms & "conditions" <script>alert(1)</script>`
	labels := Labels{ID: `tl"x`, Title: "Governance timeline of " + hostile, Desc: "Changes <over> time"}
	tests := []struct {
		name string
		svg  string
		want []string
	}{
		{"timeline", Timeline(labels, []Event{
			{At: day, Tone: ToneHigh, Label: "AI training added — " + hostile, Href: "/changes/1?a=1&b=2"},
			{At: day.AddDate(0, 4, 0), Tone: ToneLow, Editorial: true, Label: "Typo fixed"},
		}), []string{"Substantive", "Editorial", "AI training added — " + hostile, "Typo fixed", "Mar 2026", "Jul 2026"}},
		{"empty timeline", Timeline(labels, nil), []string{"No change recorded yet."}},
		{"one-day timeline", Timeline(labels, []Event{{At: day, Tone: ToneMedium, Label: "once"}}), []string{"1 Mar 2026", "once"}},
		{"columns", Columns(labels, []Column{
			{Label: "2 Mar", Segments: []Segment{{Name: "High", Tone: ToneHigh, Value: 2}, {Name: "Editorial", Value: 1}}},
			{Label: hostile, Segments: []Segment{{Name: "Low", Tone: ToneLow, Value: 3}}},
		}), []string{"2 Mar", hostile, "High", "Editorial", "Low", "2 Mar: 2 High", "3"}},
		{"empty columns", Columns(labels, nil), []string{"No change recorded in this period."}},
		{"bars", Bars(labels, []Bar{{Label: "Permits", Value: 4, Tone: ToneHigh, Href: "#permits"}, {Label: hostile, Value: 0}}),
			[]string{"Permits", "4", "Permits: 4", hostile + ": 0"}},
		{"matrix", Matrix(labels, []string{"Acme", hostile}, []string{"AI training", "Arbitration"}, [][]Cell{
			{{Label: "permits", Tone: ToneHigh, Href: "/platforms/acme/provisions/ai_training"}, {Label: "not stated"}},
			{{Label: "prohibits", Tone: ToneGood}},
		}), []string{"Acme", "AI training", "Arbitration", "permits", "not stated", "prohibits", "Acme · AI training: permits"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, text := parse(t, tt.svg)
			if !strings.Contains(doc.Title, "Governance timeline of "+hostile) {
				t.Errorf("title = %q", doc.Title)
			}
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("no text %q in\n%s", w, text)
				}
			}
			if strings.Contains(tt.svg, "<script>") || strings.Contains(tt.svg, `"conditions"`) {
				t.Error("input text reached the markup unescaped")
			}
			if !strings.Contains(tt.svg, `aria-labelledby="tl&#34;x-title tl&#34;x-desc"`) {
				t.Error("the svg is not labelled by its title and desc")
			}
		})
	}
}

func TestTimelineKeepsEditorialChangesApart(t *testing.T) {
	day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	svg := Timeline(Labels{ID: "t", Title: "t", Desc: "d"}, []Event{
		{At: day, Tone: ToneHigh, Label: "substantive"},
		{At: day.AddDate(0, 1, 0), Tone: ToneLow, Editorial: true, Label: "editorial"},
	})
	for _, tt := range []struct {
		label string
		y     string
	}{{"substantive", `cy="30.0"`}, {"editorial", `cy="68.0"`}} {
		i := strings.Index(svg, "<title>"+tt.label+"</title>")
		if i < 0 {
			t.Fatalf("no mark for %s", tt.label)
		}
		mark := svg[strings.LastIndex(svg[:i], "<circle"):i]
		if !strings.Contains(mark, tt.y) {
			t.Errorf("%s mark %q not on its lane (%s)", tt.label, mark, tt.y)
		}
	}
}

func TestColumnsScaleToTheTallestColumn(t *testing.T) {
	svg := Columns(Labels{ID: "c", Title: "t", Desc: "d"}, []Column{
		{Label: "a", Segments: []Segment{{Name: "High", Tone: ToneHigh, Value: 4}}},
		{Label: "b", Segments: []Segment{{Name: "High", Tone: ToneHigh, Value: 2}}},
	})
	// The plot is 152 units tall (220 - 28 - 40): 4 fills it, 2 half of it.
	for _, want := range []string{`height="152.0" fill="#b91c1c"><title>a: 4 High`, `height="76.0" fill="#b91c1c"><title>b: 2 High`} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in %s", want, svg)
		}
	}
}
