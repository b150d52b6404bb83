package extract

import (
	"strings"
	"testing"
)

func TestConsentBanners(t *testing.T) {
	const body = `<h1>Privacy Policy</h1><p>We collect the data you give us and use it to run the service.</p>`
	longCookieText := strings.Repeat(`<p>We use cookies to remember your settings and to measure how the site is used. You can refuse them in your browser.</p>`, 12)
	tests := []struct {
		name    string
		article string
		kept    string // a phrase that must stay; "" means: the Markdown of body alone
	}{
		{"hashed class with accept all", `<div class="cookieConfirm--qyDQHqgu"><p>Cookie Notice</p><p>We use cookies to improve your experience.</p><button>Accept all cookies</button></div>` + body, ""},
		{"platform id with reject", body + `<div id="onetrust-banner-sdk"><p>We and our partners store data.</p><button>Reject All</button><button>Accept</button></div>`, ""},
		{"dialog labelled consent", `<section role="dialog" aria-label="Privacy choices"><p>This site uses cookies.</p><a href="#" role="button">Got it</a></section>` + body, ""},
		{"german cmp banner", `<div class="cmp-container"><p>Wir verwenden Cookies.</p><button>Alle akzeptieren</button><button>Ablehnen</button></div>` + body, ""},
		{"input as the control", body + `<form class="gdpr-box"><p>Cookies help us.</p><input type="submit" value="I agree"></form>`, ""},
		{"cookie policy body kept", `<div class="cookie-policy"><h1>Cookie Policy</h1>` + longCookieText + `<button>Accept all</button></div>`, "You can refuse them in your browser."},
		{"settings button in a cookie policy kept", `<div class="cookie-settings"><p>You can change your cookie choices at any time.</p><button>Cookie Settings</button></div>` + body, "You can change your cookie choices at any time."},
		{"cookie section without controls kept", `<div class="cookie-table"><p>Session cookie: keeps you signed in.</p></div>` + body, "Session cookie: keeps you signed in."},
		{"accept button outside consent vocabulary kept", `<div class="invite"><p>Join the beta programme.</p><button>Accept invitation</button></div>` + body, "Join the beta programme."},
	}
	rules := Rules{Select: []Selector{{CSS: "article"}}}
	clean := mustExtract(t, []byte(page(``, body, ``)), rules)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustExtract(t, []byte(page(``, tt.article, ``)), rules)
			if tt.kept == "" {
				if got != clean {
					t.Fatalf("banner kept:\n%s", firstDiff(clean, got))
				}
				return
			}
			if !strings.Contains(got, tt.kept) || !strings.Contains(got, "We collect the data") && !strings.Contains(tt.name, "policy body") {
				t.Fatalf("content dropped:\n%s", got)
			}
		})
	}
}

func TestConsentBannerNeverTheSelectionItself(t *testing.T) {
	html := page(``, `<div class="cookie-notice"><p>We use cookies.</p><button>Accept</button></div>`, ``)
	got := mustExtract(t, []byte(html), Rules{Select: []Selector{{CSS: ".cookie-notice"}}})
	if !strings.Contains(got, "We use cookies.") {
		t.Fatalf("declared content dropped: %q", got)
	}
}

func TestHasToken(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"cmp", true},
		{"cmp-banner", true},
		{"my_cmp", true},
		{"x cmp", true},
		{"cmpbox", false},
		{"acmp", false},
		{"", false},
		{"--cmp--", true},
		{"cmpé cmp", true},
		{"écmp", false},
		{"cmp\xffx", true},
	}
	for _, tt := range tests {
		if got := hasToken(tt.v, "cmp"); got != tt.want {
			t.Errorf("hasToken(%q, cmp) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// TestContainsConsentWord checks the one-pass search against a search
// for each word, on every name of up to four pieces of the words and
// other bytes.
func TestContainsConsentWord(t *testing.T) {
	pieces := []string{"", "-", "_", " ", "c", "co", "cookie", "cook", "onet", "rust", "consen", "t", "gdp", "r",
		"qc-", "cmp", "didom", "i", "\u00e9", "\u212a", "ot-sd", "k", "sp_", "message", "cc-", "window", "klar", "o"}
	n := len(pieces)
	for code := range n * n * n * n {
		v := pieces[code%n] + pieces[code/n%n] + pieces[code/n/n%n] + pieces[code/n/n/n]
		want := false
		for _, w := range consentVocabulary {
			want = want || strings.Contains(v, w)
		}
		if got := containsConsentWord(v); got != want {
			t.Fatalf("containsConsentWord(%q) = %v, want %v", v, got, want)
		}
	}
}
