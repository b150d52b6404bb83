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

// stripTracking removes tracking, session and CSRF parameters from a raw
// query, keeping the others in their order and spelling.
func stripTracking(rawQuery string) string {
	parts := strings.Split(rawQuery, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if !isTrackingParam(strings.ToLower(key)) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "&")
}

// isTrackingParam reports whether a lower-case query key identifies a
// campaign, click, visitor, session or form token rather than content.
func isTrackingParam(key string) bool {
	for _, prefix := range []string{"utm_", "mc_", "_hs", "__hs", "hsa_", "pk_", "mtm_", "matomo_", "piwik_", "aspsessionid"} {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	switch key {
	case "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
		"li_fat_id", "igshid", "_ga", "_gl", "_ke", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
		"vero_conv", "wickedid", "s_cid", "icid", "srsltid", "_branch_match_id", "rb_clickid", "hsctatracking",
		"sid", "sessionid", "session_id", "phpsessid", "jsessionid", "cfid", "cftoken",
		"csrf", "csrf_token", "_csrf", "csrfmiddlewaretoken", "authenticity_token":
		return true
	}
	return false
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
	return strings.ToValidUTF8(string(out), ""), true
}
