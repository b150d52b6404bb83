package diff

// The scanners read ASCII text, most of a document, eight bytes at a time
// as one word, testing all eight bytes with a few operations: a byte of
// the result has its top bit set when the byte of text passes the test.

// highBits and lowBits are the top and the bottom bit of each byte of a
// word of eight bytes.
const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// load64 returns the eight bytes of s from i as one word, the first in
// the lowest byte.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// bytesAtMost marks the bytes of x, all ASCII, that are at most c (c <
// 0x80): 0x80+c-b keeps its top bit exactly when b <= c, and never
// borrows from the next byte.
func bytesAtMost(x uint64, c byte) uint64 {
	return (lowBits*(0x80+uint64(c)) - x) & highBits
}

// bytesIn marks the bytes of x, all ASCII, from lo to hi (0 < lo <= hi <
// 0x80).
func bytesIn(x uint64, lo, hi byte) uint64 {
	return bytesAtMost(x, hi) &^ bytesAtMost(x, lo-1)
}

// bytesEqual marks the bytes of x, all ASCII, that are c (0 < c < 0x80).
func bytesEqual(x uint64, c byte) uint64 {
	return bytesIn(x, c, c)
}

// wordBlocks returns where the eight-byte blocks of s from i that hold
// only ASCII letters, digits and single spaces end: no two spaces in a row
// and none last in its block, so that what follows a space is in the same
// block. Most of a line of prose is such blocks, which the scanners that
// look at every byte (plainWords, needsPunctSpacing) pass over whole.
func wordBlocks(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		if x&highBits != 0 {
			return i
		}
		sp := bytesEqual(x, ' ')
		word := bytesIn(x|0x2020202020202020, 'a', 'z') | bytesIn(x, '0', '9') | sp
		if word != highBits || sp&(sp>>8) != 0 || sp>>63 != 0 {
			return i
		}
	}
	return i
}
