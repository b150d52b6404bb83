package extract

import (
	"errors"
	"fmt"

	"github.com/andybalholm/cascadia"
)

// Validate checks that every selector parses as CSS, that every range
// has exactly one start marker and one end marker, and that every filter
// is built in (with valid parameters) or brings its script. The error names the
// offending selector so that a declaration author can find it.
func (r Rules) Validate() error {
	var errs []error
	for i, s := range r.Select {
		if err := s.validate(); err != nil {
			errs = append(errs, fmt.Errorf("select[%d]: %w", i, err))
		}
	}
	for i, s := range r.Remove {
		if err := s.validate(); err != nil {
			errs = append(errs, fmt.Errorf("remove[%d]: %w", i, err))
		}
	}
	for i, f := range r.Filters {
		if err := f.validate(); err != nil {
			errs = append(errs, fmt.Errorf("filter[%d]: %w", i, err))
		}
	}
	return errors.Join(errs...)
}

func (s Selector) validate() error {
	switch {
	case s.CSS != "" && s.Range != nil:
		return fmt.Errorf("selector %q has both css and a range", s.CSS)
	case s.Range != nil:
		return s.Range.validate()
	case s.CSS == "":
		return errors.New("empty selector")
	default:
		return validCSS(s.CSS)
	}
}

func (r *Range) validate() error {
	if (r.StartBefore == "") == (r.StartAfter == "") {
		return errors.New("range needs exactly one of startBefore and startAfter")
	}
	if (r.EndBefore == "") == (r.EndAfter == "") {
		return errors.New("range needs exactly one of endBefore and endAfter")
	}
	for _, css := range []string{r.StartBefore, r.StartAfter, r.EndBefore, r.EndAfter} {
		if css == "" {
			continue
		}
		if err := validCSS(css); err != nil {
			return fmt.Errorf("range: %w", err)
		}
	}
	return nil
}

func validCSS(css string) error {
	if _, err := cascadia.ParseGroup(css); err != nil {
		return fmt.Errorf("bad CSS selector %q: %w", css, err)
	}
	return nil
}

// String renders the selector for messages: the CSS itself, or the range
// markers.
func (s Selector) String() string {
	if s.Range == nil {
		return s.CSS
	}
	r := s.Range
	start, end := "startBefore "+r.StartBefore, "endBefore "+r.EndBefore
	if r.StartAfter != "" {
		start = "startAfter " + r.StartAfter
	}
	if r.EndAfter != "" {
		end = "endAfter " + r.EndAfter
	}
	return "range(" + start + ", " + end + ")"
}
