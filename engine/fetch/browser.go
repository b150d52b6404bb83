package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"

	"github.com/chromedp/chromedp"
	"github.com/clausewatch/clausewatch/docstate"
)

// Browser renders a page with its client-side scripts run and returns the
// resulting HTML.
type Browser interface {
	Render(ctx context.Context, url string) ([]byte, error)
}

// ChromeBrowser renders pages in headless Chromium through chromedp. Each
// Render starts a fresh browser and stops it afterwards: rendering is rare
// (only declarations with executeClientScripts) and no state leaks between
// documents.
//
// Only the first URL passes the SSRF policy; what Chromium then loads
// (redirects, sub-resources) does not go through the Fetcher's dialer.
type ChromeBrowser struct {
	execPath  string
	userAgent string
}

// chromeNames are the executables looked up in PATH when no path is given.
func chromeNames() []string {
	return []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}
}

// NewChromeBrowser returns a browser using the Chromium at execPath, or the
// first Chromium or Chrome found in PATH when execPath is empty. When none
// is found it returns an *Error in the needs_browser state; a Fetcher
// without a browser reports the same state for pages that need one.
func NewChromeBrowser(execPath string) (*ChromeBrowser, error) {
	candidates := chromeNames()
	if execPath != "" {
		candidates = []string{execPath}
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return &ChromeBrowser{execPath: p, userAgent: DefaultUserAgent}, nil
		}
	}
	return nil, &Error{
		State:     docstate.NeedsBrowser,
		Err:       fmt.Errorf("%w: no Chromium executable found (tried %v)", ErrNoBrowser, candidates),
		Permanent: true,
	}
}

// Render loads url in headless Chromium, waits for the load event and
// returns the document's outer HTML.
func (b *ChromeBrowser) Render(ctx context.Context, url string) ([]byte, error) {
	if b == nil {
		return nil, fmt.Errorf("render %s: %w", url, ErrNoBrowser)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, b.allocatorOptions()...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	if err := chromedp.Do(tabCtx, chromedp.Navigate(url)); err != nil {
		var execErr *exec.Error
		if errors.As(err, &execErr) {
			return nil, fmt.Errorf("render %s: %w: %w", url, ErrNoBrowser, err)
		}
		return nil, fmt.Errorf("render %s: %w", url, err)
	}
	html, err := chromedp.Run(tabCtx, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		return nil, fmt.Errorf("render %s: read DOM: %w", url, err)
	}
	return []byte(html), nil
}

func (b *ChromeBrowser) allocatorOptions() []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(b.execPath),
		chromedp.UserAgent(b.userAgent),
		chromedp.NoSandbox, // the sandbox cannot start as root in containers
		chromedp.Flag("no-proxy-server", true),
	)
}

// render fetches u through the configured browser.
func (f *Fetcher) render(ctx context.Context, u *url.URL) (*Response, error) {
	if f.opts.Browser == nil {
		return nil, &Error{State: docstate.NeedsBrowser, Err: fmt.Errorf("fetch %s: %w", u, ErrNoBrowser), Permanent: true}
	}
	if !f.policy.allowPrivate {
		if err := checkResolved(ctx, u.Hostname(), f.policy.guard); err != nil {
			return nil, &Error{State: docstate.Blocked, Err: fmt.Errorf("fetch %s: %w", u, err), Permanent: true}
		}
	}
	body, err := f.opts.Browser.Render(ctx, u.String())
	switch {
	case errors.Is(err, ErrNoBrowser):
		return nil, &Error{State: docstate.NeedsBrowser, Err: err, Permanent: true}
	case err != nil:
		return nil, &Error{State: docstate.Unreachable, Err: err}
	case int64(len(body)) > f.opts.MaxBody:
		return nil, tooLarge(u.String(), f.opts.MaxBody)
	}
	return &Response{URL: u.String(), StatusCode: 200, Body: body, ContentType: "text/html; charset=utf-8"}, nil
}
