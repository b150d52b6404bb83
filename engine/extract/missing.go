package extract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// MissingError says which selectors found nothing on a page. It wraps
// ErrSelectorMissing.
type MissingError struct {
	Selectors []Selector
	reason    string // e.g. a range's missing marker
	note      string // where the page has it after all
}

func (e *MissingError) Error() string {
	names := make([]string, len(e.Selectors))
	for i, s := range e.Selectors {
		names[i] = s.String()
	}
	msg := "extract: " + ErrSelectorMissing.Error() + ": " + strings.Join(names, ", ")
	if e.reason != "" {
		msg += " (" + e.reason + ")"
	}
	if e.note != "" {
		msg += " (" + e.note + ")"
	}
	return msg
}

func (e *MissingError) Unwrap() error { return ErrSelectorMissing }

// explainMissing adds to a missing-selector error where the page does have
// what the selector names: inside a script, style, template or similar
// element, which extraction drops before selecting. Without that, "matched
// nothing" would send the declaration's author looking for an element
// that is plainly in the page source.
func explainMissing(err error, dropped []*html.Node) error {
	var miss *MissingError
	if !errors.As(err, &miss) {
		return err
	}
	for _, s := range miss.Selectors {
		for _, css := range s.css() {
			if tag := droppedHolder(dropped, css); tag != "" {
				miss.note = fmt.Sprintf("the page has %s, but inside a <%s> element, which extraction drops as a script or non-content", css, tag)
				return miss
			}
		}
	}
	return miss
}

// css returns the CSS selectors a selector is made of.
func (s Selector) css() []string {
	if s.Range == nil {
		return []string{s.CSS}
	}
	var out []string
	for _, c := range []string{s.Range.StartBefore, s.Range.StartAfter, s.Range.EndBefore, s.Range.EndAfter} {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}

// droppedHolder returns the tag of the dropped element that is or holds a
// match of css.
func droppedHolder(dropped []*html.Node, css string) string {
	for _, n := range dropped {
		s := goquery.NewDocumentFromNode(n).Selection
		if s.Is(css) || s.Find(css).Length() > 0 {
			return n.Data
		}
	}
	return ""
}
