// Command screens takes full-page screenshots of the provision pages, the
// methodology and the dashboard of a running Clausewatch (the demo:
// `go run . demo`) in headless Chromium, for docs/screens/.
//
//	go run ./scripts/screens -base http://127.0.0.1:8080 -out docs/screens
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the running app")
	out := flag.String("out", "docs/screens", "where the PNG files go")
	email := flag.String("email", "demo@clausewatch.test", "the demo account")
	password := flag.String("password", "watch-the-clauses", "its password")
	chromium := flag.String("chromium", "chromium", "the Chromium binary")
	flag.Parse()
	if err := run(*base, *out, *email, *password, *chromium); err != nil {
		fmt.Fprintln(os.Stderr, "screens:", err)
		os.Exit(1)
	}
}

// shots are the pages to capture, by file name.
var shots = []struct{ file, path string }{
	{"provision-meetly-ai-training.png", "/platforms/meetly/provisions/ai_training"},
	{"provisions-ai-training.png", "/provisions/ai_training"},
	{"platform-meetly.png", "/platforms/meetly"},
	{"dashboard.png", "/app"},
	{"methodology.png", "/methodology"},
}

func run(base, out, email, password, chromium string) error {
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.WindowSize(1280, 900))
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 8*time.Minute)
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), password),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("main hgroup h1")),
	)
	if err != nil {
		return fmt.Errorf("log in: %w", err)
	}
	for _, s := range shots {
		err := chromedp.Do(ctx, chromedp.Navigate(base+s.path), chromedp.WaitVisible(chromedp.CSS("footer")))
		if err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		if err := os.WriteFile(filepath.Join(out, s.file), png, 0o644); err != nil {
			return err
		}
		fmt.Println(filepath.Join(out, s.file))
	}
	return nil
}
