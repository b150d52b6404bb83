package main

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
	"golang.org/x/text/unicode/norm"

	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/extract"
)

var (
	// linkTarget matches the target of a Markdown link or image,
	// "](https://…)", possibly with a title.
	linkTarget = regexp.MustCompile(`\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)`)
	// autolink matches <https://…> and <mailto:…>.
	autolink = regexp.MustCompile(`<(?:https?|mailto|ftp):[^>\s]*>`)
	// htmlTag matches inline HTML in Markdown, such as the <br> that
	// breaks a line inside a table cell: markup, not words.
	htmlTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>`)
)

// words returns the reading words of a Markdown text: runs of letters and
// digits, with link and image targets and inline HTML tags left out. Markdown syntax, spacing
// and punctuation do not count; what a reader reads does.
func words(markdown string) []string {
	// Composed and decomposed accents are the same letters.
	text := linkTarget.ReplaceAllString(norm.NFC.String(markdown), "]")
	text = autolink.ReplaceAllString(text, " ")
	text = htmlTag.ReplaceAllString(text, " ")
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// significant is the form in which the product decides whether a text
// changed (diff.Significant, as diff.Fingerprint uses it), after the
// links have been cleaned as the extractor cleans its own: applied to
// Open Terms Archive's Markdown, two versions with the same significant
// form differ only in noise.
func significant(markdown string) string {
	cleaned := linkTarget.ReplaceAllStringFunc(markdown, func(m string) string {
		target, title, _ := strings.Cut(m[2:len(m)-1], " ")
		if title != "" {
			title = " " + title
		}
		return "](" + extract.CleanLink(target) + title + ")"
	})
	return diff.Significant(cleaned)
}

// similarity is 1 - (word-level edit distance / length of the longer
// sequence): 1 for the same words in the same order, 0 for nothing in
// common.
func similarity(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	ra, rb := tokenRunes(a, b)
	dmp := diffmatchpatch.New()
	// A time limit keeps a pathological pair from stalling the run; the
	// diff is then valid but maybe not minimal, so the similarity is a
	// lower bound.
	dmp.DiffTimeout = 20 * time.Second
	d := dmp.DiffMainRunes(ra, rb, false)
	return 1 - float64(dmp.DiffLevenshtein(d))/float64(max(len(a), len(b)))
}

// wordDiff returns the words only in a and only in b, in order, for
// reports of what changed.
func wordDiff(a, b []string) (removed, added []string) {
	ra, rb := tokenRunes(a, b)
	dict := make(map[rune]string)
	for i, r := range ra {
		dict[r] = a[i]
	}
	for i, r := range rb {
		dict[r] = b[i]
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 20 * time.Second
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		var toks []string
		for _, r := range d.Text {
			toks = append(toks, dict[r])
		}
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			removed = append(removed, toks...)
		case diffmatchpatch.DiffInsert:
			added = append(added, toks...)
		}
	}
	return removed, added
}

// tokenRunes maps each distinct word to one rune so that the character
// diff of the library diffs words.
func tokenRunes(a, b []string) ([]rune, []rune) {
	ids := make(map[string]rune)
	next := rune(0x100)
	conv := func(toks []string) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				r = next
				ids[t] = r
				next++
				if next == 0xD800 { // surrogates are not runes
					next = 0xE000
				}
			}
			out[i] = r
		}
		return out
	}
	return conv(a), conv(b)
}
