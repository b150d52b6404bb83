package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
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
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("usage: extract FILE|URL [--select CSS]… [--remove CSS]…")
	}
	rules, err := ruleFlags.rules()
	if err != nil {
		return err
	}
	md, err := extractInput(ctx, rest[0], rules)
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
	fs.Var(&f.sel, "select", "CSS selector of the part to keep, for HTML inputs (repeatable)")
	fs.Var(&f.rem, "remove", "CSS selector of a part to drop, for HTML inputs (repeatable)")
	return f
}

// rules checks the selectors and turns them into extraction rules.
func (f *ruleFlags) rules() (extract.Rules, error) {
	var r extract.Rules
	for _, s := range f.sel {
		r.Select = append(r.Select, extract.Selector{CSS: s})
	}
	for _, s := range f.rem {
		r.Remove = append(r.Remove, extract.Selector{CSS: s})
	}
	if err := r.Validate(); err != nil {
		return r, usageError{err}
	}
	return r, nil
}

// extractInput reads a local file or fetches a URL, and returns the
// normalized Markdown the engine would store.
func extractInput(ctx context.Context, input string, rules extract.Rules) (string, error) {
	if u, err := url.Parse(input); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
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
	md, err := extract.Extract(body, contentTypeOf(input, body), "", rules)
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

// contentTypeOf guesses the type of a local file from its extension,
// falling back to sniffing: .md and .txt are text, the rest HTML or PDF.
func contentTypeOf(name string, body []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "text/markdown; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	if t := mime.TypeByExtension(filepath.Ext(name)); t != "" {
		return t
	}
	if strings.HasPrefix(string(body), "%PDF-") {
		return "application/pdf"
	}
	return "text/html"
}
