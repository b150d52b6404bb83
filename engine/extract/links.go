package extract

import (
	"encoding/hex"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// baseURL is the URL relative links resolve against: the page URL, or the
// document's <base href> resolved against it. Nil when neither is usable.
func baseURL(doc *goquery.Document, pageURL string) *url.URL {
	page, err := url.Parse(pageURL)
	if err != nil || pageURL == "" {
		page = nil
	}
	href, ok := doc.Find("base[href]").First().Attr("href")
	if !ok {
		return page
	}
	b, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return page
	}
	if page != nil {
		return page.ResolveReference(b)
	}
	if b.IsAbs() {
		return b
	}
	return nil
}

// fixLinks makes the links and images of the selection absolute, removes
// tracking and session parameters from them, drops script links and
// srcset (whose candidates vary with the CDN's mood), and undoes
// Cloudflare's e-mail obfuscation.
func fixLinks(sel *goquery.Selection, base *url.URL) {
	sel.Find("[data-cfemail]").Each(func(_ int, s *goquery.Selection) {
		if addr, ok := decodeCFEmail(s.AttrOr("data-cfemail", "")); ok {
			s.ReplaceWithNodes(&html.Node{Type: html.TextNode, Data: addr})
		}
	})
	fix := func(attr string) func(int, *goquery.Selection) {
		return func(_ int, s *goquery.Selection) {
			v, _ := s.Attr(attr)
			if clean, ok := cleanURL(v, base); ok {
				s.SetAttr(attr, clean)
			} else {
				s.RemoveAttr(attr)
			}
		}
	}
	sel.Find("a[href], area[href]").Each(fix("href"))
	sel.Find("img[src]").Each(fix("src"))
	sel.Find("img[srcset], source[srcset]").RemoveAttr("srcset")
}

// cleanURL resolves raw against base and strips tracking parameters. It
// reports false for links that must not be kept (javascript:, unparsable).
func cleanURL(raw string, base *url.URL) (string, bool) {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "#") {
		// In-page anchors stay relative: resolved, they would carry the
		// page URL, which a redirect may vary.
		return raw, true
	}
	if len(raw) > 7 && strings.EqualFold(raw[:7], "mailto:") && strings.Contains(raw, "&#") {
		// An address obfuscated as character references that the page
		// escaped once more; the mix of references varies by request.
		raw = html.UnescapeString(raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	if strings.EqualFold(u.Scheme, "javascript") || strings.EqualFold(u.Scheme, "data") {
		return "", false
	}
	if email, ok := cfEmailLink(u); ok {
		return "mailto:" + email, true
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if i := strings.Index(strings.ToLower(u.Path), ";jsessionid="); i >= 0 {
		u.Path = u.Path[:i]
		u.RawPath = ""
	}
	if u.RawQuery != "" {
		u.RawQuery = stripTracking(u.RawQuery)
	}
	return u.String(), true
}

// CleanLink returns an absolute link as Extract writes it into Markdown:
// without tracking, session, signature or random-valued parameters. Tools
// that compare Markdown written elsewhere with ours use it to judge links
// alike.
func CleanLink(raw string) string {
	if clean, ok := cleanURL(raw, nil); ok {
		return clean
	}
	return raw
}

// cfEmailLink decodes Cloudflare's /cdn-cgi/l/email-protection#HEX links.
func cfEmailLink(u *url.URL) (string, bool) {
	if !strings.HasSuffix(u.Path, "/cdn-cgi/l/email-protection") || u.Fragment == "" {
		return "", false
	}
	return decodeCFEmail(u.Fragment)
}

// decodeCFEmail undoes Cloudflare's e-mail obfuscation: the first byte of
// the hex string is a key XORed with every following byte.
func decodeCFEmail(encoded string) (string, bool) {
	b, err := hex.DecodeString(encoded)
	if err != nil || len(b) < 2 {
		return "", false
	}
	key := b[0]
	out := make([]byte, len(b)-1)
	for i, c := range b[1:] {
		out[i] = c ^ key
	}
	// Some sites write the address as character references, in a new
	// random mix of decimal and hex on every request, before Cloudflare
	// encodes it.
	return html.UnescapeString(strings.ToValidUTF8(string(out), "")), true
}
