package diff

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The scanners of scanners.go must give exactly what the expressions and
// library calls they replace give.
var plainCases = []string{
	"Visit https://Example.COM/path/ or HTTP://x.y, and https//no or http://.",
	"(see http://a.b/c) <https://d.e/> [http://f.g] \"http://h.i\" 'https://j.k'",
	"httpss://not and hthttp://yes.example/ and http://",
	"https://a.b?u=http://c.d https:// x http://(y) ttps://z HTTPS://E.F/ h://g http://h.i/http://j.k/",
	"://start and http:// https://x://y.z/ s://w and HttP://Q/ hTTpS://r/",
	"Minato-ku,Tokyo ; En ligne : yes , no ,, ;; a ,b ;c .d ",
	"end with spaces   ",
	"comma at end,",
	"a ,\t. b;\n",
	"",
	" ",
	"plain words only",
	"  leading and trailing  ",
	"tab\there and\nnewline",
	"no\u00a0break and\u2028line separator",
	"See [our policy](https://example.com/policy) for details.",
	"An image ![logo](/img/logo.png) and a link [here](#top).",
	"Nested [a [b](c) and [d]e](f) and [g](h",
	"Bang without image! [x](y) and !![z](w)",
	"[unclosed text and ] later ( and ) after",
	"[a](b)[c](d)",
	"![](empty)",
	"**bold** and __under__ and `code` and \\*escaped\\*",
	"a * single star and an_underscore",
	"caf\xe9 invalid byte [x](y)",
	"é [ü](ö) ñ",
}

