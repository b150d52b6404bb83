package catalogue

import (
	"encoding/json"

	"github.com/andybalholm/cascadia"
	"github.com/clausewatch/clausewatch/engine/extract"
)

// selectors reads a "select" or "remove" value: a CSS selector, a range
// object, or a non-empty list of them.
func (p parser) selectors(field string, raw json.RawMessage) ([]extract.Selector, error) {
	if jsonKind(raw) != "an array" {
		sel, err := p.selector(field, raw)
		if err != nil {
			return nil, err
		}
		return []extract.Selector{sel}, nil
	}
	items, err := p.array(field, raw)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.fail(field, "empty list")
	}
	sels := make([]extract.Selector, len(items))
	for i, item := range items {
		if sels[i], err = p.selector(indexField(field, i), item); err != nil {
			return nil, err
		}
	}
	return sels, nil
}

func (p parser) selector(field string, raw json.RawMessage) (extract.Selector, error) {
	switch jsonKind(raw) {
	case "a string":
		css, err := p.css(field, raw)
		return extract.Selector{CSS: css}, err
	case "an object":
		r, err := p.rangeSelector(field, raw)
		return extract.Selector{Range: r}, err
	default:
		return extract.Selector{}, p.fail(field, "want a CSS selector or a range object, got %s", jsonKind(raw))
	}
}

// rangeSelector reads {startBefore|startAfter, endBefore|endAfter}: exactly
// one start marker and one end marker, each a CSS selector.
func (p parser) rangeSelector(field string, raw json.RawMessage) (*extract.Range, error) {
	members, err := objectMembers(raw)
	if err != nil {
		return nil, p.fail(field, "%w", err)
	}
	var r extract.Range
	starts, ends := 0, 0
	for _, m := range members {
		f := childField(field, m.key)
		var target *string
		switch m.key {
		case "startBefore":
			target, starts = &r.StartBefore, starts+1
		case "startAfter":
			target, starts = &r.StartAfter, starts+1
		case "endBefore":
			target, ends = &r.EndBefore, ends+1
		case "endAfter":
			target, ends = &r.EndAfter, ends+1
		default:
			return nil, p.fail(f, "unknown field (a range has startBefore or startAfter, and endBefore or endAfter)")
		}
		if *target, err = p.css(f, m.value); err != nil {
			return nil, err
		}
	}
	if starts != 1 {
		return nil, p.fail(field, "a range needs exactly one of startBefore and startAfter")
	}
	if ends != 1 {
		return nil, p.fail(field, "a range needs exactly one of endBefore and endAfter")
	}
	return &r, nil
}

// css reads a CSS selector and checks that it compiles with the library
// the extractor matches with (cascadia, as goquery uses it). A selector
// that a browser reads only by closing what it leaves open at its end is
// kept closed (see closeAtEOF).
func (p parser) css(field string, raw json.RawMessage) (string, error) {
	s, err := p.text(field, raw)
	if err != nil {
		return "", err
	}
	_, err = cascadia.Compile(s)
	if err == nil {
		return s, nil
	}
	if closed := closeAtEOF(s); closed != s {
		if _, err := cascadia.Compile(closed); err == nil {
			return closed, nil
		}
	}
	return "", p.fail(field, "invalid CSS %q: %w", s, err)
}
