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

// plainBlocks returns where the eight-byte blocks of s from i that
// plainWords would let through byte by byte end: printable ASCII without
// emphasis marks, escapes or DEL, no two spaces or dashes in a row and
// neither last in its block, so that what follows one is in the same
// block. Most of a line of prose, punctuation included, is such blocks,
// which plainWords passes over whole.
func plainBlocks(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		if x&highBits != 0 {
			return i
		}
		bad := bytesAtMost(x, 0x1f) | bytesEqual(x, 0x7f) | bytesEqual(x, '*') | bytesIn(x, '_', '`') |
			bytesEqual(x, '\\') | bytesEqual(x, '|') | bytesEqual(x, '~')
		sp, dash := bytesEqual(x, ' '), bytesEqual(x, '-')
		if bad != 0 || sp&(sp>>8) != 0 || dash&(dash>>8) != 0 || (sp|dash)>>63 != 0 {
			return i
		}
	}
	return i
}

// punctBlocks returns where the eight-byte blocks of s from i in which
// needsPunctSpacing finds nothing, looking at them byte by byte, end: no
// control byte, no space followed by a space or punctuation, no comma or
// semicolon followed by anything but a space or another, and neither a
// space nor a separator last in its block. Bytes of multi-byte characters
// are none of these and pass.
func punctBlocks(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		high := x & highBits
		// With the top bits cleared no byte borrows from the next, and
		// the bytes that had one are taken out of every mark.
		x &^= highBits
		if bytesAtMost(x, 0x1f)&^high != 0 {
			return i
		}
		sp := bytesEqual(x, ' ') &^ high
		sep := (bytesEqual(x, ',') | bytesEqual(x, ';')) &^ high
		punct := sep | (bytesEqual(x, '.')|bytesEqual(x, ':')|bytesEqual(x, '!')|bytesEqual(x, '?'))&^high
		if sp&((sp|punct)>>8) != 0 || sep&^((sp|sep)>>8) != 0 || (sp|sep)>>63 != 0 {
			return i
		}
	}
	return i
}
