package catalogue

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Parse reads one platform declaration; name is the file it came from and
// only serves to label errors.
//
// Parse has no filters file: a document that uses a JavaScript filter is
// left out and named in Platform.Refused, with the reason, and the rest of
// the platform is read. LoadFile reads the filters file beside the
// declaration and gives those filters their script.
//
// Parsing is strict, because a declaration that is silently half-understood
// would watch the wrong text: an unknown field, a missing or empty fetch
// URL, a CSS selector that does not compile, a malformed range or an
// unknown terms type each give a *DeclarationError naming the file and the
// field, e.g.
//
//	zoom.json: terms["Privacy Policy"].select[1]: invalid CSS "div[": …
//
// The slug defaults to Slugify(name). The older Open Terms Archive key
// "documents" is read like "terms", "jurisdictions" like "jurisdiction",
// and that project's "importedFrom" note is accepted and ignored.
func Parse(name string, data []byte) (Platform, error) {
	return parse(name, data, filtersFiles{})
}

func parse(name string, data []byte, filters filtersFiles) (Platform, error) {
	p := parser{file: name, scripts: filters, refused: new([]error)}
	if !json.Valid(data) {
		var v any
		return Platform{}, &DeclarationError{File: name, Err: syntaxError(data, json.Unmarshal(data, &v))}
	}
	members, err := objectMembers(data)
	if err != nil {
		return Platform{}, &DeclarationError{File: name, Err: err}
	}

	var (
		platform  Platform
		termsKey  string
		jurisKey  string
		hasName   bool
		hasSlug   bool
		documents []Document
	)
	for _, m := range members {
		field := childField("", m.key)
		switch m.key {
		case "name":
			platform.Name, err = p.text(field, m.value)
			hasName = true
		case "slug":
			platform.Slug, err = p.slug(field, m.value)
			hasSlug = true
		case "jurisdiction", "jurisdictions":
			if jurisKey != "" {
				return Platform{}, p.fail(field, "cannot be used with %q", jurisKey)
			}
			jurisKey = m.key
			platform.Jurisdiction, err = p.jurisdiction(field, m.value)
		case "locale":
			platform.Locale, err = p.locale(field, m.value)
		case "category":
			platform.Category, err = p.text(field, m.value)
		case "importedFrom":
			// Open Terms Archive's note of where a declaration was first
			// written; nothing here needs it.
			_, err = p.str(field, m.value)
		case "terms", "documents":
			if termsKey != "" {
				return Platform{}, p.fail(field, "cannot be used with %q", termsKey)
			}
			termsKey = m.key
			documents, err = p.documents(field, m.value)
		default:
			err = p.fail(field, "unknown field")
		}
		if err != nil {
			return Platform{}, err
		}
	}

	if !hasName {
		return Platform{}, p.fail("name", "missing")
	}
	if termsKey == "" {
		return Platform{}, p.fail("terms", "missing")
	}
	if !hasSlug {
		platform.Slug = Slugify(platform.Name)
		if platform.Slug == "" {
			return Platform{}, p.fail("name", "%q gives an empty slug; declare a slug", platform.Name)
		}
	}
	platform.Documents = documents
	platform.Refused = *p.refused
	return platform, nil
}

// parser carries the file name into every error, and collects the parts
// of the file that are refused without refusing the whole file.
type parser struct {
	file    string
	history bool // reading a history file: entries carry validUntil
	scripts filtersFiles
	refused *[]error
}

// filtersFiles are the service's JavaScript filters: NAME.filters.js and
// NAME.filters.history.js, empty when absent.
type filtersFiles struct {
	module, past string
}

// refuse records a refused part of the file.
func (p parser) refuse(err error) {
	*p.refused = append(*p.refused, err)
}

// date reads an ISO 8601 date or date-time, as validUntil is written.
func (p parser) date(field string, raw json.RawMessage) (time.Time, error) {
	s, err := p.text(field, raw)
	if err != nil {
		return time.Time{}, err
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, p.fail(field, "%q is not an ISO 8601 date such as 2024-03-18T18:30:09Z", s)
}

func (p parser) fail(field, format string, args ...any) error {
	return &DeclarationError{File: p.file, Field: field, Err: fmt.Errorf(format, args...)}
}

// childField extends a JSON path with an object key, in dotted form when
// the key reads as an identifier and in bracket form otherwise.
func childField(parent, key string) string {
	if !isIdentifier(key) {
		return parent + "[" + strconv.Quote(key) + "]"
	}
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == '$' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func indexField(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// str decodes a JSON string.
func (p parser) str(field string, raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", p.fail(field, "want a string, got %s", jsonKind(raw))
	}
	return s, nil
}

// text decodes a JSON string that must say something.
func (p parser) text(field string, raw json.RawMessage) (string, error) {
	s, err := p.str(field, raw)
	if err != nil {
		return "", err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", p.fail(field, "empty")
	}
	return s, nil
}

func (p parser) boolean(field string, raw json.RawMessage) (bool, error) {
	var b bool
	if err := json.Unmarshal(raw, &b); err != nil {
		return false, p.fail(field, "want true or false, got %s", jsonKind(raw))
	}
	return b, nil
}

// array decodes a JSON array into its raw elements.
func (p parser) array(field string, raw json.RawMessage) ([]json.RawMessage, error) {
	var items []json.RawMessage
	if jsonKind(raw) != "an array" || json.Unmarshal(raw, &items) != nil {
		return nil, p.fail(field, "want an array, got %s", jsonKind(raw))
	}
	return items, nil
}

func (p parser) slug(field string, raw json.RawMessage) (string, error) {
	s, err := p.str(field, raw)
	if err != nil {
		return "", err
	}
	if !isSlug(s) {
		return "", p.fail(field, "%q is not a slug (lower-case letters, digits and single dashes, e.g. %q)", s, Slugify(s))
	}
	return s, nil
}

// jurisdiction accepts one jurisdiction or a list of them, and joins a
// list with ", " for display.
func (p parser) jurisdiction(field string, raw json.RawMessage) (string, error) {
	if jsonKind(raw) != "an array" {
		return p.text(field, raw)
	}
	items, err := p.array(field, raw)
	if err != nil {
		return "", err
	}
	if len(items) == 0 {
		return "", p.fail(field, "empty list")
	}
	names := make([]string, len(items))
	for i, item := range items {
		if names[i], err = p.text(indexField(field, i), item); err != nil {
			return "", err
		}
	}
	return strings.Join(names, ", "), nil
}

// locale accepts a BCP 47 language tag such as "en" or "en-GB".
func (p parser) locale(field string, raw json.RawMessage) (string, error) {
	s, err := p.text(field, raw)
	if err != nil {
		return "", err
	}
	if _, err := language.Parse(s); err != nil {
		return "", p.fail(field, "%q is not a language tag: %w", s, err)
	}
	return s, nil
}