func TestLinkTexts(t *testing.T) {
	link := regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	for _, s := range plainCases {
		if got, want := linkTexts(s), link.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("linkTexts(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestStripEmphasis(t *testing.T) {
	for _, s := range append(plainCases, "***bold** and *one*", "__init__ _x_ ___", "a\\*b \\\\ `code` ``", "**\u00e9**_\xff_") {
		if got, want := stripEmphasis(s), emphasis.Replace(s); got != want {
			t.Errorf("stripEmphasis(%q) = %q, want %q", s, got, want)
		}
	}
	// Random runs of the markers and their halves.
	alphabet := []string{"*", "_", "`", "\\", "**", "__", "a", " ", "\u00e9", "\xff"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := randomLine(rng, alphabet, 12)
		if got, want := stripEmphasis(s), emphasis.Replace(s); got != want {
			t.Fatalf("stripEmphasis(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCollapseSpaces(t *testing.T) {
	for _, s := range append(plainCases, "a  b", "a b ", " a", "a\u3000b", "a\u0085b", "x\x85y") {
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestToLower(t *testing.T) {
	for _, s := range append(plainCases, "ÉCOLE Straße İstanbul ΣΑΣ", "KELVIN K", "ÿþBAD", "�") {
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestCanonicalURLs(t *testing.T) {
	for _, s := range plainCases {
		if got, want := canonicalURLs(s), webURL.ReplaceAllStringFunc(s, canonicalURL); got != want {
			t.Errorf("canonicalURLs(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNeedsPunctSpacing(t *testing.T) {
	// A comma, one space and other punctuation comes out as it went in.
	for _, s := range append(plainCases, "0, !", "a; ?", "a,  !", "a, ,", "a ,", "x, .y") {
		if got, want := needsPunctSpacing(s), punctSpacing(s) != s; got != want {
			t.Errorf("needsPunctSpacing(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestAppendFields(t *testing.T) {
	for _, s := range append(plainCases, "a\u0085b\u00a0c\x85d\ve") {
		if got, want := appendFields([]string{"x"}, s), append([]string{"x"}, strings.Fields(s)...); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNeedsTypographyKnowsEveryCharacter(t *testing.T) {
	for i := 0; i < len(typographyPairs); i += 2 {
		if s := "a" + typographyPairs[i] + "b"; !needsTypography(s) {
			t.Errorf("needsTypography(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"plain", "café ● 【notice】 ü", "\xff\xfe"} {
		if needsTypography(s) {
			t.Errorf("needsTypography(%q) = true, want false", s)
		}
	}
}

// TestNeedsTypographyAtEveryPlace puts each character of the map, and a
// character outside it, at every place of a line long enough to be read
// eight bytes at a time.
func TestNeedsTypographyAtEveryPlace(t *testing.T) {
	const line = "We keep your data for thirty days after you close the account."
	for i := 0; i < len(typographyPairs); i += 2 {
		for at := 0; at <= len(line); at++ {
			if s := line[:at] + typographyPairs[i] + line[at:]; !needsTypography(s) {
				t.Fatalf("needsTypography(%q) = false, want true", s)
			}
		}
	}
	for _, other := range []string{"\u00e9", "\u25cf", "\x0b", "\x00", "\x7f", "\xff"} {
		for at := 0; at <= len(line); at++ {
			if s := line[:at] + other + line[at:]; needsTypography(s) {
				t.Fatalf("needsTypography(%q) = true, want false", s)
			}
		}
	}
}

// refMarkdownImage is the expression imageAt replaced: ![alt](src "title").
var refMarkdownImage = regexp.MustCompile(`!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)`)

// checkLinkScanners checks the image and in-page link scanners against
// the expressions.
func checkLinkScanners(t *testing.T, s string) {
	t.Helper()
	if got, want := replaceLinks(s, imageAt), refMarkdownImage.ReplaceAllString(s, "$1"); got != want {
		t.Errorf("replaceLinks(%q, imageAt) = %q, want %q", s, got, want)
	}
	if got, want := replaceLinks(s, anchorAt), anchorLink.ReplaceAllString(s, "$1"); got != want {
		t.Errorf("replaceLinks(%q, anchorAt) = %q, want %q", s, got, want)
	}
}

func TestLinkScannersMatchExpressions(t *testing.T) {
	for _, line := range append(trickyLines,
		"![a](b)", "![a](b \"t\")", "![a](b  \"t\")x", "![a](b \"t\" )", "![a](b \"t)", "![](x)![y](z)", "!![a](b)",
		"![a [b](c)", "[a](#b)", "[a](#b c)", "[a](#)", "[[a](#b)](#c)", "[a]](#b)", "[a](#b)[c](#d)", "x [a\n](#b\t)", "[a](# b)",
		"[a](<#b c>)", "[a](<#b c)", "[a](#b c>)", "[a](<#b>x)", "[a](<<#b>)", "[a](#b(c))", "[a](#b>>)", "[a](<b)") {
		checkLinkScanners(t, line)
	}
	pieces := []string{"!", "[", "]", "(", ")", "#", " ", "\t", "\n", "\"", "a", "b.png", "\xff", "\u00e9", "](", "](#", "![", "<", ">", "](<#"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(14) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkLinkScanners(t, b.String())
		if t.Failed() {
			return
		}
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range plainCases {
		f.Add(s)
	}
	link := regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := linkTexts(s), link.ReplaceAllString(s, "$1"); got != want {
			t.Errorf("linkTexts(%q) = %q, want %q", s, got, want)
		}
		checkLinkScanners(t, s)
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Errorf("toLower(%q) = %q, want %q", s, got, want)
		}
		if got, want := canonicalURLs(s), webURL.ReplaceAllStringFunc(s, canonicalURL); got != want {
			t.Errorf("canonicalURLs(%q) = %q, want %q", s, got, want)
		}
		if got, want := needsPunctSpacing(s), punctSpacing(s) != s; got != want {
			t.Errorf("needsPunctSpacing(%q) = %v, want %v", s, got, want)
		}
		if s != "" && plainWords(s) {
			var b sigWriter
			appendTokens(&b, s)
			if b.s.String() != s {
				t.Errorf("plainWords(%q) = true, but its tokens are %q", s, b.s.String())
			}
		}
		if !needsTypography(s) && typography.Replace(s) != s {
			t.Errorf("needsTypography(%q) = false, but the map changes it", s)
		}
	})
}

// dateShape is what hasDateShape looks for: four digits in a row, or
// digits around a slash or a dot.
var dateShape = regexp.MustCompile(`[0-9]{4}|[0-9][/.][0-9]`)

// TestWordScannersOnLongLines checks the scanners that read eight ASCII
// bytes at a time against the library calls they stand for, on random
// lines of the bytes at the edges of their tests.
func TestWordScannersOnLongLines(t *testing.T) {
	alphabet := []string{" ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x08", "\x0e", "\x1f", "a", "z", "A", "Z", "@", "[", "`", "{",
		"0", "9", "/", ".", ":", "\x7f", "\u00e9", "\u00a0", "\u2028", "\u0130", "\u212a", "\xff", "We share it ", "2024", "12/31"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 30000 {
		s := randomLine(rng, alphabet, 24)
		if got, want := collapseSpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := toLower(s), strings.ToLower(s); got != want {
			t.Fatalf("toLower(%q) = %q, want %q", s, got, want)
		}
		want := 0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				want++
			}
		}
		if got := alnumCount(s); got != want {
			t.Fatalf("alnumCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := hasDateShape(s), dateShape.MatchString(s); got != want {
			t.Fatalf("hasDateShape(%q) = %v, want %v", s, got, want)
		}
		if got, want := needsTypography(s), typography.Replace(s) != s; got != want {
			t.Fatalf("needsTypography(%q) = %v, want %v", s, got, want)
		}
	}
}

// randomLine joins up to max-1 pieces of alphabet drawn by rng.
func randomLine(rng *rand.Rand, alphabet []string, max int) string {
	var b strings.Builder
	for range rng.IntN(max) {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}
