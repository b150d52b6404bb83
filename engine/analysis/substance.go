package analysis

// What a statement names and counts: the places, parties and numbers that
// tell a changed term from a reworded one.

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// figureChanged reports whether an added statement restates a removed one
// (most of their words shared) with other numbers: a period, an age, an
// amount.
func figureChanged(added, removed []finding) bool {
	for _, a := range added {
		r := restated(a, removed)
		if r == nil {
			continue
		}
		if !slices.Equal(figures(a.words), figures(r.words)) {
			return true
		}
	}
	return false
}

// restatement is the share of words two statements have in common when
// one restates the other.
const restatement = 0.6

// sameSubstance reports whether the added and removed statements name the
// same places and parties (capitalised words) and the same numbers.
func sameSubstance(added, removed []finding) bool {
	return slices.Equal(substance(added), substance(removed))
}

func substance(fs []finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, names(f.text)...)
		out = append(out, figures(f.words)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// names returns the capitalised words of text, lower-cased: the places,
// parties and laws it names ("California", "England", "Meta"). A sentence's
// first word counts only when it is not a common opener ("These", "All").
func names(text string) []string {
	var out []string
	first := true
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		opener := first && isOpener(lw)
		first = false
		if r := []rune(w)[0]; unicode.IsUpper(r) && !opener {
			out = append(out, lw)
		}
	}
	return out
}

func isOpener(w string) bool {
	switch w {
	case "the", "these", "this", "that", "all", "any", "each", "every", "if", "in", "by", "to", "for",
		"you", "we", "our", "your", "unless", "except", "where", "when", "such", "both", "either", "nothing",
		"without", "otherwise":
		return true
	}
	return false
}

// figures returns the numbers of a statement in order, numbers written as
// words before a unit of time included ("two years" is 2), without the
// clause number it may start with ("19.3.2", "(4)") and the numbers of the
// sections and articles it refers to.
func figures(words []string) []string {
	i := 0
	for i < len(words) && isNumber(words[i]) {
		i++
	}
	var out []string
	for j := i; j < len(words); j++ {
		w := words[j]
		switch {
		case isReference(w):
			// "Section 14.4", "Art. 6 (4)": where to read, not a term.
			for j+1 < len(words) && isNumber(words[j+1]) {
				j++
			}
		case isNumber(w):
			out = append(out, strings.TrimLeft(w, "0"))
		case j+1 < len(words) && numberWord(w) > 0 && isTimeUnit(words[j+1]):
			out = append(out, strconv.Itoa(numberWord(w)))
		}
	}
	return out
}

// isReference reports whether w names a part of a text or a law, which the
// numbers after it point to.
func isReference(w string) bool {
	switch w {
	case "section", "sections", "article", "articles", "art", "clause", "clauses", "paragraph", "para", "chapter", "part", "annex", "appendix", "schedule":
		return true
	}
	return false
}

func isNumber(w string) bool {
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

func isTimeUnit(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "hour", "day", "week", "month", "year":
		return true
	}
	return false
}

// numberWord returns the value of a number policies spell out before a
// period ("two years"), 0 for any other word.
func numberWord(w string) int {
	switch w {
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "ten":
		return 10
	case "twelve":
		return 12
	case "eighteen":
		return 18
	case "thirty":
		return 30
	case "sixty":
		return 60
	case "ninety":
		return 90
	}
	return 0
}

// namesNothingNew reports whether the statements of added name no place,
// party or figure that the statements of old do not.
func namesNothingNew(added, old []finding) bool {
	was := substance(old)
	for _, s := range substance(added) {
		if _, found := slices.BinarySearch(was, s); !found {
			return false
		}
	}
	return true
}
