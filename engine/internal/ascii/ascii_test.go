package ascii

import (
	"regexp"
	"testing"
)

// TestWordByte checks WordByte against the word characters of the
// regexp package's \w, byte by byte.
func TestWordByte(t *testing.T) {
	word := regexp.MustCompile(`^\w$`)
	for c := range 128 {
		if got, want := WordByte(byte(c)), word.MatchString(string(rune(c))); got != want {
			t.Errorf("WordByte(%q) = %v, want %v", rune(c), got, want)
		}
	}
	alnum := regexp.MustCompile(`^[[:alnum:]]$`)
	for c := range 128 {
		if got, want := Alnum(byte(c)), alnum.MatchString(string(rune(c))); got != want {
			t.Errorf("Alnum(%q) = %v, want %v", rune(c), got, want)
		}
	}
	for c := 128; c < 256; c++ {
		if WordByte(byte(c)) || Alnum(byte(c)) {
			t.Errorf("WordByte or Alnum(%#x) = true, want false outside ASCII", c)
		}
	}
}
