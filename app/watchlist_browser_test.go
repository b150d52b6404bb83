package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clausewatch/clausewatch/store"
)

// TestBrowserWatchUntilTheLimit walks a Free organization in headless
// Chromium: watch a platform from the catalogue search, try a second one,
// and get the plan's limit sentence with the upgrade prompt.
func TestBrowserWatchUntilTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	execPath := chromium(t)
	ta := newWatchlistTestApp(t)
	for _, p := range []*store.Platform{{Slug: "acme", Name: "Acme Cloud", Category: "storage"}, {Slug: "zeta", Name: "Zeta Chat", Category: "messaging"}} {
		if err := ta.store.UpsertPlatform(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	ctx := chromeContext(t, execPath, 60*time.Second)
	step := browserSteps(t, ctx)
	step("sign up",
		chromedp.Navigate(ta.URL+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "watcher@example.com"),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.SendKeys(chromedp.CSS("#organization"), "Watchers"),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main [role="status"]`)),
	)
	ta.server.deps.Accounts.Wait()
	step("log in",
		chromedp.Navigate(ta.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "watcher@example.com"),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("main hgroup h1")),
	)
	step("watch Acme",
		chromedp.Navigate(ta.URL+"/app/watchlist?q=acme"),
		chromedp.Click(chromedp.CSS(`button[aria-label="Watch Acme Cloud"]`)),
		// Only the page after the add has a watch to pause; the heading
		// alone is on the page before the click too.
		chromedp.WaitVisible(chromedp.CSS(`button[aria-label="Pause Acme Cloud"]`)),
	)
	watching, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`section[aria-labelledby="watching-heading"]`)))
	if err != nil || !strings.Contains(watching, "Acme Cloud") {
		t.Fatalf("Acme not on the watchlist: %q %v", watching, err)
	}
	step("try Zeta",
		chromedp.Navigate(ta.URL+"/app/watchlist?q=zeta"),
		chromedp.Click(chromedp.CSS(`button[aria-label="Watch Zeta Chat"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#plan-limit`)),
	)
	notice, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#plan-limit`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notice, "The Free plan watches 1 platform; upgrade to Monitor to watch up to 25.") || !strings.Contains(notice, "Upgrade your plan") {
		t.Fatalf("limit notice = %q", notice)
	}
}
