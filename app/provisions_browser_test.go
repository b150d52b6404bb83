package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserProvisionPagesDrawTheirCharts opens the pages with
// server-rendered SVG in headless Chromium: each chart must be laid out
// (a real size on screen), carry its accessible name, and come with its
// text alternative. PNG screenshots go to the test's artifact directory
// (go test -artifacts keeps them).
func TestBrowserProvisionPagesDrawTheirCharts(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	execPath := chromium(t)
	ta := newTestApp(t)
	seedEngine(t, ta)
	ctx := chromeContext(t, execPath, 90*time.Second)
	for _, page := range []struct {
		name, path, chart string
	}{
		{"provision", "/platforms/acme/provisions/ai_training", `svg[role="img"]`},
		{"catalogue", "/provisions/ai_training", `svg[role="img"]`},
		{"platform", "/platforms/acme", `svg[role="img"]`},
	} {
		t.Run(page.name, func(t *testing.T) {
			// An SVG element has no offset box, so chromedp's visibility
			// wait never ends on it: wait for it in the DOM, then measure.
			browserSteps(t, ctx)("open "+page.path, chromedp.Navigate(ta.URL+page.path), chromedp.WaitReady(chromedp.CSS(page.chart)))
			type box struct {
				Width, Height float64
				Title         string
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[box](`(() => {
				const svg = document.querySelector('`+page.chart+`');
				const r = svg.getBoundingClientRect();
				const title = svg.querySelector(':scope > title');
				return {Width: r.width, Height: r.height, Title: title ? title.textContent : ''};
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if got.Width < 100 || got.Height < 40 || got.Title == "" {
				t.Errorf("%s: chart %.0f×%.0f px, title %q; want it laid out and named", page.path, got.Width, got.Height, got.Title)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(t.ArtifactDir(), page.name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
