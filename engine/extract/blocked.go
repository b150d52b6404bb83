package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
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

// isChallengeID and isChallengeClass match the markup of challenge
// widgets and forms.
func isChallengeID(id string) bool {
	switch id {
	case "challenge-form", "challenge-running", "cf-challenge-running", "cf-error-details", "px-captcha", "captcha-container":
		return true
	}
	return false
}

func isChallengeClass(class string) bool {
	return class == "cf-browser-verification"
}

// isWeakClass matches captcha widgets. They, [data-sitekey], captcha
// iframes and password inputs also appear on real pages (in a footer
// sign-in box, say), so they count only on a short page.
func isWeakClass(class string) bool {
	switch class {
	case "g-recaptcha", "h-captcha", "cf-turnstile":
		return true
	}
	return false
}

// shortPageRunes is the visible text length under which a page with a login
// form, captcha or error title is taken for a wall rather than a document.
const shortPageRunes = 1500

// pageFacts is what the walk over a parsed page (walkPage) learns for the checks that
// look at the whole document: the first <title>, the first <base href>,
// and whether challenge or weak (captcha, login) markup is present.
type pageFacts struct {
	title     *html.Node
	base      string
	hasBase   bool
	challenge bool
	weak      bool
}

// add takes the facts of one element; walkPage calls it for each
// element in document order. Element names and attributes match as CSS
// selectors would.
func (f *pageFacts) add(n *html.Node) {
	switch n.Data {
	case "title":
		if f.title == nil {
			f.title = n
		}
	case "base":
		if !f.hasBase {
			f.base, f.hasBase = firstAttr(n, "href")
		}
	case "iframe":
		f.weak = f.weak || anyAttr(n, "src", func(v string) bool { return strings.Contains(v, "captcha") })
	case "input":
		f.weak = f.weak || anyAttr(n, "type", func(v string) bool { return v == "password" })
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			f.challenge = f.challenge || isChallengeID(a.Val)
		case "class":
			f.challenge = f.challenge || hasClass(a.Val, isChallengeClass)
			f.weak = f.weak || hasClass(a.Val, isWeakClass)
		case "data-sitekey":
			f.weak = true
		}
	}
}

// firstAttr returns the value of the first attribute named key, in any
// namespace, as CSS attribute selectors and goquery see it.
func firstAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// anyAttr reports whether an attribute named key has a value ok accepts.
func anyAttr(n *html.Node, key string, ok func(string) bool) bool {
	for _, a := range n.Attr {
		if a.Key == key && ok(a.Val) {
			return true
		}
	}
	return false
}

// hasClass reports whether the class attribute value lists a name that
// match accepts; names are split on HTML whitespace, as CSS does.
func hasClass(value string, match func(string) bool) bool {
	start := 0
	for i := 0; i <= len(value); i++ {
		if i < len(value) && !isHTMLSpace(value[i]) || i == len(value) && start == i {
			continue
		}
		if match(value[start:i]) {
			return true
		}
		start = i + 1
	}
	return false
}

// isBlocked reports whether a parsed page is a challenge, captcha, login
// wall or error page. It must run before scripts and iframes are dropped.
func isBlocked(doc *goquery.Document, f pageFacts) bool {
	title := ""
	if f.title != nil {
		title = strings.ToLower(strings.TrimSpace(doc.FindNodes(f.title).Text()))
	}
	for _, t := range blockedTitles() {
		if strings.Contains(title, t) {
			return true
		}
	}
	if f.challenge {
		return true
	}
	weak := f.weak
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
