package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/clausewatch/clausewatch/docstate"
	"github.com/clausewatch/clausewatch/engine"
	"github.com/clausewatch/clausewatch/engine/extract"
	"github.com/clausewatch/clausewatch/engine/fetch"
)

func runExtract(ctx context.Context, args []string, out, _ io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	ruleFlags := addRuleFlags(fs)
	pageURL := fs.String("url", "", "the page's address, against which a file's relative links resolve")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("usage: extract FILE|URL [--url URL] [--select CSS|RANGE]… [--remove CSS|RANGE]…")
	}
	rules, err := ruleFlags.rules()
	if err != nil {
		return err
	}
	md, err := extractInput(ctx, rest[0], *pageURL, rules)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, md)
	return err
}

// ruleFlags are the repeatable --select and --remove flags of extract and
// analyze.
type ruleFlags struct{ sel, rem stringList }

func addRuleFlags(fs *flag.FlagSet) *ruleFlags {
	f := &ruleFlags{}
	fs.Var(&f.sel, "select", "CSS selector, or range as JSON {\"startBefore\"|\"startAfter\": CSS, \"endBefore\"|\"endAfter\": CSS}, of a part to keep, for HTML inputs (repeatable)")
	fs.Var(&f.rem, "remove", "CSS selector or JSON range of a part to drop, for HTML inputs (repeatable)")
	return f
}

// rules checks the selectors and turns them into extraction rules.
func (f *ruleFlags) rules() (extract.Rules, error) {
	var r extract.Rules
	for _, s := range f.sel {
		sel, err := selectorFlag("--select", s)
		if err != nil {
			return r, err
		}
		r.Select = append(r.Select, sel)
	}
	for _, s := range f.rem {
		sel, err := selectorFlag("--remove", s)
		if err != nil {
			return r, err
		}
		r.Remove = append(r.Remove, sel)
	}
	if err := r.Validate(); err != nil {
		return r, usageError{err}
	}
	return r, nil
}

// selectorFlag reads a CSS selector, or a range written as Open Terms
// Archive's JSON range object.
func selectorFlag(flagName, v string) (extract.Selector, error) {
	if !strings.HasPrefix(strings.TrimSpace(v), "{") {
		return extract.Selector{CSS: v}, nil
	}
	dec := json.NewDecoder(strings.NewReader(v))
	dec.DisallowUnknownFields()
	var r extract.Range
	if err := dec.Decode(&r); err != nil {
		return extract.Selector{}, usagef("%s %s: a range is {\"startBefore\" or \"startAfter\": CSS, \"endBefore\" or \"endAfter\": CSS}: %v", flagName, v, err)
	}
	return extract.Selector{Range: &r}, nil
}

// extractInput reads a local file or fetches a URL, and returns the
// normalized Markdown the engine would store. pageURL is the address a
// file was saved from, for its relative links.
func extractInput(ctx context.Context, input, pageURL string, rules extract.Rules) (string, error) {
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", usagef("--url %s: want an absolute http or https URL", pageURL)
		}
	}
	if u, err := url.Parse(input); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		if pageURL != "" {
			return "", usagef("--url is for a file: a fetched page's address is the URL it was fetched from")
		}
		cfg, _, err := loadConfig()
		if err != nil {
			return "", err
		}
		eng := engine.New(fetch.New(fetch.Options{AllowPrivate: cfg.FetchAllowPrivate}))
		res, err := eng.Check(ctx, []engine.Source{{URL: input, Rules: rules}}, engine.CheckOptions{})
		if err != nil {
			return "", asInputError(err)
		}
		return res.Markdown, nil
	}
	body, err := os.ReadFile(input)
	if err != nil {
		return "", usagef("read %s: %v", input, errors.Unwrap(err))
	}
	contentType, err := contentTypeOf(input, body)
	if err != nil {
		return "", usageError{err}
	}
	md, err := extract.Extract(body, contentType, pageURL, rules)
	if err != nil {
		return "", asInputError(fmt.Errorf("%s: %w", input, err))
	}
	return md, nil
}

// asInputError makes extraction problems (selector not found, empty or
// blocked page) bad input rather than runtime failures.
func asInputError(err error) error {
	var ce *engine.CheckError
	if errors.As(err, &ce) && ce.State != docstate.Unreachable {
		return usageError{err}
	}
	if extract.State(err) != "" {
		return usageError{err}
	}
	return err
}

// contentTypeOf guesses the type of a local file from its extension and
// its first bytes: .md and .txt are text, then HTML or PDF. Anything else
// (an image, an archive, a spreadsheet) is refused: parsed as HTML it would
// give garbage, not an error.
func contentTypeOf(name string, body []byte) (string, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "text/markdown; charset=utf-8", nil
	case ".txt":
		return "text/plain; charset=utf-8", nil
	}
	if bytes.HasPrefix(body, []byte("%PDF-")) {
		return "application/pdf", nil
	}
	byName := mime.TypeByExtension(filepath.Ext(name))
	sniffed := http.DetectContentType(body)
	for _, t := range []string{byName, sniffed} {
		switch mt, _, _ := mime.ParseMediaType(t); mt {
		case "text/html", "application/xhtml+xml", "application/pdf":
			return t, nil
		}
	}
	if byName == "" && strings.HasPrefix(sniffed, "text/plain") {
		// HTML without the markers the sniffer knows, e.g. a fragment.
		return "text/html", nil
	}
	kind := byName
	if kind == "" {
		kind = sniffed
	}
	mt, _, _ := mime.ParseMediaType(kind)
	return "", fmt.Errorf("%s is %s, not an HTML, PDF, text or Markdown document", name, mt)
}
