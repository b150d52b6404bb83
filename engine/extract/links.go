package extract

import (
	"encoding/hex"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// baseURL is the URL relative links resolve against: the page URL, or the
// document's <base href> (found by scanPage) resolved against it. Nil when
// neither is usable.
func baseURL(f pageFacts, pageURL string) *url.URL {
	page, err := url.Parse(pageURL)
	if err != nil || pageURL == "" {
		page = nil
	}
	if !f.hasBase {
		return page
	}
	b, err := url.Parse(strings.TrimSpace(f.base))
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

// fixLinks makes the links and images beneath n absolute, removes
// tracking and session parameters from them, drops script links and
// srcset (whose candidates vary with the CDN's mood), and undoes
// Cloudflare's e-mail obfuscation, in one walk of the tree. It returns
// the length of the text beneath n, by which the conversions size their
// buffers without a walk of their own.
func fixLinks(n *html.Node, base *url.URL) int {
	size := 0
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.TextNode:
			size += len(c.Data)
		case c.Type == html.ElementNode:
			if keep, text := fixElement(c, base); keep {
				size += fixLinks(c, base)
			} else {
				size += text
			}
		}
		c = next
	}
	return size
}

// fixElement fixes one element's links and reports whether it stays in
// the tree; an obfuscated e-mail address is replaced by its text, whose
// length it returns.
func fixElement(n *html.Node, base *url.URL) (keep bool, text int) {
	if v, ok := firstAttr(n, "data-cfemail"); ok {
		if addr, ok := decodeCFEmail(v); ok {
			n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: addr}, n)
			n.Parent.RemoveChild(n)
			return false, len(addr)
		}
	}
	switch n.Data {
	case "a", "area":
		fixURLAttr(n, "href", base)
	case "img":
		fixURLAttr(n, "src", base)
		removeAttr(n, "srcset")
	case "source":
		removeAttr(n, "srcset")
	}
	return true, 0
}

// fixURLAttr cleans the link in the first attribute named key, or removes
// that attribute when the link must not be kept.
func fixURLAttr(n *html.Node, key string, base *url.URL) {
	for i := range n.Attr {
		if n.Attr[i].Key != key {
			continue
		}
		if clean, ok := cleanURL(n.Attr[i].Val, base); ok {
			n.Attr[i].Val = clean
		} else {
			removeAttr(n, key)
		}
		return
	}
}

// removeAttr removes the first attribute named key; the last attribute
// takes its place, as goquery does, so the order stays as before.
func removeAttr(n *html.Node, key string) {
	for i, a := range n.Attr {
		if a.Key == key {
			last := len(n.Attr) - 1
			n.Attr[i], n.Attr[last] = n.Attr[last], html.Attribute{}
			n.Attr = n.Attr[:last]
			return
		}
	}
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
