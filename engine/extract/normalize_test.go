package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"blank", " \n\t\r\n ", ""},
		{"final newline added", "Terms", "Terms\n"},
		{"crlf and cr", "a\r\nb\rc", "a\nb\nc\n"},
		{"blank lines collapse", "a\n\n\n\n  \nb", "a\n\nb\n"},
		{"leading and trailing blank lines", "\n\n a\n\n", " a\n"},
		{"inner spaces collapse, trailing go", "a   b \t c   ", "a b c\n"},
		{"indentation kept, tab is four", "- a\n  - b\n\t- c", "- a\n  - b\n    - c\n"},
		{"nbsp and narrow nbsp", "a\u00a0b\u202fc", "a b c\n"},
		{"unicode spaces", "a\u2002b\u2009c\u3000d", "a b c d\n"},
		{"zero width and soft hyphen", "pri\u00advacy\u200b po\u200dli\ufeffcy", "privacy policy\n"},
		{"curly quotes", "\u201cTerms\u201d and \u2018we\u2019re\u2019 \u201eDE\u201c", "\"Terms\" and 'we're' \"DE\"\n"},
		{"dashes", "a\u2013b \u2014 c\u2011d \u2212 e", "a-b - c-d - e\n"},
		{"ellipsis", "and so on\u2026", "and so on...\n"},
		{"control characters", "a\x00b\x07c\u0085d", "abcd\n"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc\n"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb\n"},
		{"nfc", "cafe\u0301", "caf\u00e9\n"},
		{"nfc singleton to space", "a\u2000b", "a b\n"},
		{"cr, dropped rune, lf is one break", "a\r\u200b\nb", "a\nb\n"},
		{"invalid runs around a dropped rune", "a\xff\xfe\u200b\xffb", "a\uFFFD\uFFFDb\n"},
		{"combining mark after a space", "a \u0301 b", "a \u0301 b\n"},
		{"combining mark after a dropped rune", "e\u200b\u0301", "\u00e9\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got != tt.want {
				t.Fatalf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Normalize(got); again != got {
				t.Fatalf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\nb", "\u201cx\u201d\u00a0\u2014", "  - a\n\t- b", "e\u0301\u200d", "\xff\xfe", "a\u2000\u0301",
		"a \u0301\n\u0301b", "\r\u200b\nx", "\xff\u200b\xff", "\ufffd\xff", "x\u2026\u0301", "e\t\u0301", "\u2028\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Normalize(in)
		if got != Normalize(in) {
			t.Fatal("not deterministic")
		}
		if step := normalizeComposed(in); got != step {
			t.Fatalf("one pass %q, step by step %q, for %q", got, step, in)
		}
		if fromBytes := normalize([]byte(in)); got != fromBytes {
			t.Fatalf("from a string %q, from bytes %q, for %q", got, fromBytes, in)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, got, again)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 output %q", got)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, " \n") || strings.Contains(got, "\n\n\n") {
			t.Fatalf("layout not normalized: %q", got)
		}
		if got != "" && !strings.HasSuffix(got, "\n") {
			t.Fatalf("no final newline: %q", got)
		}
	})
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(page(`<nav>x</nav>`, `<h1>T</h1><p>a <a href="/p?utm_source=1">b</a></p>`, ``)), "text/html", "article")
	f.Add([]byte("<table><tr><td>a<td>b</table>"), "text/html; charset=windows-1252", "")
	f.Add([]byte("plain\r\ntext"), "text/plain", "")
	f.Add(minimalPDF("Hello"), "application/pdf", "")
	f.Add([]byte("%PDF-1.7\n1 0 obj"), "", "")
	f.Add([]byte(`<span data-cfemail="42">x</span><base href="::"><a href="%zz">y</a>`), "text/html", "span")
	f.Fuzz(func(t *testing.T, body []byte, contentType, sel string) {
		rules := Rules{}
		if sel != "" {
			rules.Select = []Selector{{CSS: sel}}
		}
		a, errA := Extract(body, contentType, "https://example.com/a/b", rules)
		b, errB := Extract(body, contentType, "https://example.com/a/b", rules)
		if a != b || (errA == nil) != (errB == nil) {
			t.Fatalf("not deterministic: %q/%v vs %q/%v", a, errA, b, errB)
		}
		if errA == nil && Normalize(a) != a {
			t.Fatalf("output not normalized: %q", a)
		}
	})
}

// TestNFCBelowCombiningMarks checks what normalizer.inNFC relies on: text
// made only of characters below U+0300 is in NFC, whatever their order.
// Characters that NFC changes or that compose with the one before all
// come later; one pair of each two characters below U+0300 is enough,
// since NFC changes text only where a character or its neighbour does.
func TestNFCBelowCombiningMarks(t *testing.T) {
	for a := rune(0); a < firstComposing; a++ {
		var b strings.Builder
		for c := rune(0); c < firstComposing; c++ {
			b.WriteRune(a)
			b.WriteRune(c)
		}
		if s := b.String(); !norm.NFC.IsNormalString(s) {
			t.Fatalf("U+%04X followed by characters below U+0300 is not in NFC: %q", a, norm.NFC.String(s))
		}
	}
	// The first that is not: a combining mark after a letter.
	if norm.NFC.IsNormalString("e" + string(firstComposing)) {
		t.Fatalf("U+%04X should compose with e", firstComposing)
	}
}

// TestNormalizeKnowsNFC checks that the one pass reports NFC as reading
// the result would, on text with and without characters from U+0300 on.
func TestNormalizeKnowsNFC(t *testing.T) {
	for _, in := range []string{
		"plain ASCII", "caf\u00e9 \u00a9 \u00ff \u02ff", "cafe\u0301", "\u00e9\u0301", "\u212b", "a\u2000b",
		"\ufffd", "a\xffb", "\u4e2d\u6587", "\u1100\u1161", "x\u2026", "e\u200b\u0301", "\u0344",
	} {
		out, inNFC := normalizeOnePass(in)
		if want := norm.NFC.IsNormalString(out); inNFC != want {
			t.Errorf("normalizeOnePass(%q) reports NFC %v, reading %q says %v", in, inNFC, out, want)
		}
	}
}
