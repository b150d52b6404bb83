package extract

import (
	"net/url"
	"strings"
)

// stripTracking removes the parameters that vary between fetches of the
// same page without changing where a link goes: campaign, click, visitor
// and session ids, CSRF tokens, signatures and expiries, and values that
// look random. The others stay in their order and spelling. Parameters
// that name a document, a language or a page are always kept, whatever
// their value looks like.
func stripTracking(rawQuery string) string {
	parts := strings.Split(rawQuery, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, value, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		if !isNoiseParam(strings.ToLower(key), value) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "&")
}

// isNoiseParam reports whether a query parameter (lower-case key) is
// noise rather than part of the link's destination.
func isNoiseParam(key, value string) bool {
	if isMeaningfulParam(key) {
		return false
	}
	return isTrackingParam(key) || looksRandom(value)
}

// isMeaningfulParam reports keys that choose what a link shows: a
// document or an article, a language, a page, a search.
func isMeaningfulParam(key string) bool {
	switch key {
	case "id", "doc", "docid", "doc_id", "document", "document_id", "documentid", "article", "article_id", "articleid",
		"lang", "language", "locale", "hl", "lc", "lr", "country", "region",
		"page", "p", "section", "chapter", "tab", "q", "query", "search", "topic", "category",
		"question", "answer", "version", "v", "format", "type", "name", "slug", "file", "path":
		return true
	}
	return false
}

// isTrackingParam reports whether a lower-case query key identifies a
// campaign, click, visitor, session, form token, signature or expiry
// rather than content.
func isTrackingParam(key string) bool {
	for _, prefix := range []string{"utm_", "mc_", "_hs", "__hs", "hsa_", "pk_", "mtm_", "matomo_", "piwik_", "aspsessionid", "x-amz-", "x-goog-", "ref_"} {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	// Families named after a site: "openaicom-did", "openaicom_referred",
	// "xyz_clickid".
	for _, suffix := range []string{"-did", "_did", "clid", "clickid", "click_id", "sessionid", "session_id", "_sid", "-sid"} {
		if strings.HasSuffix(key, suffix) {
			return true
		}
	}
	for _, part := range []string{"referred", "referrer", "referer", "tracking", "token", "signature", "nonce"} {
		if strings.Contains(key, part) {
			return true
		}
	}
	switch key {
	case "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
		"li_fat_id", "igshid", "_ga", "_gl", "_ke", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
		"vero_conv", "wickedid", "s_cid", "icid", "srsltid", "_branch_match_id", "rb_clickid", "hsctatracking",
		"sid", "sessionid", "phpsessid", "jsessionid", "cfid", "cftoken",
		"csrf", "_csrf", "csrfmiddlewaretoken",
		"sig", "hmac", "expires", "expiry", "expire", "exp", "h", "req", "key-pair-id",
		"ts", "timestamp", "_t", "t", "_", "cb", "cachebuster", "rnd", "rand", "random", "nocache":
		return true
	}
	return false
}

// looksRandom reports values that no person chose: UUIDs, long hex
// strings, and long tokens that mix cases and digits the way encoded
// random bytes do, unlike words and slugs.
func looksRandom(v string) bool {
	if len(v) < 16 {
		return false
	}
	if isUUID(v) {
		return true
	}
	hex, other := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
			hex++
		case 'g' <= c && c <= 'z', 'G' <= c && c <= 'Z', c == '-', c == '_', c == '+', c == '/', c == '=', c == '.':
			other++
		default:
			return false // spaces, punctuation: text, not a token
		}
	}
	if other == 0 && hasDigitAndHexLetter(v) {
		return true
	}
	return classChanges(v)*10 >= len(v)*3
}

// isUUID matches 8-4-4-4-12 hex digits.
func isUUID(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !isHexDigit(c) {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// hasDigitAndHexLetter tells a hex token from a long number (an id).
func hasDigitAndHexLetter(v string) bool {
	digit, letter := false, false
	for i := 0; i < len(v); i++ {
		if '0' <= v[i] && v[i] <= '9' {
			digit = true
		} else {
			letter = true
		}
	}
	return digit && letter
}

// classChanges counts the places where a token switches between upper
// case, lower case and digits. Random base64 switches at about every
// other character; "0262_ProfilageDecision" or "privacy-policy-2024"
// rarely do.
func classChanges(v string) int {
	class := func(c byte) int {
		switch {
		case 'a' <= c && c <= 'z':
			return 1
		case 'A' <= c && c <= 'Z':
			return 2
		case '0' <= c && c <= '9':
			return 3
		}
		return 0
	}
	n, prev := 0, -1
	for i := 0; i < len(v); i++ {
		c := class(v[i])
		if c != 0 && prev > 0 && c != prev {
			n++
		}
		if c != 0 {
			prev = c
		}
	}
	return n
}
