package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// Consent banners are chrome that sites put inside the declared content
// as often as outside it: a box about cookies with buttons to accept or
// refuse them, whose wording, ids and presence vary between fetches. A
// cookie policy talks about cookies everywhere too, so a box is dropped
// only with banner signals on top of the vocabulary: an accept or refuse
// control, and little text.

// bannerMaxWords bounds the text of a consent banner; a section of a
// policy is longer.
const bannerMaxWords = 250

// consentVocabulary names consent banners and the platforms that make
// them, as they appear in ids, classes and aria labels.
var consentVocabulary = []string{
	"cookie", "consent", "gdpr", "ccpa", "onetrust", "ot-sdk", "didomi", "cookiebot", "cybot", "truste",
	"trustarc", "usercentrics", "tarteaucitron", "axeptio", "iubenda", "quantcast", "qc-cmp", "osano",
	"termly", "cmplz", "borlabs", "klaro", "cookieyes", "sp_message", "cc-window", "cc-banner",
}

// consentActions are the words of buttons that answer a banner, in the
// languages of the watched sites.
var consentActions = []string{
	"accept", "agree", "allow", "reject", "decline", "refuse", "deny", "got it", "i understand", "dismiss",
	"accepter", "refuser", "j'accepte", "continuer sans accepter", "tout accepter", "tout refuser",
	"akzeptieren", "zustimmen", "ablehnen", "einverstanden", "alle erlauben",
	"aceptar", "rechazar", "accetta", "rifiuta", "accetto", "aceitar", "rejeitar", "accepteren", "weigeren",
}

// removeConsentBanners deletes the consent banners inside root (never
// root itself).
func removeConsentBanners(root *html.Node) {
	var next *html.Node
	for c := root.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode {
			continue
		}
		if isConsentBanner(c) {
			root.RemoveChild(c)
			continue
		}
		removeConsentBanners(c)
	}
}

// isConsentBanner reports an element named for consent (or a dialog
// that speaks of cookies) holding a control that answers it, with the
// little text of a banner.
func isConsentBanner(n *html.Node) bool {
	named := hasConsentName(n)
	if !named && !(isDialog(n) && mentionsConsent(n)) {
		return false
	}
	return hasConsentControl(n) && wordCount(n, bannerMaxWords+1) <= bannerMaxWords
}

// hasConsentName reports consent vocabulary in the id, classes or aria
// label of n.
func hasConsentName(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "id", "class", "aria-label", "aria-labelledby", "aria-describedby":
			v := strings.ToLower(a.Val)
			if containsConsentWord(v) || hasToken(v, "cmp") {
				return true
			}
		}
	}
	return false
}

// consentWordsAt lists the words of consentVocabulary by their first
// byte.
var consentWordsAt = func() (t [256][]string) {
	for _, w := range consentVocabulary {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// containsConsentWord reports whether v holds a word of
// consentVocabulary: one pass over v that tries the words starting with
// each byte, where a search per word read v once for each of them.
func containsConsentWord(v string) bool {
	for i := 0; i < len(v); i++ {
		for _, w := range consentWordsAt[v[i]] {
			if strings.HasPrefix(v[i:], w) {
				return true
			}
		}
	}
	return false
}

// hasToken reports tok as a whole word of v, words being separated by
// anything but letters and digits ("cmp-banner", "cc_window").
func hasToken(v, tok string) bool {
	if !strings.Contains(v, tok) {
		return false
	}
	start := -1 // where the current word began
	for i, r := range v {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && v[start:i] == tok {
			return true
		}
		start = -1
	}
	return start >= 0 && v[start:] == tok
}

// isDialog reports an element shown over the page: a dialog role, a
// modal, or a fixed or sticky box.
func isDialog(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			v := strings.ToLower(a.Val)
			if v == "dialog" || v == "alertdialog" || v == "region" {
				return true
			}
		case "aria-modal":
			return strings.ToLower(a.Val) == "true"
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "position:fixed") || strings.Contains(v, "position:sticky") {
				return true
			}
		}
	}
	return false
}

func mentionsConsent(n *html.Node) bool {
	text := strings.ToLower(nodeText(n))
	return strings.Contains(text, "cookie") || strings.Contains(text, "consent")
}

// hasConsentControl reports a button, or a link or input acting as one,
// whose label answers a consent request.
func hasConsentControl(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for ; c != nil && !found; c = c.NextSibling {
			if c.Type == html.ElementNode && isControl(c) {
				label := strings.ToLower(strings.TrimSpace(controlLabel(c)))
				if len(label) <= 40 && containsAny(label, consentActions) {
					found = true
					return
				}
			}
			walk(c.FirstChild)
		}
	}
	walk(n.FirstChild)
	return found
}

func isControl(n *html.Node) bool {
	switch n.Data {
	case "button", "a", "input":
		return true
	}
	return attr(n, "role") == "button"
}

func controlLabel(n *html.Node) string {
	if n.Data == "input" {
		return attr(n, "value")
	}
	if l := attr(n, "aria-label"); l != "" {
		return l
	}
	return nodeText(n)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	v, _ := firstAttr(n, key)
	return v
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
			return
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}

// wordCount counts the words of n's text, stopping at limit.
func wordCount(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if count >= limit {
			return
		}
		if c.Type == html.TextNode {
			count += len(strings.Fields(c.Data))
			return
		}
		for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return count
}
