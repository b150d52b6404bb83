package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// Filter is one clean-up step of a declaration, named as in Open Terms
// Archive: either a built-in filter (see BuiltinFilters) or a JavaScript
// function of the declaration's filters file, whose source Script then
// holds. Params are the filter's parameters as declared, if any.
//
// A filter without parameters or script encodes as its bare name, as
// declarations write it, so that stored rules (and their hashes) stay the
// same as before filters carried parameters.
type Filter struct {
	Name   string          `json:"name"`
	Params json.RawMessage `json:"params,omitempty"`
	// Script is the JavaScript module that defines Name (the whole
	// filters file), for filters that are not built in.
	Script string `json:"script,omitempty"`
}

// BuiltinFilters lists the filters the extractor runs itself.
func BuiltinFilters() []string { return []string{"removeQueryParams"} }

// IsBuiltin reports whether the extractor runs f itself.
func (f Filter) IsBuiltin() bool { return slices.Contains(BuiltinFilters(), f.Name) }

// MarshalJSON writes a plain filter as its name.
func (f Filter) MarshalJSON() ([]byte, error) {
	if len(f.Params) == 0 && f.Script == "" {
		return json.Marshal(f.Name)
	}
	type plain Filter
	return json.Marshal(plain(f))
}

// UnmarshalJSON reads a filter written as a name or as an object.
func (f *Filter) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '"' {
		*f = Filter{}
		return json.Unmarshal(b, &f.Name)
	}
	type plain Filter
	return json.Unmarshal(b, (*plain)(f))
}

// validate checks a built-in filter's parameters; a filter that is not
// built in must bring its script.
func (f Filter) validate() error {
	switch {
	case f.Name == "":
		return errors.New("filter without a name")
	case f.Name == "removeQueryParams":
		if _, err := queryParamNames(f.Params); err != nil {
			return fmt.Errorf("filter removeQueryParams: %w", err)
		}
	case f.Script == "":
		return fmt.Errorf("filter %q is not built in (built in: %v) and has no script", f.Name, BuiltinFilters())
	}
	return nil
}

// ScriptFilters returns the filters that need a JavaScript engine.
func (r Rules) ScriptFilters() []Filter {
	var out []Filter
	for _, f := range r.Filters {
		if !f.IsBuiltin() {
			out = append(out, f)
		}
	}
	return out
}

// runBuiltinFilters applies the built-in filters in declared order. Other
// filters must have been run on the page before it reached the extractor.
func runBuiltinFilters(doc *goquery.Document, base *url.URL, filters []Filter) {
	for _, f := range filters {
		if f.Name == "removeQueryParams" {
			names, _ := queryParamNames(f.Params) // checked by Validate
			removeQueryParams(doc, base, names)
		}
	}
}

// queryParamNames reads removeQueryParams' parameter: one name or a list.
func queryParamNames(params json.RawMessage) ([]string, error) {
	if len(params) == 0 {
		return nil, errors.New("needs the names of the query parameters to remove")
	}
	var one string
	if json.Unmarshal(params, &one) == nil {
		return []string{one}, nil
	}
	var names []string
	if err := json.Unmarshal(params, &names); err != nil {
		return nil, errors.New("want a parameter name or a list of names")
	}
	return names, nil
}

// removeQueryParams deletes the named query parameters from links and
// images, as Open Terms Archive's built-in filter of that name does; a
// link it changes becomes absolute.
func removeQueryParams(doc *goquery.Document, base *url.URL, names []string) {
	strip := func(attr string) func(int, *goquery.Selection) {
		return func(_ int, s *goquery.Selection) {
			u, err := url.Parse(s.AttrOr(attr, ""))
			if err != nil {
				return
			}
			if base != nil {
				u = base.ResolveReference(u)
			}
			if kept, changed := withoutParams(u.RawQuery, names); changed {
				u.RawQuery = kept
				s.SetAttr(attr, u.String())
			}
		}
	}
	doc.Find("a[href]").Each(strip("href"))
	doc.Find("img[src]").Each(strip("src"))
}

// withoutParams drops the named parameters from a raw query, keeping the
// others in their order and spelling; changed is false when none was there.
func withoutParams(rawQuery string, names []string) (kept string, changed bool) {
	var out []string
	for _, p := range strings.Split(rawQuery, "&") {
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil && slices.Contains(names, k) {
			changed = true
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "&"), changed
}
