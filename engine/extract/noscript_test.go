package extract

import "testing"

// TestNoscriptIframeInHead checks that a tracking <noscript><iframe/> in
// <head>, written self-closing as such snippets are, does not swallow the
// page: parsed with scripting off it opened an iframe whose raw text ran
// to the end of the document.
func TestNoscriptIframeInHead(t *testing.T) {
	body := `<!DOCTYPE html><html><head><title>Privacy</title><noscript><iframe src="https://metrics.example/ns.html?id=X1" height="0" width="0" style="display:none" /></noscript></head>` +
		`<body><main id="page-content"><h1>Privacy</h1><p>We keep your data safe.</p><noscript><p>Enable JavaScript for the table of contents.</p></noscript></main></body></html>`
	got := mustExtract(t, []byte(body), Rules{Select: []Selector{{CSS: "main"}}})
	if want := "# Privacy\n\nWe keep your data safe.\n\nEnable JavaScript for the table of contents.\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
