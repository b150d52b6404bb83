package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	cdpfetch "github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// ScriptFilter is one JavaScript filter of an Open Terms Archive
// declaration: the function Name exported by the module Script, called as
// Name(document, Params), or Name(document, {fetch: URL}) without Params.
type ScriptFilter struct {
	Name   string
	Script string
	Params json.RawMessage
}

// FilterRunner applies JavaScript filters to a page already fetched.
type FilterRunner interface {
	RunFilters(ctx context.Context, pageURL, contentType string, body []byte, filters []ScriptFilter) ([]byte, error)
}

// RunFilters loads body as the page at pageURL in headless Chromium, with
// the page's own scripts blocked and no network (the page comes from body,
// every other request fails), runs the filters on its DOM in order, as Open
// Terms Archive runs them on its snapshot, and returns the resulting HTML.
func (b *ChromeBrowser) RunFilters(ctx context.Context, pageURL, contentType string, body []byte, filters []ScriptFilter) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("filter %s: %w", pageURL, ErrNoBrowser)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, b.allocatorOptions()...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	// Every request pauses: the page's own is answered with body, the rest
	// fail. The iterator's goroutine answers, as Listen's callback may not
	// send commands.
	paused := chromedp.Events(tabCtx, cdpfetch.RequestPaused)
	if _, err := chromedp.Call(tabCtx, cdpfetch.Enable, cdpfetch.EnableParams{}); err != nil {
		return nil, fmt.Errorf("filter %s: intercept requests: %w", pageURL, err)
	}
	go func() {
		served := false
		for ev, err := range paused {
			if err != nil {
				return
			}
			if ev.ResourceType == network.ResourceTypeDocument && !served {
				served = true
				_, _ = chromedp.Call(tabCtx, cdpfetch.FulfillRequest, cdpfetch.FulfillRequestParams{
					RequestID: ev.RequestID, ResponseCode: 200, Body: body,
					ResponseHeaders: []*cdpfetch.HeaderEntry{
						{Name: "Content-Type", Value: contentType},
						// Only the filters run: Runtime.evaluate is not
						// subject to the page's policy.
						{Name: "Content-Security-Policy", Value: "script-src 'none'"},
					},
				})
				continue
			}
			_, _ = chromedp.Call(tabCtx, cdpfetch.FailRequest, cdpfetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
		}
	}()
	if err := chromedp.Do(tabCtx, chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("filter %s: load page: %w", pageURL, err)
	}
	for _, f := range filters {
		call, err := filterCall(f, pageURL)
		if err != nil {
			return nil, fmt.Errorf("filter %s: %s: %w", pageURL, f.Name, err)
		}
		if _, err := chromedp.Run(tabCtx, chromedp.Evaluate[bool](call, chromedp.EvalAwaitPromise)); err != nil {
			return nil, fmt.Errorf("filter %s: %s failed: %w", pageURL, f.Name, err)
		}
	}
	html, err := chromedp.Run(tabCtx, chromedp.OuterHTML("html"))
	if err != nil {
		return nil, fmt.Errorf("filter %s: read DOM: %w", pageURL, err)
	}
	return []byte(html), nil
}

var (
	exportKeyword = regexp.MustCompile(`(?m)^(\s*)export\s+(default\s+)?`)
	importLine    = regexp.MustCompile(`(?m)^\s*import\s`)
)

// filterCall turns a filters module and one of its functions into a
// script that defines the module's functions, calls that one and resolves
// to true.
func filterCall(f ScriptFilter, pageURL string) (string, error) {
	if importLine.MatchString(f.Script) {
		return "", errors.New("filters module imports other modules, which cannot be loaded here")
	}
	params := string(f.Params)
	if params == "" {
		decl, _ := json.Marshal(map[string]string{"fetch": pageURL})
		params = string(decl)
	}
	name, _ := json.Marshal(f.Name)
	code := exportKeyword.ReplaceAllString(f.Script, "$1")
	return "(async () => {\n" + code + "\n;const __filter = eval(" + string(name) + ");\n" +
		"if (typeof __filter !== 'function') throw new Error('no function ' + " + string(name) + ");\n" +
		"await __filter(document, " + params + ");\nreturn true;\n})()", nil
}

// FilterRunner returns the configured browser when it can run JavaScript
// filters, or nil.
func (f *Fetcher) FilterRunner() FilterRunner {
	r, _ := f.opts.Browser.(FilterRunner)
	return r
}
