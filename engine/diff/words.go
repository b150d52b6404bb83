package diff

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op kinds of a word-level diff.
const (
	OpEqual  = "equal"
	OpInsert = "insert"
	OpDelete = "delete"
)

// wordOps diffs two word sequences. Each distinct word becomes one rune so
// that diffmatchpatch works on words rather than characters (the same idea
// as its line mode). The diff runs without a deadline: a deadline would
// make the output depend on machine load.
func wordOps(oldWords, newWords []string) []Op {
	return tokenOps(oldWords, newWords, " ")
}

// maxWordDiff is the largest section (old plus new words) diffed word by
// word; the diff costs O(N·D), so larger rewrites are diffed by line.
const maxWordDiff = 10_000

// sectionOps diffs two section bodies: word by word, or line by line when
// they are very large.
func sectionOps(o, n *part) []Op {
	if len(o.words())+len(n.words()) <= maxWordDiff {
		return wordOps(o.words(), n.words())
	}
	return tokenOps(o.lines().nonEmpty(), n.lines().nonEmpty(), " ")
}

// tokenOps diffs two token sequences, joining the tokens of a run with sep.
func tokenOps(oldWords, newWords []string, sep string) []Op {
	vocab := make(map[string]rune, len(oldWords)/2+len(newWords)/2)
	var words []string
	encode := func(ws []string) []rune {
		rs := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := vocab[w]
			if !ok {
				r = indexRune(len(words))
				vocab[w] = r
				words = append(words, w)
			}
			rs[i] = r
		}
		return rs
	}
	a, b := encode(oldWords), encode(newWords)

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(a, b, false)

	ops := make([]Op, 0, len(diffs))
	for _, d := range diffs {
		var text strings.Builder
		size := 0
		for _, r := range d.Text {
			size += len(words[runeIndex(r)]) + len(sep)
		}
		text.Grow(size)
		for i, r := range []rune(d.Text) {
			if i > 0 {
				text.WriteString(sep)
			}
			text.WriteString(words[runeIndex(r)])
		}
		ops = append(ops, Op{Kind: opKind(d.Type), Text: text.String()})
	}
	return ops
}

// indexRune maps a vocabulary index to a rune, skipping the surrogate
// range, which does not survive conversion to a Go string.
func indexRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func runeIndex(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r - 1)
}

func opKind(t diffmatchpatch.Operation) string {
	switch t {
	case diffmatchpatch.DiffInsert:
		return OpInsert
	case diffmatchpatch.DiffDelete:
		return OpDelete
	}
	return OpEqual
}
