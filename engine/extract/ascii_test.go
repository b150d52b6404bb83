package extract

import (
	"math/rand/v2"
	"testing"
)

// TestByteMasks checks the masks of every byte value in every place of a
// word, beside neighbours that could carry or borrow into it.
func TestByteMasks(t *testing.T) {
	tests := []struct {
		name string
		mask func(uint64) uint64
		want func(byte) bool
	}{
		{"belowSpace", belowSpace, func(c byte) bool { return c <= ' ' }},
		{"spaceBytes", spaceBytes, func(c byte) bool { return c == ' ' }},
		{"aboveTilde", aboveTilde, func(c byte) bool { return c >= 0x7f }},
	}
	for _, tt := range tests {
		for _, fill := range []uint64{0, 0xff, 0x20, 0x7f, 0x80, 0x21} {
			for place := range 8 {
				for c := range 256 {
					x := fill*wordLow&^(0xff<<(8*place)) | uint64(c)<<(8*place)
					got := tt.mask(x)
					for k := range 8 {
						b := byte(x >> (8 * k))
						if set := got>>(8*k)&0x80 != 0; set != tt.want(b) {
							t.Fatalf("%s(%#016x): byte %d (%#02x) marked %v", tt.name, x, k, b, set)
						}
					}
					if got&^wordHigh != 0 {
						t.Fatalf("%s(%#016x) = %#016x sets bits other than the top ones", tt.name, x, got)
					}
				}
			}
		}
	}
}

// TestSkipWords checks skipWords against its definition byte by byte on
// random text made of the bytes that matter.
func TestSkipWords(t *testing.T) {
	alphabet := []byte{'a', 'Z', '.', ' ', ' ', ' ', '\n', '\t', '\r', '\f', 0, 0x1f, 0x7e, 0x7f, 0x80, 0xc2, 0xa0, 0xe2, 0xff}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var buf [9]byte
		for k := range buf {
			if rng.IntN(3) == 0 {
				buf[k] = alphabet[rng.IntN(len(alphabet))]
			} else {
				buf[k] = 'a' + byte(rng.IntN(26))
			}
		}
		s := string(buf[:])
		for _, plain := range []bool{false, true} {
			stop := func(c byte) bool { return c <= ' ' || plain && c >= 0x7f }
			want := true
			for k := range 8 {
				if c := s[k]; stop(c) && (c != ' ' || stop(s[k+1])) {
					want = false
				}
			}
			end := 0
			if want {
				end = 8
			}
			if got := skipWords(s, 0, plain); got != end {
				t.Fatalf("skipWords(%q, plain %v) = %d, want %d", s, plain, got, end)
			}
			if got := skipWords(buf[:], 0, plain); got != end {
				t.Fatalf("skipWords([]byte %q, plain %v) = %d, want %d", s, plain, got, end)
			}
		}
	}
}
