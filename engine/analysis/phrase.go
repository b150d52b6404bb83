package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrase is written in a tiny pattern language so that the rule table
// stays readable data:
//
//	"opt out"                 two words in a row
//	"train*"                  a word starting with "train"
//	"sell|sells|sold"         any of several words
//	"access* ~3 contacts"     up to three other words in between
//	"*erkennung"              a word ending in "erkennung" (the end of a
//	                          German compound: "Gesichtserkennung")
//	"*standort*"              a word containing "standort"
//
// Words are lower case letters and digits, folded to plain letters
// ("données" is "donnees", "ß" is "ss"); text is tokenized the same way
// (apostrophes dropped, so "don't" is "dont", but French elisions split,
// so "l'utilisation" is "l utilisation"; hyphens split, so "opt-out" is
// "opt out").
type phrase []item

type item struct {
	alts []alt
	gap  int // > 0: up to gap arbitrary words
}

type alt struct {
	word   string
	prefix bool // "word*": the word starts with it
	suffix bool // "*word": the word ends with it; both: contains it
}

// minPrefix is the shortest stem a "word*" pattern may have; shorter stems
// would match too much and could not be indexed (see phraseIndex).
const minPrefix = 3

func parsePhrase(s string) (phrase, error) {
	var p phrase
	lower := strings.ToLower(s)
	for field := range strings.FieldsSeq(lower) {
		if split := splitElisions(field); split != field && strings.Contains(field, "|") {
			return nil, fmt.Errorf("phrase %q: %q: write alternatives without elisions (\"utilisation\", not \"l'utilisation|l'usage\")", s, field)
		}
	}
	for field := range strings.FieldsSeq(splitElisions(lower)) {
		if strings.HasPrefix(field, "~") {
			n, err := strconv.Atoi(field[1:])
			if err != nil || n < 1 || len(p) == 0 {
				return nil, fmt.Errorf("phrase %q: bad gap %q", s, field)
			}
			p = append(p, item{gap: n})
			continue
		}
		var it item
		for a := range strings.SplitSeq(field, "|") {
			prefix, suffix := strings.HasSuffix(a, "*"), strings.HasPrefix(a, "*")
			a = strings.TrimPrefix(strings.TrimSuffix(a, "*"), "*")
			if a == "" || strings.IndexFunc(a, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '\u2019' }) >= 0 {
				return nil, fmt.Errorf("phrase %q: bad word %q", s, a)
			}
			a = foldWord(a)
			if (prefix || suffix) && len(a) < minPrefix {
				return nil, fmt.Errorf("phrase %q: stem %q shorter than %d letters", s, a, minPrefix)
			}
			it.alts = append(it.alts, alt{word: a, prefix: prefix, suffix: suffix})
		}
		p = append(p, it)
	}
	if len(p) == 0 || p[len(p)-1].gap > 0 {
		return nil, fmt.Errorf("phrase %q: empty or ends with a gap", s)
	}
	return p, nil
}

// splitElisions writes French elisions apart as tokenize reads them:
// "d'entraîner" is "d entraîner"; other apostrophes stay in their word
// ("don't"), which foldWord then drops.
func splitElisions(s string) string {
	var b strings.Builder
	start := 0 // start of the current word in s
	for i, r := range s {
		switch {
		case r == '\'' || r == '\u2019':
			if isElision(s[start:i]) {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		case !isWordRune(r):
			b.WriteRune(r)
			start = i + utf8.RuneLen(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (a alt) matches(w string) bool {
	switch {
	case a.prefix && a.suffix:
		return strings.Contains(w, a.word)
	case a.prefix:
		return strings.HasPrefix(w, a.word)
	case a.suffix:
		return strings.HasSuffix(w, a.word)
	}
	return w == a.word
}

func (it item) matches(w string) bool {
	for _, a := range it.alts {
		if a.matches(w) {
			return true
		}
	}
	return false
}

// matchAt returns the end (exclusive) of the phrase matched at word i,
// or -1 when it does not match there.
func (p phrase) matchAt(words []string, i int) int {
	return matchItems(p, words, i)
}

func matchItems(items []item, words []string, i int) int {
	if len(items) == 0 {
		return i
	}
	it := items[0]
	if it.gap > 0 {
		for skip := 0; skip <= it.gap && i+skip <= len(words); skip++ {
			if end := matchItems(items[1:], words, i+skip); end >= 0 {
				return end
			}
		}
		return -1
	}
	if i >= len(words) || !it.matches(words[i]) {
		return -1
	}
	return matchItems(items[1:], words, i+1)
}

// contains reports whether the phrase matches anywhere in words.
func (p phrase) contains(words []string) bool {
	for i := range words {
		if p.matchAt(words, i) >= 0 {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
