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
		for i, r := range []rune(d.Text) {
			if i > 0 {
				text.WriteByte(' ')
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
