package catalogue

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
)

// documents reads the "terms" object: one entry per terms type.
func (p parser) documents(field string, raw json.RawMessage) ([]Document, error) {
	members, err := objectMembers(raw)
	if err != nil {
		return nil, p.fail(field, "%w", err)
	}
	// "terms": {} is how Open Terms Archive keeps a service it no longer
	// tracks: a platform with no documents.
	docs := make([]Document, 0, len(members))
	declaredAs := make(map[string]string) // terms type → key that declared it
	for _, m := range members {
		f := field + "[" + strconv.Quote(m.key) + "]"
		termsType, ok := CanonicalType(m.key)
		if !ok {
			// Likely a type the ontology added after this list: the
			// platform's other documents are still good.
			p.refuse(p.fail(f, "unknown terms type %q (see DocumentTypes); document not imported", m.key))
			continue
		}
		if prev, dup := declaredAs[termsType]; dup {
			return nil, p.fail(f, "declares %q again (already declared as %q)", termsType, prev)
		}
		declaredAs[termsType] = m.key
		sources, err := p.sources(f, m.value)
		if err != nil {
			return nil, err
		}
		if err := p.scriptFilters(f, sources, "document not imported"); err != nil {
			p.refuse(err)
			continue
		}
		docs = append(docs, Document{Type: termsType, Sources: sources})
	}
	return docs, nil
}

// sourceSpec is one declared source before inheritance is applied: the
// has* flags tell "not declared" apart from "declared empty".
type sourceSpec struct {
	fetch      string
	hasFetch   bool
	rules      extract.Rules
	hasSelect  bool
	hasRemove  bool
	hasFilter  bool
	scripts    bool
	hasScripts bool
	combine    []sourceSpec
	hasCombine bool
	// History entries only.
	validUntil    time.Time
	hasValidUntil bool
}

// sources reads one terms entry: either a single source ("fetch") or a
// "combine" list whose entries inherit the entry's select, remove, filter
// and executeClientScripts unless they set their own.
func (p parser) sources(field string, raw json.RawMessage) ([]engine.Source, error) {
	spec, err := p.sourceSpec(field, raw, true)
	if err != nil {
		return nil, err
	}
	return p.sourcesOf(field, spec)
}

// sourcesOf resolves a read terms entry into its sources.
func (p parser) sourcesOf(field string, spec sourceSpec) ([]engine.Source, error) {
	if !spec.hasCombine {
		if !spec.hasFetch {
			return nil, p.fail(childField(field, "fetch"), "missing (declare fetch, or combine for several sources)")
		}
		return p.checked(field, []engine.Source{spec.source(sourceSpec{})})
	}
	if spec.hasFetch {
		return nil, p.fail(childField(field, "fetch"), "cannot be used with combine (give each combined source its own fetch)")
	}
	sources := make([]engine.Source, len(spec.combine))
	for i, entry := range spec.combine {
		if !entry.hasFetch {
			return nil, p.fail(childField(indexField(childField(field, "combine"), i), "fetch"), "missing")
		}
		sources[i] = entry.source(spec)
	}
	return p.checked(field, sources)
}

// checked passes each source's rules through the extractor's own
// validation as well, so that whatever the extractor would refuse at fetch
// time is refused here, at import. The checks above already give precise
// field paths for everything it checks today.
func (p parser) checked(field string, sources []engine.Source) ([]engine.Source, error) {
	for i, src := range sources {
		// JavaScript filters are judged by scriptFilters, with their own
		// message.
		rules := src.Rules
		rules.Filters = slices.DeleteFunc(slices.Clone(rules.Filters), func(f extract.Filter) bool { return !f.IsBuiltin() })
		if err := rules.Validate(); err != nil {
			f := field
			if len(sources) > 1 {
				f = indexField(childField(field, "combine"), i)
			}
			return nil, p.fail(f, "%w", err)
		}
	}
	return sources, nil
}

// source resolves s into a monitor source, taking from parent whatever s
// does not declare itself.
func (s sourceSpec) source(parent sourceSpec) engine.Source {
	src := engine.Source{URL: s.fetch, Rules: s.rules, ExecuteClientScripts: s.scripts}
	if !s.hasSelect {
		src.Rules.Select = slices.Clone(parent.rules.Select)
	}
	if !s.hasRemove {
		src.Rules.Remove = slices.Clone(parent.rules.Remove)
	}
	if !s.hasFilter {
		src.Rules.Filters = slices.Clone(parent.rules.Filters)
	}
	if !s.hasScripts {
		src.ExecuteClientScripts = parent.scripts
	}
	return src
}

