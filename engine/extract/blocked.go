package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// blockedTitles are lower-case <title> fragments of anti-bot challenges and
// block pages; any of them marks the page as blocked.
func blockedTitles() []string {
	return []string{
		"just a moment",
		"attention required",
		"access denied",
		"are you a robot",
		"are you a human",
		"verify you are human",
		"security check",
		"ddos-guard",
		"request rejected",
		"you have been blocked",
		"too many requests",
		"bot verification",
	}
}

// weakTitles mark login walls and error pages. Real documents sometimes
// carry such words in their title, so they count only on a short page.
func weakTitles() []string {
	return []string{"sign in", "log in", "login", "404", "not found", "error", "forbidden", "unavailable"}
}

// challengeSelector matches the markup of challenge widgets and forms.
const challengeSelector = `#challenge-form, #challenge-running, #cf-challenge-running, .cf-browser-verification, #cf-error-details, #px-captcha, #captcha-container`

// weakSelector matches captcha widgets and login forms, which also appear on
// real pages (in a footer sign-in box, say); they count only on a short page.
const weakSelector = `.g-recaptcha, .h-captcha, .cf-turnstile, [data-sitekey], iframe[src*="captcha"], input[type="password"]`

// shortPageRunes is the visible text length under which a page with a login
// form, captcha or error title is taken for a wall rather than a document.
const shortPageRunes = 1500

// isBlocked reports whether a parsed page is a challenge, captcha, login
// wall or error page. It must run before scripts and iframes are dropped.
func isBlocked(doc *goquery.Document) bool {
	title := strings.ToLower(strings.TrimSpace(doc.Find("title").First().Text()))
	for _, t := range blockedTitles() {
		if strings.Contains(title, t) {
			return true
		}
	}
	if doc.Find(challengeSelector).Length() > 0 {
		return true
	}
	weak := doc.Find(weakSelector).Length() > 0
	for _, t := range weakTitles() {
		if strings.Contains(title, t) {
			weak = true
			break
		}
	}
	if !weak {
		return false
	}
	return visibleRunes(doc) < shortPageRunes
}

// visibleRunes counts the non-space characters a reader would see in body.
func visibleRunes(doc *goquery.Document) int {
	body := doc.Find("body").Clone()
	body.Find("script, style, noscript, template").Remove()
	n := 0
	for _, r := range body.Text() {
		if r > ' ' {
			n++
		}
	}
	return n
}
