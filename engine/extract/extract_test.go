package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/docstate"
)

func TestExtractStates(t *testing.T) {
	longText := strings.Repeat("These terms apply to every use of the service. ", 60)
	tests := []struct {
		name  string
		body  string
		rules Rules
		want  error
		state docstate.State
	}{
		{"selector miss", page(``, `<p>Terms.</p>`, ``), Rules{Select: []Selector{{CSS: "#missing"}}}, ErrSelectorMissing, "selector_missing"},
		{"no selector of a list matches", page(``, `<p>Terms.</p>`, ``), Rules{Select: []Selector{{CSS: ".gone"}, {CSS: "#missing"}}}, ErrSelectorMissing, "selector_missing"},
		{"one of two selectors misses", page(``, `<p>Terms.</p>`, ``), Rules{Select: []Selector{{CSS: "article"}, {CSS: ".gone"}}}, nil, ""},
		{"range start missing in a list", page(``, `<h2 id="b">B</h2><p>x</p>`, ``), Rules{Select: []Selector{{CSS: "article"}, {Range: &Range{StartAfter: "#a", EndBefore: "#b"}}}}, ErrSelectorMissing, "selector_missing"},
		{"remove range without end marker", page(``, `<h2 id="a">A</h2><p>x</p>`, ``), Rules{Select: []Selector{{CSS: "article"}}, Remove: []Selector{{Range: &Range{StartAfter: "#a", EndBefore: "#b"}}}}, ErrSelectorMissing, "selector_missing"},
		{"range end missing", page(``, `<h2 id="a">A</h2><p>x</p>`, ``), Rules{Select: []Selector{{Range: &Range{StartAfter: "#a", EndBefore: "#b"}}}}, ErrSelectorMissing, "selector_missing"},
		{"empty article", page(``, `<div>  </div><img src="x.png">`, ``), Rules{Select: []Selector{{CSS: "article"}}}, ErrEmpty, "empty"},
		{"only removed content", page(``, `<div class="x">Gone</div>`, ``), Rules{Select: []Selector{{CSS: "article"}}, Remove: []Selector{{CSS: ".x"}}}, ErrEmpty, "empty"},
		{"cloudflare challenge", `<html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser</div><form id="challenge-form"></form></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"cloudflare block page", `<html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1></body></html>`, Rules{Select: []Selector{{CSS: "article"}}}, ErrBlocked, "blocked"},
		{"recaptcha wall", `<html><head><title>Verify</title></head><body><p>Please complete the check.</p><div class="g-recaptcha" data-sitekey="k"></div></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"hcaptcha wall", `<html><head><title>Check</title></head><body><div class="h-captcha" data-sitekey="k"></div></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"access denied", `<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1><p>Reference #18.2f</p></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"login wall", `<html><head><title>Sign in</title></head><body><form><input name="u"><input type="password" name="p"><button>Sign in</button></form></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"short 404 page", `<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>`, Rules{}, ErrBlocked, "blocked"},
		{"long page with a sign-in box is a document", `<html><head><title>Terms of Service</title></head><body><form><input type="password"></form><article>` + longText + `</article></body></html>`, Rules{}, nil, ""},
		{"long page titled error handling is a document", `<html><head><title>Error reporting terms</title></head><body><article>` + longText + `</article></body></html>`, Rules{}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.body), "text/html", "https://example.com/", tt.rules)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if got := State(err); got != tt.state {
				t.Fatalf("State = %q, want %q", got, tt.state)
			}
		})
	}
}

func TestExtractSelectorMissingNamesSelector(t *testing.T) {
	_, err := Extract([]byte(page(``, `<p>x</p>`, ``)), "text/html", "", Rules{Select: []Selector{{CSS: "div.policy-body"}}})
	if err == nil || !strings.Contains(err.Error(), "div.policy-body") {
		t.Fatalf("err = %v, want it to name the selector", err)
	}
}

