package app

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/clausewatch/clausewatch/mail"
	"github.com/clausewatch/clausewatch/mail/mailtest"
)

// chromium returns TEST_CHROMIUM, skipping outside CI when it is unset.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("TEST_CHROMIUM")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TEST_CHROMIUM is not set; run the tests with `make test`")
		}
		t.Skip("TEST_CHROMIUM not set")
	}
	return path
}

// chromeContext starts headless Chromium for one test and returns a tab
// context bounded by timeout. The flags keep Chromium off the network it
// cannot reach here and let it run as root.
func chromeContext(t *testing.T, execPath string, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox, // the sandbox cannot start as root in containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, extra...)...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)
	return ctx
}

// pageLoaded waits until the page has finished loading, stylesheets
// included. Reading or navigating while a page still loads races with the
// browser replacing its document ("No node with given id", ERR_ABORTED).
func pageLoaded() chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`document.readyState === "complete"`, chromedp.WithPollingInterval(20*time.Millisecond))
}

// browserSteps returns a step runner: each step runs its actions, then
// waits for the page to finish loading, and fails the test by name.
func browserSteps(t *testing.T, ctx context.Context) func(name string, actions ...chromedp.Action[chromedp.Void]) {
	return func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, append(actions, pageLoaded())...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

// TestBrowserSignupVerifyLogin walks the first minutes of a new customer in
// headless Chromium, with the verification mail going through SMTP to
// mailpit: sign up, see "check your inbox", open the link from the mail,
// log in, and see the organization on the dashboard.
func TestBrowserSignupVerifyLogin(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	execPath := chromium(t)
	api, smtpURL := mailtest.Mailpit(t)
	sender, err := mail.NewSMTPSender(smtpURL, "Clausewatch <alerts@localhost>")
	if err != nil {
		t.Fatal(err)
	}
	ta := serveTestApp(t, sender)

	ctx := chromeContext(t, execPath, 90*time.Second)

	email := "e2e-" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "") + "@example.com"
	const org = "Browser Test Org"
	step := browserSteps(t, ctx)
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}

	step("sign up",
		chromedp.Navigate(ta.URL+"/signup"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.SendKeys(chromedp.CSS("#organization"), org),
		chromedp.Click(chromedp.CSS(`form[action="/signup"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main [role="status"]`)),
	)
	if got := text(`main [role="status"]`); !strings.Contains(got, "Check your inbox") || !strings.Contains(got, email) {
		t.Fatalf("sign-up answer: %q", got)
	}

	msg := mailtest.WaitFor(t, api, email)
	link := linkIn(t, msg.Text, "/verify/")
	step("verify", chromedp.Navigate(ta.URL+link), chromedp.WaitVisible(chromedp.CSS("p.flash")))
	if got := text("p.flash"); !strings.Contains(got, "confirmed") {
		t.Fatalf("after verification: %q", got)
	}

	step("log in",
		chromedp.Navigate(ta.URL+"/login?next="+url.QueryEscape("/app")),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), goodPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("main hgroup h1")),
	)
	if got := text("main hgroup h1"); got != org {
		t.Fatalf("dashboard heading = %q, want %q", got, org)
	}
	if got := text("main"); strings.Contains(got, "Please confirm") || !strings.Contains(got, "Free plan") {
		t.Fatalf("dashboard after login:\n%s", got)
	}

	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "dashboard.png")
	if err := os.WriteFile(shot, png, 0o600); err != nil {
		t.Fatal(err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
}
