package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserUpgradeGoesToCheckout walks an owner from the pricing page's
// upgrade button to Stripe Checkout in headless Chromium. The browser
// resolves checkout.stripe.com to a local stand-in, so it lands on the
// Checkout URL stripe-mock returned without leaving the machine.
func TestBrowserUpgradeGoesToCheckout(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	execPath := chromium(t)
	ta := newBillingTestApp(t, stripeMockBase(t))
	_, _, org := ownerAndMember(t, ta)
	checkout := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(`<h1 id="checkout">Stripe Checkout</h1>`))
	}))
	defer checkout.Close()
	checkoutAddr := strings.TrimPrefix(checkout.URL, "https://")

	ctx := chromeContext(t, execPath, 60*time.Second,
		chromedp.Flag("host-resolver-rules", "MAP checkout.stripe.com "+checkoutAddr),
		chromedp.Flag("ignore-certificate-errors", true))

	err := chromedp.Do(ctx,
		chromedp.Navigate(ta.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), "ada@example.com"),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("main hgroup h1")),
		pageLoaded(),
		chromedp.Navigate(ta.URL+"/pricing"),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/app/billing/checkout"] button`)),
	)
	if err != nil {
		t.Fatalf("log in and open the pricing page: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form[action="/app/billing/checkout"]:has(input[value="compliance"]) button`))); err != nil {
		t.Fatalf("click the upgrade button: %v", err)
	}
	waitCtx, cancelWait := context.WithTimeout(ctx, 20*time.Second)
	defer cancelWait()
	if err := chromedp.Do(waitCtx, chromedp.WaitVisible(chromedp.CSS("#checkout"))); err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		_, cerr := ta.store.BillingCustomer(context.Background(), org.ID)
		t.Fatalf("no Checkout page (at %s; customer lookup after the click: %v): %v", loc, cerr, err)
	}
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(location, "https://checkout.stripe.com/") {
		t.Errorf("landed on %q, want the Stripe Checkout URL", location)
	}
}
