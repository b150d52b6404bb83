package extract

import (
	"strconv"
	"strings"
	"testing"
)

// TestExtractTosgenNoise checks that pages differing only in tosgen noise
// (per request: CSRF tokens, timestamps, request and consent ids; per
// round: nav order, asset hashes, promos, hashed class names, whitespace
// between sentences) give identical bytes, and that a real change does not.
func TestExtractTosgenNoise(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"per-request noise", "svc0008-r1a.html.gz", "svc0008-r1b.html.gz", true},
		{"per-round noise, banner inside article", "svc0008-r1a.html.gz", "svc0008-r2.html.gz", true},
		{"per-round noise, banner outside article", "svc0011-r1.html.gz", "svc0011-r4.html.gz", true},
		{"real change", "svc0004-r1.html.gz", "svc0004-r2-changed.html.gz", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustExtract(t, fixture(t, tt.a), tosgenRules())
			b := mustExtract(t, fixture(t, tt.b), tosgenRules())
			if (a == b) != tt.same {
				t.Fatalf("same = %v, want %v\n%s", a == b, tt.same, firstDiff(a, b))
			}
			checkFingerprints(t, fixture(t, tt.a), fixture(t, tt.b), tosgenRules(), tt.same)
			for _, noise := range []string{"csrf", "Consent ID", "Page generated", "Served by", "css-", "Was this page helpful"} {
				if strings.Contains(a, noise) {
					t.Errorf("output contains noise %q", noise)
				}
			}
		})
	}
}

// TestExtractNoiseKinds renders a small page with and without each kind of
// noise; the Markdown must not change.
func TestExtractNoiseKinds(t *testing.T) {
	const article = `<h1>Terms</h1><p class="intro">These Terms govern your use. Please read them.</p>
<p>See the <a href="/legal/privacy">Privacy Policy</a> and write to us.</p>`
	tests := []struct {
		name  string
		noisy string // a page that must extract like clean(article)
	}{
		{"csrf token in removed form", page(``, article+`<div class="tools"><form><input type="hidden" name="csrf" value="f00d"><button>Yes</button></form></div>`, ``)},
		{"timestamp outside article", page(`<p>Generated 2025-01-01T10:00:00Z</p>`, article, ``)},
		{"request id in script", page(`<script>window.rid="8f7a"</script>`, article, ``)},
		{"nav order", page(`<nav><a href="/b">B</a><a href="/a">A</a></nav>`, article, ``)},
		{"asset hash", page(`<link rel="stylesheet" href="/app.9f8e.css"><script src="/app.9f8e.js"></script>`, article, ``)},
		{"promo", page(``, article, `<aside class="promo">Get 20% off today</aside>`)},
		{"hashed class names", page(``, strings.ReplaceAll(article, `<p>`, `<p class="css-1x9f3a">`), ``)},
		{"whitespace between sentences", page(``, strings.ReplaceAll(article, "use. Please", "use.\n      Please"), ``)},
		{"tracking parameters", page(``, strings.ReplaceAll(article, "/legal/privacy", "/legal/privacy?utm_source=nl&utm_medium=mail&fbclid=x1&gclid=y2&sid=abc"), ``)},
		{"non-breaking spaces", page(``, strings.ReplaceAll(article, "the Privacy", "the&nbsp;Privacy"), ``)},
		{"typographic quotes and dashes", page(``, strings.ReplaceAll(article, "your use.", "your use&#8202;&mdash;&#8202;&lsquo;use&rsquo;."), ``)},
		{"comments and templates", page(``, article+`<!-- build 42 --><template><p>x</p></template>`, ``)},
		{"cookie banner inside article", page(``, `<div class="cookie-banner">We use cookies. ID 7f</div>`+article, ``)},
		{"signatures, expiries and visitor ids", page(``, strings.ReplaceAll(article, "/legal/privacy", "/legal/privacy?openaicom-did=3f0c5b8e-2d4a-4c1e-9b7f-0a1b2c3d4e5f&openaicom_referred=true&sig=9a8B&expires=1767225600"), ``)},
		{"random token under an unknown key", page(``, strings.ReplaceAll(article, "/legal/privacy", "/legal/privacy?k=Xk9_2mQpL7vRt3ZwA8bN"), ``)},
		{"consent banner no rule removes", page(``, `<div class="cookieConfirm--qyDQHqgu"><p>Cookie Notice</p><p>We use cookies to improve your experience.</p><button>Accept all cookies</button><button>Reject</button></div>`+article, ``)},
		{"consent dialog after the text", page(``, article+`<div role="dialog" aria-modal="true"><p>We and 143 partners use cookies.</p><button>Agree</button></div>`, ``)},
	}
	rules := Rules{
		Select: []Selector{{CSS: "article"}},
		Remove: []Selector{{CSS: ".tools"}, {CSS: ".cookie-banner"}},
	}
	clean := []byte(page(``, article, ``))
	want := mustExtract(t, clean, rules)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, []byte(tt.noisy), rules)
			// The quoted word of the typography case is content.
			checkFingerprints(t, clean, []byte(tt.noisy), rules, tt.name != "typographic quotes and dashes")
			if tt.name == "typographic quotes and dashes" {
				// The quoted word is content; only its typography is noise.
				want := strings.ReplaceAll(want, "your use.", "your use - 'use'.")
				if got != want {
					t.Fatalf("\n%s", firstDiff(want, got))
				}
				return
			}
			if got != want {
				t.Fatalf("\n%s", firstDiff(want, got))
			}
		})
	}
}

// page builds an HTML page with an <article> between two bits of chrome.
func page(before, article, after string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Terms</title></head><body>` +
		before + `<main><article class="terms">` + article + `</article></main>` + after + `</body></html>`
}

func mustExtract(t *testing.T, body []byte, rules Rules) string {
	t.Helper()
	md, err := Extract(body, "text/html; charset=utf-8", "https://example.com/legal/terms", rules)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return md
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + la[i] + "\n+ " + lb[i]
		}
	}
	return "lengths differ: " + strconv.Itoa(len(la)) + " vs " + strconv.Itoa(len(lb)) + " lines"
}
