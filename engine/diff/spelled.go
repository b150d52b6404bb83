package diff

import (
	"strconv"
	"strings"
)

// spelledOut rewrites the words of a changed run that stand for words
// written out, so that either form reads the same: "&" for "and", "%"
// for "percent" ("30%" is "30 percent", as is "30 per cent"), "e.g." for
// "for example" and "i.e." for "that is". Words around the symbol
// (brackets, emphasis, a comma) are kept.
func spelledOut(words []string) []string {
	var out []string // nil until a word is rewritten: most runs have none
	for i := 0; i < len(words); i++ {
		rep, skip := spelledWord(words, i)
		if rep == nil {
			if out != nil {
				out = append(out, words[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+2), words[:i]...)
		}
		out = append(out, rep...)
		i += skip
	}
	if out == nil {
		return words
	}
	return out
}

// spelledWord returns what words[i] spells out, and how many words after
// it that takes in too ("per cent"), or nil when it stands for itself.
func spelledWord(words []string, i int) ([]string, int) {
	w := words[i]
	lead, core, trail := splitPunct(w)
	lower := strings.ToLower(core)
	switch {
	case lower == "&" || lower == "&amp;":
		return []string{lead + "and" + trail}, 0
	case lower == "%":
		return []string{lead + "percent" + trail}, 0
	case len(lower) > 1 && strings.HasSuffix(lower, "%") && isFigure(lower[:len(lower)-1]):
		return []string{lead + core[:len(core)-1], "percent" + trail}, 0
	case lower == "per" && trail == "" && i+1 < len(words):
		_, next, nextTrail := splitPunct(words[i+1])
		if strings.EqualFold(next, "cent") {
			return []string{lead + "percent" + nextTrail}, 1
		}
	case lower == "e.g" || lower == "e. g":
		return []string{lead + "for", "example" + trail}, 0
	case lower == "i.e" || lower == "i. e":
		return []string{lead + "that", "is" + trail}, 0
	}
	return nil, 0
}

// splitPunct splits a word into the brackets, quotes and emphasis before
// it, the word, and the punctuation after it (a full stop included: the
// stop of "e.g." is read with the comma after it).
func splitPunct(w string) (lead, core, trail string) {
	i := 0
	for i < len(w) && strings.IndexByte(`([{"'*_`, w[i]) >= 0 {
		i++
	}
	j := len(w)
	for j > i && strings.IndexByte(`)]}"'*_,;:.!?`, w[j-1]) >= 0 {
		j--
	}
	return w[:i], w[i:j], w[j:]
}

// isFigure reports a number written in figures, with separators: "30",
// "2.5", "1,000".
func isFigure(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// sameNumber reports a number written in words replaced by its figures,
// or the figures a document gives in brackets after the words dropped or
// added: "thirty (30) days" written "30 days" or "thirty days". Another
// number is a change ("thirty days" becoming "60 days").
func sameNumber(leftCtx, d, n, rightCtx []tok) bool {
	switch {
	case len(d) == 1 && len(n) == 1:
		a, b := numberValue(d[0]), numberValue(n[0])
		return a >= 0 && a == b && numberWord(d[0]) != numberWord(n[0])
	case len(d) == 1 && len(n) == 0:
		return restated(leftCtx, d[0], rightCtx)
	case len(d) == 0 && len(n) == 1:
		return restated(leftCtx, n[0], rightCtx)
	}
	return false
}

// restated reports a number that the word beside it states again: words
// before the same figures ("thirty" before "(30)"), or figures in
// brackets after the same words ("(30)" after "thirty").
func restated(leftCtx []tok, t tok, rightCtx []tok) bool {
	v := numberValue(t)
	if v < 0 {
		return false
	}
	if numberWord(t) {
		// The figures after it may be read from the version without the
		// brackets ("30" of "within 30 days"), as words both share are.
		return len(rightCtx) > 0 && !numberWord(rightCtx[0]) && numberValue(rightCtx[0]) == v
	}
	return inBrackets(t.raw) && len(leftCtx) > 0 && numberWord(leftCtx[len(leftCtx)-1]) && numberValue(leftCtx[len(leftCtx)-1]) == v
}

// inBrackets reports a word in round brackets: "(30)".
func inBrackets(raw string) bool {
	raw = strings.TrimRight(raw, ",;:.")
	return strings.HasPrefix(raw, "(") && strings.HasSuffix(raw, ")")
}

// numberWord reports a number written in English words: "thirty",
// "twenty-one".
func numberWord(t tok) bool {
	return numberValue(t) >= 0 && !hasDigit(t.norm)
}

// numberValue returns the number a word states, in figures up to 9999 or
// in English words up to ninety-nine, or -1.
func numberValue(t tok) int {
	if hasDigit(t.norm) {
		if len(t.norm) > 4 {
			return -1
		}
		v, err := strconv.Atoi(t.norm)
		if err != nil {
			return -1
		}
		return v
	}
	if v, ok := numberUnits[t.norm]; ok {
		return v
	}
	for word, v := range numberTens {
		if t.norm == word {
			return v
		}
		if rest, ok := strings.CutPrefix(t.norm, word); ok {
			if u, ok := numberUnits[rest]; ok && u > 0 && u < 10 {
				return v + u
			}
		}
	}
	return -1
}

var numberUnits = map[string]int{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}

var numberTens = map[string]int{"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90}