func (p parser) sourceSpec(field string, raw json.RawMessage, allowCombine bool) (sourceSpec, error) {
	var spec sourceSpec
	members, err := objectMembers(raw)
	if err != nil {
		return spec, p.fail(field, "%w", err)
	}
	for _, m := range members {
		f := childField(field, m.key)
		switch {
		case m.key == "fetch":
			spec.fetch, err = p.fetchURL(f, m.value)
			spec.hasFetch = true
		case m.key == "select":
			spec.rules.Select, err = p.selectors(f, m.value)
			spec.hasSelect = true
		case m.key == "remove":
			spec.rules.Remove, err = p.selectors(f, m.value)
			spec.hasRemove = true
		case m.key == "filter":
			spec.rules.Filters, err = p.filters(f, m.value)
			spec.hasFilter = true
		case m.key == "executeClientScripts":
			spec.scripts, err = p.boolean(f, m.value)
			spec.hasScripts = true
		case m.key == "validUntil" && p.history && allowCombine:
			spec.validUntil, err = p.date(f, m.value)
			spec.hasValidUntil = true
		case m.key == "combine" && allowCombine:
			spec.combine, err = p.combine(f, m.value)
			spec.hasCombine = true
		default:
			err = p.fail(f, "unknown field")
		}
		if err != nil {
			return spec, err
		}
	}
	return spec, nil
}

func (p parser) combine(field string, raw json.RawMessage) ([]sourceSpec, error) {
	items, err := p.array(field, raw)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, p.fail(field, "empty list")
	}
	specs := make([]sourceSpec, len(items))
	for i, item := range items {
		if specs[i], err = p.sourceSpec(indexField(field, i), item, false); err != nil {
			return nil, err
		}
	}
	return specs, nil
}

// fetchURL accepts an absolute http or https URL.
func (p parser) fetchURL(field string, raw json.RawMessage) (string, error) {
	s, err := p.str(field, raw)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", p.fail(field, "empty URL")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", p.fail(field, "invalid URL: %w", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", p.fail(field, "want an absolute http or https URL, got %q", s)
	}
	return s, nil
}

// filters reads a "filter" list: names of filters, or {"name": parameters}
// for a filter with parameters.
func (p parser) filters(field string, raw json.RawMessage) ([]extract.Filter, error) {
	items, err := p.array(field, raw)
	if err != nil {
		return nil, err
	}
	filters := make([]extract.Filter, len(items))
	for i, item := range items {
		f := indexField(field, i)
		if jsonKind(item) != "an object" {
			if filters[i].Name, err = p.text(f, item); err != nil {
				return nil, err
			}
			continue
		}
		members, err := objectMembers(item)
		if err != nil {
			return nil, p.fail(f, "%w", err)
		}
		if len(members) != 1 || strings.TrimSpace(members[0].key) == "" {
			return nil, p.fail(f, "want a filter name or {\"name\": parameters}, got an object with %d keys", len(members))
		}
		filters[i] = extract.Filter{Name: members[0].key, Params: members[0].value}
	}
	return filters, nil
}

// scriptFilters gives each JavaScript filter of the sources its module,
// the service's NAME.filters.js, for the engine to run in its browser. It
// refuses (with consequence: what is left out) a filter it cannot give: no
// filters file, a function the file does not export, a file that imports
// other modules, or, in a history entry, a filter with past versions in
// NAME.filters.history.js, which is not read.
func (p parser) scriptFilters(field string, sources []engine.Source, consequence string) error {
	for _, src := range sources {
		for i, f := range src.Rules.Filters {
			if f.IsBuiltin() {
				continue
			}
			var why string
			switch module := p.scripts.module; {
			case module == "":
				why = "needs " + filtersFile(p.file) + ", which is not beside it"
			case importStatement.MatchString(module):
				why = filtersFile(p.file) + " imports other modules, which the engine cannot load"
			case !exports(module, f.Name):
				why = filtersFile(p.file) + " does not export it"
			case p.history && strings.Contains(p.scripts.past, f.Name):
				why = "it has past versions in " + strings.TrimSuffix(filtersFile(p.file), ".js") + ".history.js, which is not read"
			default:
				src.Rules.Filters[i].Script = module
				continue
			}
			return p.fail(childField(field, "filter"), "JavaScript filter %q: %s; %s", f.Name, why, consequence)
		}
	}
	return nil
}

var importStatement = regexp.MustCompile(`(?m)^\s*import[\s{*'"]`)

// exports reports whether a filters module exports a function or constant
// of that name.
func exports(module, name string) bool {
	re := regexp.MustCompile(`(?m)^\s*export\s+(?:async\s+)?(?:function\s*\*?\s*|const\s+|let\s+|var\s+)` + regexp.QuoteMeta(name) + `\b`)
	return re.MatchString(module)
}