func TestState(t *testing.T) {
	tests := []struct {
		err  error
		want docstate.State
	}{
		{nil, ""},
		{ErrBlocked, "blocked"},
		{fmt.Errorf("wrapped: %w", ErrSelectorMissing), "selector_missing"},
		{ErrEmpty, "empty"},
		{errors.New("something else"), "empty"},
	}
	for _, tt := range tests {
		if got := State(tt.err); got != tt.want {
			t.Errorf("State(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestExtractCharset(t *testing.T) {
	// "Café — “quoted” naïve" in windows-1252.
	cp1252 := []byte("Caf\xe9 \x97 \x93quoted\x94 na\xefve")
	want := "Café - \"quoted\" naïve\n"
	tests := []struct {
		name        string
		body        []byte
		contentType string
	}{
		{"charset in header", append([]byte("<p>"), cp1252...), "text/html; charset=windows-1252"},
		{"charset in meta", append([]byte(`<meta charset="windows-1252"><p>`), cp1252...), "text/html"},
		{"http-equiv meta", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>`), cp1252...), ""},
		{"wrong utf-8 header, meta right", append([]byte(`<meta charset="windows-1252"><p>`), cp1252...), "text/html; charset=utf-8"},
		{"wrong utf-8 header, no meta", append([]byte(`<p>`), cp1252...), "text/html; charset=UTF-8"},
		{"utf-8", []byte("<p>Café — “quoted” naïve"), "text/html; charset=utf-8"},
		{"utf-8 with BOM", []byte("\xef\xbb\xbf<p>Café — “quoted” naïve"), "text/html"},
		{"plain text in windows-1252", cp1252, "text/plain; charset=windows-1252"},
		{"utf-8 undeclared, first non-ASCII byte after 1024 bytes", []byte("<!--" + strings.Repeat(" ", 1100) + "--><p>Café — “quoted” naïve"), "text/html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract(tt.body, tt.contentType, "", Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
		})
	}
}

func TestExtractSelectRemove(t *testing.T) {
	body := []byte(page(`<nav>Menu</nav>`, `<h2 id="s1">One</h2><p>First.</p><div class="ad">Ad</div><h2 id="s2">Two</h2><p>Second.</p><h2 id="s3">Three</h2><p>Third.</p><footer id="f">End</footer>`, `<footer>Site</footer>`))
	tests := []struct {
		name  string
		rules Rules
		want  string
	}{
		{"no rules keeps the body", Rules{}, "Menu\n\n## One\n\nFirst.\n\nAd\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n\nEnd\n\nSite\n"},
		{"select and remove", Rules{Select: []Selector{{CSS: "article"}}, Remove: []Selector{{CSS: ".ad"}, {CSS: "#f"}}}, "## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n"},
		{"several selectors in selector order", Rules{Select: []Selector{{CSS: "#s3"}, {CSS: "#s1"}}}, "## Three\n\n## One\n"},
		{"nested selections kept once", Rules{Select: []Selector{{CSS: "article"}, {CSS: "#s1"}}, Remove: []Selector{{CSS: ".ad"}, {CSS: "#f"}}}, "## One\n\nFirst.\n\n## Two\n\nSecond.\n\n## Three\n\nThird.\n"},
		{"range startAfter endBefore", Rules{Select: []Selector{{Range: &Range{StartAfter: "#s1", EndBefore: "#s3"}}}}, "First.\n\nAd\n\n## Two\n\nSecond.\n"},
		{"range startBefore endAfter", Rules{Select: []Selector{{Range: &Range{StartBefore: "#s2", EndAfter: "#s3"}}}}, "## Two\n\nSecond.\n\n## Three\n"},
		{"range across levels", Rules{Select: []Selector{{Range: &Range{StartBefore: "#s3", EndBefore: "body > footer"}}}}, "## Three\n\nThird.\n\nEnd\n"},
		{"remove range", Rules{Select: []Selector{{CSS: "article"}}, Remove: []Selector{{Range: &Range{StartBefore: "#s2", EndBefore: "#s3"}}, {CSS: ".ad, #f"}}}, "## One\n\nFirst.\n\n## Three\n\nThird.\n"},
		{"remove css that misses is fine", Rules{Select: []Selector{{CSS: "#s1"}}, Remove: []Selector{{CSS: "#nope"}}}, "## One\n"},
		{"list keeps what any selector matches", Rules{Select: []Selector{{CSS: "#gone"}, {CSS: "#s2"}, {CSS: ".nothing"}}}, "## Two\n"},
		{"two remove ranges and a css removal", Rules{Select: []Selector{{CSS: "article"}}, Remove: []Selector{{CSS: "#s2"}, {Range: &Range{StartAfter: "#s1", EndBefore: "#s2"}}, {Range: &Range{StartAfter: "#s3", EndAfter: "#f"}}}}, "## One\n\nSecond.\n\n## Three\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract(body, "text/html", "", tt.rules)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExtractLinks(t *testing.T) {
	tests := []struct {
		name    string
		pageURL string
		html    string
		want    string
	}{
		{"relative link made absolute", "https://ex.com/legal/terms", `<a href="../privacy">Privacy</a>`, "[Privacy](https://ex.com/privacy)"},
		{"base href", "https://ex.com/legal/terms", `<base href="https://cdn.ex.com/docs/"><a href="p.html">P</a>`, "[P](https://cdn.ex.com/docs/p.html)"},
		{"tracking parameters stripped, others kept in order", "https://ex.com/", `<a href="/p?b=2&utm_source=x&a=1&fbclid=z&mc_eid=3&gclid=q">P</a>`, "[P](https://ex.com/p?b=2&a=1)"},
		{"session id stripped", "https://ex.com/", `<a href="/p;jsessionid=ABC?PHPSESSID=1&sid=2&sessionid=3&x=1">P</a>`, "[P](https://ex.com/p?x=1)"},
		{"anchor stays relative", "https://ex.com/terms?sid=1", `<a href="#s2">Section 2</a>`, "[Section 2](#s2)"},
		{"javascript link dropped", "https://ex.com/", `<a href="javascript:void(0)">Open</a>`, "Open"},
		{"cloudflare email span", "https://ex.com/", `Write to <span class="__cf_email__" data-cfemail="422e2725232e02273a232f322e276c212d2f">[email&#160;protected]</span>.`, "Write to legal@example.com."},
		{"cloudflare email link", "https://ex.com/", `<a href="/cdn-cgi/l/email-protection#422e2725232e02273a232f322e276c212d2f">mail us</a>`, "[mail us](mailto:legal@example.com)"},
		{"cloudflare email written as character references", "https://ex.com/", `<a href="/cdn-cgi/l/email-protection#42646173727a79272564613a7473792e02273a232f322e276c212d2f">mail us</a>`, "[mail us](mailto:legal@example.com)"},
		{"cloudflare email, another mix of references", "https://ex.com/", `<a href="/cdn-cgi/l/email-protection#4264613a74217964617372737925232e02273a232f322e276c212d2f">mail us</a>`, "[mail us](mailto:legal@example.com)"},
		{"mailto escaped twice", "https://ex.com/", `<a href="mailto:&amp;#108;&amp;#x65;gal@example.com">mail us</a>`, "[mail us](mailto:legal@example.com)"},
		{"signed and tracked link", "https://ex.com/", `<a href="https://cdn.ex.com/terms.pdf?sig=Q2x&amp;expires=1767225600&amp;openaicom-did=3f0c5b8e-2d4a-4c1e-9b7f-0a1b2c3d4e5f&amp;lang=fr">PDF</a>`, "[PDF](https://cdn.ex.com/terms.pdf?lang=fr)"},
		{"image made absolute, srcset dropped", "https://ex.com/a/", `<img src="i.png" srcset="i2.png 2x" alt="Logo">`, "![Logo](https://ex.com/a/i.png)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract([]byte("<body><p>"+tt.html+" End</p></body>"), "text/html", tt.pageURL, Rules{})
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.want + " End\n"; got != want {
				t.Fatalf("got %q, want %q", got, want)
			}
		})
	}
}

func TestExtractTable(t *testing.T) {
	got := mustExtract(t, []byte(page(``, `<table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Free</td><td>$0</td></tr></tbody></table>`, ``)), Rules{Select: []Selector{{CSS: "article"}}})
	want := "| Plan | Price |\n|---|---|\n| Free | $0 |\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestExtractText(t *testing.T) {
	tests := []struct {
		name, contentType, body, want string
	}{
		{"plain text", "text/plain; charset=utf-8", "Terms\r\n\r\n\r\nYou  agree\u00a0to “these”.  \n", "Terms\n\nYou agree to \"these\".\n"},
		{"markdown", "text/markdown", "# Terms\n\n- one\n  - two\n", "# Terms\n\n- one\n  - two\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Extract([]byte(tt.body), tt.contentType, "", Rules{Select: []Selector{{CSS: "ignored"}}})
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractPDF(t *testing.T) {
	doc := minimalPDF("These Terms govern your use of the Service.")
	for _, contentType := range []string{"application/pdf", "application/octet-stream"} {
		got, err := Extract(doc, contentType, "", Rules{})
		if err != nil {
			t.Fatalf("%s: %v", contentType, err)
		}
		if want := "These Terms govern your use of the Service.\n"; got != want {
			t.Fatalf("%s: got %q, want %q", contentType, got, want)
		}
	}
	_, err := Extract([]byte("%PDF-1.4 garbage"), "application/pdf", "", Rules{})
	if State(err) != "empty" {
		t.Fatalf("broken pdf: err = %v, want an empty state", err)
	}
}

// minimalPDF builds a one-page PDF showing text, with a correct xref table.
func minimalPDF(text string) []byte {
	content := "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET"
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return []byte(b.String())
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		rules   Rules
		wantErr string
	}{
		{"valid", Rules{Select: []Selector{{CSS: "main > article.terms"}, {Range: &Range{StartAfter: "h1", EndBefore: "footer"}}}, Remove: []Selector{{CSS: ".x, .y"}}, Filters: []Filter{{Name: "removeQueryParams", Params: []byte(`["utm_source"]`)}, {Name: "custom", Script: "export function custom(d) {}"}}}, ""},
		{"unknown filter without script", Rules{Filters: []Filter{{Name: "removeDates"}}}, `filter[0]: filter "removeDates" is not built in`},
		{"removeQueryParams without names", Rules{Filters: []Filter{{Name: "removeQueryParams"}}}, "filter[0]: filter removeQueryParams: needs the names"},
		{"removeQueryParams with a number", Rules{Filters: []Filter{{Name: "removeQueryParams", Params: []byte(`3`)}}}, "want a parameter name or a list"},
		{"bad select css", Rules{Select: []Selector{{CSS: "div[["}}}, `select[0]: bad CSS selector "div[["`},
		{"bad remove css", Rules{Remove: []Selector{{CSS: ".ok"}, {CSS: "a::"}}}, `remove[1]: bad CSS selector "a::"`},
		{"empty selector", Rules{Select: []Selector{{}}}, "select[0]: empty selector"},
		{"range without end", Rules{Select: []Selector{{Range: &Range{StartAfter: "h1"}}}}, "exactly one of endBefore and endAfter"},
		{"range with two starts", Rules{Select: []Selector{{Range: &Range{StartAfter: "h1", StartBefore: "h2", EndAfter: "p"}}}}, "exactly one of startBefore and startAfter"},
		{"range with bad marker", Rules{Select: []Selector{{Range: &Range{StartAfter: "h1", EndAfter: "p]"}}}}, `bad CSS selector "p]"`},
		{"css and range", Rules{Select: []Selector{{CSS: "a", Range: &Range{StartAfter: "h1", EndAfter: "p"}}}}, "both css and a range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rules.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestExtractRejectsInvalidRules(t *testing.T) {
	_, err := Extract([]byte("<p>x</p>"), "text/html", "", Rules{Select: []Selector{{CSS: "p[["}}})
	if err == nil || !strings.Contains(err.Error(), "p[[") {
		t.Fatalf("err = %v, want a bad selector error", err)
	}
}
