package extract

// The scanners of the rendering and the normalizer skip runs of plain
// text eight bytes at a time, testing the eight bytes of a word at once;
// a byte of a mask has its top bit set when the byte of text passes the
// test. Unlike the ASCII-only tests of engine/diff, these hold for any
// byte, UTF-8 lead and continuation bytes included.

const (
	wordLow  = 0x0101010101010101 // the bottom bit of each byte
	wordHigh = 0x8080808080808080 // the top bit of each byte
)

// belowSpace marks the bytes of x up to the space: the space, the
// control characters and with them every HTML space. The low seven bits
// of a byte plus 0x5f carry into its top bit exactly when they exceed
// 0x20, and never into the next byte.
func belowSpace(x uint64) uint64 {
	return ^((x&^wordHigh + wordLow*0x5f) | x) & wordHigh
}

// spaceBytes marks the bytes of x that are a space.
func spaceBytes(x uint64) uint64 {
	z := x ^ wordLow*' '
	return ^((z&^wordHigh + wordLow*0x7f) | z) & wordHigh
}

// aboveTilde marks the bytes of x from DEL (0x7f) up.
func aboveTilde(x uint64) uint64 {
	return ((x&^wordHigh + wordLow) | x) & wordHigh
}

// skipWords returns the end of the run of words that single spaces
// separate from i in s, taken eight bytes at a time: no byte up to the
// space but spaces, none of them followed by another such byte, and, when
// plain is set, no byte from DEL up either (the normalizer's runs are
// printable ASCII). It stops at the first eight bytes that are not all in
// the run, and where fewer than nine are left (the test reads the byte
// after the eight), for the caller to go on byte by byte.
func skipWords[T string | []byte](s T, i int, plain bool) int {
	for i+9 <= len(s) {
		w := s[i : i+9]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		stop := belowSpace(x)
		if plain {
			stop |= aboveTilde(x)
		}
		// The same test of the byte after each of x.
		stopNext := stop >> 8
		if c := w[8]; c <= ' ' || plain && c >= 0x7f {
			stopNext |= 0x80 << 56
		}
		sp := spaceBytes(x)
		if stop&^sp != 0 || sp&stopNext != 0 {
			break
		}
		i += 8
	}
	return i
}
