package diff

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The regular expressions the scanners of normalization replaced; they
// stay here as the reference the scanners must agree with byte for byte.
var (
	refSpaceBeforePunct = regexp.MustCompile(`\s+([,;.:!?])`)
	refGlued            = regexp.MustCompile(`([,;])([^\s,;])`)
)

func refPunctSpacing(line string) string {
	line = refSpaceBeforePunct.ReplaceAllString(line, "$1")
	return refGlued.ReplaceAllString(line, "$1 $2")
}

// trickyLines are lines written to exercise the corners of
// normalization: links, schemes, trailing slashes, dates, punctuation
// spacing and images.
var trickyLines = []string{
	"", " ", ",", ", ", " ,", ",,", ", ,", ", .", ",\t.", ";  :x", ", ;x", "a ,b", "a , b", "a,b;c", "a;;b",
	"Tokyo 108-0073,Minato-ku , Japan.", "En ligne : voir ici !", "Why ?Because.", "end ,", "x,\u00e9t\u00e9", "x,\xff", "x ,\xff;",
	"Read our [Privacy Statement](https://Example.com/legal/privacy/) and http://ec.europa.eu/consumers/odr/.",
	"See HTTPS://WWW.Example.COM/a/b/?q=1#frag, then http://x.org/.", "Contents: [Your data](#data),[Cookies](#cookies).",
	"![](https://cdn.example.com/banner.png?width=794)", `![Alt text](https://cdn.example.com/a.png "Title") after`,
	"Last updated: March 1, 2024", "Last Updated on Tuesday, 3rd of May 2023.", "Effective as of 2024-01-31; version date 12/31/24",
	"updated 1 jan 2020, revised Feb. 2, 2021 and modified 2022/3/4", "last   modified:** _Sep 9, 2019_", "Published on 5.6.2020x",
	"© 2019 - 2024 Example, Inc.", "Copyright (c) 2024 Example", "copyright ©2020–2023", "Updated: within 30 days, in 2024 .",
	"Last revised 31 December 2024 ; see, also : updates.", "Date of last revision: 2024-02-30.", "effectiveDate 2024-01-01",
	"Last updated: March 1, 2024Last updated: April 2, 2024", "LAST UPDATED:\tJANUARY 15TH, 2025",
}

func TestPunctSpacingMatchesReference(t *testing.T) {
	for _, line := range trickyLines {
		if got, want := punctSpacing(line), refPunctSpacing(line); got != want {
			t.Errorf("punctSpacing(%q) = %q, want %q", line, got, want)
		}
	}
	// Random lines over an alphabet of the characters that matter.
	alphabet := []string{" ", "\t", "\n", "\f", "\r", "\v", ",", ";", ".", ":", "!", "?", "a", "1", "\u00e9", "\xff", "-", "("}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		line := b.String()
		if got, want := punctSpacing(line), refPunctSpacing(line); got != want {
			t.Fatalf("punctSpacing(%q) = %q, want %q", line, got, want)
		}
	}
}

// refCleanLine is cleanLine as it was with regular expressions only.
func refCleanLine(s string) string {
	if needsTypography(s) {
		s = typography.Replace(s)
	}
	if hasDateShape(s) && mayHaveDateLabel(s) {
		s = datedLabel.ReplaceAllString(s, "$1$2")
	}
	if hasDateShape(s) && mayHaveCopyright(s) {
		s = copyrightYears.ReplaceAllString(s, "$1$2")
	}
	return s
}

