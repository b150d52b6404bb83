package analysis

// References to laws: a statement that names the law a practice follows,
// or is the title of a law, adds no practice of its own.

import (
	"slices"
	"strings"
	"unicode"
)

// isLawTitle reports whether a statement is the title of a law or of a
// part of one ("Part 202 on Access to U.S. Sensitive Personal Data by
// Countries of Concern"): it cites a law and nearly all its longer words
// are capitalised, as in a title, not a sentence saying what is done.
func isLawTitle(text string, words []string) bool {
	if !citesLaw(words) {
		return false
	}
	long, upper := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		if unicode.IsUpper([]rune(w)[0]) {
			upper++
		}
	}
	return long >= 4 && upper*5 >= long*4
}

// isLawDefinition reports whether a statement defines a term by a law
// ("“Covered Data” means personal data, as defined in Part 202 on …"):
// the term means what the law says it means, and the statement says
// nothing of what is done with it.
func isLawDefinition(text string, words []string) bool {
	t := strings.TrimLeft(strings.TrimSpace(text), "*_ ")
	if t == "" || !strings.ContainsRune("\"“'‘", []rune(t)[0]) {
		return false
	}
	definition, defined := false, false
	for i, w := range words {
		definition = definition || w == "means" || w == "refers" || w == "meaning"
		defined = defined || w == "defined" && definition && citesLaw(words[i:])
	}
	return defined
}

// citesLaw reports whether words name a law: an act, regulation, code or
// one of the laws known by their acronym, or a part or title of one with
// its number.
func citesLaw(words []string) bool {
	for i, w := range words {
		if isLawName(w) {
			return true
		}
		if (w == "part" || w == "title") && i+1 < len(words) && isNumber(words[i+1]) {
			return true
		}
	}
	return false
}

func isLawName(w string) bool {
	return slices.Contains(strings.Split(lawNames, "|"), w)
}

// onlyLawReferences reports whether every added statement restates a
// removed one and every removed one an added one, the words that differ
// being only a reference to a law: its name ("the Children's Online
// Privacy Protection Act", "COPPA"), its articles and the words that
// attach it ("in compliance with", "as required by").
func onlyLawReferences(added, removed []finding) bool {
	if len(added) == 0 || len(removed) == 0 {
		return false
	}
	for _, a := range added {
		if r := restated(a, removed); r == nil || !differsByLawReference(a, *r) {
			return false
		}
	}
	for _, r := range removed {
		if a := restated(r, added); a == nil || !differsByLawReference(*a, r) {
			return false
		}
	}
	return true
}

// differsByLawReference reports whether the words of a and b that the
// other lacks name a law, and all of them are names, numbers or the words
// that attach a reference to a law.
func differsByLawReference(a, b finding) bool {
	law := false
	for _, w := range symmetricDifference(a.words, b.words) {
		switch {
		case isLawName(w):
			law = true
		case isNumber(w), isReference(w), isLawGlue(w), capitalisedIn(a.text, w), capitalisedIn(b.text, w):
		default:
			return false
		}
	}
	return law
}

// isLawGlue reports whether w is one of the words that attach a reference
// to a law to a statement.
func isLawGlue(w string) bool {
	switch w {
	case "comply", "complies", "complying", "compliance", "accordance", "pursuant", "required", "requires", "under",
		"with", "in", "to", "as", "by", "the", "of", "and", "s", "applicable", "per", "u", "c":
		return true
	}
	return false
}

// symmetricDifference returns the words that one of a and b has and the
// other has not.
func symmetricDifference(a, b []string) []string {
	var out []string
	for _, w := range a {
		if !slices.Contains(b, w) {
			out = append(out, w)
		}
	}
	for _, w := range b {
		if !slices.Contains(a, w) {
			out = append(out, w)
		}
	}
	return out
}

// capitalisedIn reports whether the word w, as tokenize spells it, is
// written capitalised in text ("childrens" for "Children's").
func capitalisedIn(text, w string) bool {
	for _, f := range strings.Fields(text) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f != "" && unicode.IsUpper([]rune(f)[0]) && foldWord(strings.ToLower(f)) == w {
			return true
		}
	}
	return false
}
