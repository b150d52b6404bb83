package diff

import (
	"slices"
	"strings"
	"testing"
)

// containsFoldReference is the plain loop containsASCIIFold must agree
// with: every start tried, each byte folded with 0x20.
func containsFoldReference(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && s[i+j]|0x20 == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

func TestContainsASCIIFold(t *testing.T) {
	long := strings.Repeat("We process your data. ", 400)
	tests := []struct {
		s, word string
	}{
		{"", "copy link"},
		{"Copy Link", "copy link"},
		{"COPY LINK", "copy link"},
		{"copy lin", "copy link"},
		{"ccopy link", "copy link"},
		{"Cc copY LInK", "copy link"},
		{long + "We Updated Our terms", "updated our"},
		{long + "updated ou", "updated our"},
		{"a page to translate", "translat"},
		{"TRANSLATION", "translat"},
		{"© Copyright 2024", "copyright"},
		{"copy\x00link", "copy link"}, // a folded NUL reads as a space, as it always did
		{"", ""},
		{"abc", ""},
		{"-9", "-9"},
		{"\r9", "-9"},
	}
	for _, tt := range tests {
		want := containsFoldReference(tt.s, tt.word)
		if got := containsASCIIFold(tt.s, tt.word); got != want {
			t.Errorf("containsASCIIFold(%.40q, %q) = %v, want %v", tt.s, tt.word, got, want)
		}
	}
}

func FuzzContainsASCIIFold(f *testing.F) {
	f.Add("We Updated Our policy", "updated our")
	f.Add("Copy link", "copy link")
	f.Add("xTRANSLATx", "translat")
	f.Fuzz(func(t *testing.T, s, word string) {
		word = strings.ToLower(word)
		if got, want := containsASCIIFold(s, word), containsFoldReference(s, word); got != want {
			t.Fatalf("containsASCIIFold(%q, %q) = %v, want %v", s, word, got, want)
		}
	})
}

// BenchmarkContainsASCIIFold looks for a phrase absent from an 80 KB
// document, as the chrome pass does in most documents.
func BenchmarkContainsASCIIFold(b *testing.B) {
	doc := benchDoc(80_000, 1)
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if containsASCIIFold(doc, "updated our") {
			b.Fatal("found a phrase the document does not hold")
		}
	}
}

func TestDropLines(t *testing.T) {
	isX := func(lines []string, i int) bool { return lines[i] == "x" }
	tests := []struct {
		in, want string
		removed  []string
	}{
		{"a\nb\n", "a\nb\n", nil},
		{"x\na\nx\nb\nx", "a\nb", []string{"x", "x", "x"}},
		{"a\n\nx\n", "a\n\n", []string{"x"}},
		{"", "", nil},
	}
	for _, tt := range tests {
		var removed []string
		if got := dropLines(tt.in, &removed, isX); got != tt.want || !slices.Equal(removed, tt.removed) {
			t.Errorf("dropLines(%q) = %q, removed %q; want %q, removed %q", tt.in, got, removed, tt.want, tt.removed)
		}
	}
}