func TestCleanLineMatchesReference(t *testing.T) {
	for _, line := range trickyLines {
		if got, want := cleanLine(line), refCleanLine(line); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", line, got, want)
		}
	}
	// Random lines of label, date and separator fragments.
	pieces := []string{" ", "  ", "\t", ":", "*", "_", ",", "-", ".", "/", "x", "a", "\u017f", "\u00e9",
		"Last", "last", "LAST", "updated", "Updated", "modified", "on", "effective", "Effective", "date", "Date",
		"as", "of", "from", "version", "revised", "published", "Publish", "revision", "update", "change", "amended",
		"reviewed", "changed", "la\u017ft", "Tuesday", "tue", "March", "mar", "Sept", "sep", "dec", "1", "12", "31",
		"1st", "3rd", "2024", "20245", "2024-01-31", "12/31/24", "5.6.2020", "©", "(c)", "(C)", "copyright", "CopyRight", "2019–2024"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		line := b.String()
		if got, want := cleanLine(line), refCleanLine(line); got != want {
			t.Fatalf("cleanLine(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestCopyrightYearFollows(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{"© 2019-2024 Example Inc.", true},
		{"Copyright (c) 2024 Example Inc.", true},
		{"COPYRIGHT ©\t2024", true},
		{"(C)2023 Example", true},
		{"We may (a) share it, (b) sell it or (c) keep it until 2030.", false},
		{"(c) the law of 2018 applies.", false},
		{"Our copyright policy was updated in 2024.", false},
		{"Copyright 123 Main Street", false},
		{"copyright", false},
	} {
		if got := copyrightYearFollows(tt.line); got != tt.want {
			t.Errorf("copyrightYearFollows(%q) = %v, want %v", tt.line, got, tt.want)
		}
		if got, want := cleanLine(tt.line), refCleanLine(tt.line); got != want {
			t.Errorf("cleanLine(%q) = %q, want %q", tt.line, got, want)
		}
	}
}

// refPlainWords is what plainWords lets through, said plainly: no
// space first, last or twice in a row, no run of dashes, no emphasis
// mark, escape, control or other white space.
func refPlainWords(line string) bool {
	if strings.HasPrefix(line, " ") || strings.HasSuffix(line, " ") || strings.Contains(line, "  ") ||
		strings.Contains(line, "--") || strings.ContainsAny(line, "*_`|~\\\x7f") {
		return false
	}
	for _, r := range line {
		if r < ' ' || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// TestPlainScannersOnLongLines checks plainWords and needsPunctSpacing,
// which pass over blocks of eight bytes whole, against their references
// on random lines of words and of the bytes that end a block: spaces in
// pairs or last, punctuation, decorations, dashes, controls and
// multi-byte letters and spaces.
func TestPlainScannersOnLongLines(t *testing.T) {
	alphabet := []string{" ", " ", "  ", "\t", "\n", "\x1f", "\x7f", "a", "Zz", "q", "@", "[", "`", "{", "0", "9", ",", ";", ".", ":", "!",
		"?", "*", "_", "-", "--", "\\", "|", "~", "#", "\u00e9", "\u00a0", "\u2028", "\xff", "We share it ", "with partners ", "1234567"}
	checkPlainScanners(t, rand.New(rand.NewPCG(9, 10)), alphabet, 50000, 30)
}

// TestPlainScannersBlockEdges checks plainWords and needsPunctSpacing,
// which pass over blocks of eight bytes whole, on random lines of the
// bytes at the edges of their block tests: the neighbours of each byte
// they look for, and multi-byte characters whose bytes read as a space,
// a comma, a semicolon, a full stop or a control once their top bit is
// cleared.
func TestPlainScannersBlockEdges(t *testing.T) {
	alphabet := []string{" ", " ", "\t", "\n", "\f", "\r", "a", "b", "Z", "0", "\x1f", "\x7f", "!", "\"", "+", ",", "-", ".", "/", ":", ";", "<", "?", "@",
		"*", ")", "^", "_", "`", "a", "{", "|", "}", "~", "\\", "[", "]", "\u00a0", "\u00ac", "\u00bb", "\u00ae", "\u00a1",
		"\u00bf", "\u0085", "\u2028", "\u00e9", "Terms apply. ", "We, or you; ", "one-two "}
	checkPlainScanners(t, rand.New(rand.NewPCG(11, 12)), alphabet, 100000, 40)
}

// checkPlainScanners compares plainWords and needsPunctSpacing with their
// references on n random lines of alphabet (randomLine with max).
func checkPlainScanners(t *testing.T, rng *rand.Rand, alphabet []string, n, max int) {
	t.Helper()
	for range n {
		s := randomLine(rng, alphabet, max)
		if s == "" {
			continue
		}
		if got, want := plainWords(s), refPlainWords(s); got != want {
			t.Fatalf("plainWords(%q) = %v, want %v", s, got, want)
		}
		if got, want := needsPunctSpacing(s), refPunctSpacing(s) != s; got != want {
			t.Fatalf("needsPunctSpacing(%q) = %v, want %v", s, got, want)
		}
	}
}

// refSpaceBeforeParen is spaceBeforeParen looking at every byte for an
// opening parenthesis, as it first did.
func refSpaceBeforeParen(line string) string {
	var b strings.Builder
	last := 0
	for i := 1; i < len(line); i++ {
		if line[i] != '(' {
			continue
		}
		if line[i-1] == ']' {
			i = closingParen(line, i)
			continue
		}
		at := i
		if line[i-1] == '\\' {
			at = i - 1
		}
		if at == 0 || !gluedBeforeParen(line[at-1]) {
			continue
		}
		b.WriteString(line[last:at])
		b.WriteByte(' ')
		last = at
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

func TestSpaceBeforeParenMatchesReference(t *testing.T) {
	alphabet := []string{"(", "(", ")", "]", "[", "\\", "a", "Z", "1", " ", "-", "\u00e9", "](", "site(", "[x](https://a.example/(b))"}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 50000 {
		s := randomLine(rng, alphabet, 16)
		if got, want := spaceBeforeParen(s), refSpaceBeforeParen(s); got != want {
			t.Fatalf("spaceBeforeParen(%q) = %q, want %q", s, got, want)
		}
	}
}
