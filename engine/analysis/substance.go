package analysis

// What a statement names and counts: the places, parties and numbers that
// tell a changed term from a reworded one.

import (
	"regexp"
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
		if !slices.Equal(termFigures(a), termFigures(*r)) {
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

// newParty reports whether the added statements name a kind of party
// (one of the category's parties phrases) that no removed statement
// names: "with a buyer of our business" beside "with our service
// providers" is a new recipient, whatever the capitals.
func newParty(parties []phrase, added, removed []finding) bool {
	for _, p := range parties {
		in := func(f finding) bool { return p.contains(f.words) }
		if slices.ContainsFunc(added, in) && !slices.ContainsFunc(removed, in) {
			return true
		}
	}
	return false
}

func substance(fs []finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, names(companyName.ReplaceAllString(f.text, " "))...)
		out = append(out, termFigures(f)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// companyName matches a company written with its legal form ("Meta
// Platforms, Inc.", "Acme Cloud Ltd"): a party to the contract, most often
// the operator itself, which names no place whose law or courts apply.
// "The courts of Ireland" stays a place; "Acme Ireland Limited" is a
// party.
var companyName = regexp.MustCompile(`(?:\p{Lu}[\p{L}&'’.-]*,?\s+){1,5}(?:Inc|LLC|Ltd|Limited|GmbH|PLC|plc|Corp|Corporation|AG|SA|SAS|SARL|BV|Pte|LLP)\b\.?`)

// names returns the capitalised words of text, lower-cased: the places,
// parties and laws it names ("California", "England", "Meta"). A sentence's
// first word counts only when it is not a common opener ("These", "All");
// months and days of the week name a date, not a place or party, and the
// words of the contract's own title ("These General Terms and Conditions
// of Use" become "These Terms and Conditions") name the document.
func names(text string) []string {
	var out []string
	first := true
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		opener := first && isOpener(lw)
		first = false
		if r := []rune(w)[0]; unicode.IsUpper(r) && !opener && !isCalendarWord(lw) && !isTitleWord(lw) {
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
// clause number it may start with ("19.3.2", "(4)"), the numbers of the
// sections and articles it refers to and the parts of dates ("June 4,
// 2021", "04/06/2021"): a date says when, not how long, how old or how
// much.
// termFigures are the figures of a statement less the numbers of a postal
// address it gives ("Usercentrics GmbH, Sendlinger Str. 7, 80331 Munich"):
// a company that moved changes no period, age or amount.
func termFigures(f finding) []string {
	fs := figures(f.words)
	var addr []string
	for _, re := range postalAddress {
		for _, m := range re.FindAllString(f.text, -1) {
			addr = append(addr, digitRuns.FindAllString(m, -1)...)
		}
	}
	if len(addr) == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(n string) bool {
		return slices.ContainsFunc(addr, func(a string) bool { return strings.TrimLeft(a, "0") == n })
	})
}

// postalAddress matches the numbered parts of an address: a house number
// and postcode before a town ("Rosental 4, 80331 Munich", "5 rue Feydeau
// 75002 Paris"), a number before a street ("1601 Willow Rd", "100 Market
// Street") and a US state with its ZIP code ("CA 94025").
var postalAddress = []*regexp.Regexp{
	regexp.MustCompile(`\b\d{1,5}[a-z]?,?\s+(?:(?:\p{Lu}[\p{L}'’.-]*|rue|avenue|boulevard|place|quai|chemin|allée)\s+){0,3}\d{4,5}\s+\p{Lu}\p{L}+`),
	regexp.MustCompile(`\b\d{1,6}\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Parkway|Pkwy|Way|Place|Square|Quay|Court)\b`),
	regexp.MustCompile(`\b\d{1,5}\s+(?:rue|avenue|boulevard|place|quai|chemin|allée)\b`),
	regexp.MustCompile(`\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b`),
}

var digitRuns = regexp.MustCompile(`\d+`)

func figures(words []string) []string {
	i := 0
	for i < len(words) && isNumber(words[i]) {
		i++
	}
	var out []string
	for j := i; j < len(words); j++ {
		w := words[j]
		switch {
		case isDatePart(words, j):
		case isNumber(w) && j+1 < len(words) && isCodeName(words[j+1:]):
			// "16 CFR part 312", "18 U.S.C. 2703": the title of a code
			// and its section, not a term.
			for j+1 < len(words) && (isCodeName(words[j+1:]) || isNumber(words[j+1]) || words[j+1] == "u" || words[j+1] == "s" || words[j+1] == "c") {
				j++
			}
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
	case "section", "sections", "sec", "article", "articles", "art", "artikel", "clause", "clauses", "paragraph", "para", "paragraphe", "absatz", "abs", "chapter", "part", "annex", "appendix", "schedule":
		return true
	}
	return false
}

// isCodeName reports whether words start with the name of a code of law
// cited by title number: "CFR", "USC" or "U.S.C.".
func isCodeName(words []string) bool {
	return words[0] == "cfr" || words[0] == "usc" || len(words) >= 3 && words[0] == "u" && words[1] == "s" && words[2] == "c"
}

// isDatePart reports whether the number words[j] is part of a date: a
// day or year within two words of a month's name ("4 June 2021", "June 4,
// 2021", "4. Juni 2021"), or one of three numbers in a row that start or
// end with a year ("04/06/2021", "2021-06-04").
func isDatePart(words []string, j int) bool {
	w := words[j]
	if !isNumber(w) {
		return false
	}
	n, _ := strconv.Atoi(w)
	if len(w) <= 2 && n >= 1 && n <= 31 || isYear(w) {
		for k := max(0, j-2); k <= min(len(words)-1, j+2); k++ {
			if k != j && isMonth(words[k]) && (words[k] != "may" || k == j+1 || nearYear(words, k)) {
				return true
			}
		}
	}
	for start := max(0, j-2); start <= j && start+3 <= len(words); start++ {
		run := words[start : start+3]
		if !slices.ContainsFunc(run, func(w string) bool { return !isNumber(w) }) &&
			(start+3 == len(words) || !isNumber(words[start+3])) && (start == 0 || !isNumber(words[start-1])) &&
			(isYear(run[0]) && isDayOrMonth(run[1]) && isDayOrMonth(run[2]) || isYear(run[2]) && isDayOrMonth(run[0]) && isDayOrMonth(run[1])) {
			return true
		}
	}
	return false
}

// nearYear reports whether a year is within two words of words[k]: "May"
// is a month beside one ("May 4, 2021"), or just after a day ("4 May"),
// and otherwise the verb ("you may 2 times a year …").
func nearYear(words []string, k int) bool {
	return slices.ContainsFunc(words[max(0, k-2):min(len(words), k+3)], isYear)
}

// isYear reports whether w is a year of the calendar policies are dated
// by: four digits from 1900 to 2099.
func isYear(w string) bool {
	return len(w) == 4 && isNumber(w) && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
}

func isDayOrMonth(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && len(w) <= 2 && n >= 1 && n <= 31
}

// isMonth reports whether w names a month, in English, French or German
// (lower-cased, accents folded as tokens are).
func isMonth(w string) bool {
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
		"januar", "februar", "marz", "maerz", "juni", "juli", "oktober", "dezember":
		return true
	}
	return false
}

// isCalendarWord reports whether a capitalised word names a month or a day
// of the week rather than a place or party ("May" as a verb is never
// capitalised inside a sentence).
// isTitleWord reports a word of the title contracts give themselves
// ("General Terms and Conditions of Use", "Terms of Service", "Conditions
// Générales d'Utilisation", "Allgemeine Geschäftsbedingungen").
func isTitleWord(w string) bool {
	switch w {
	case "general", "terms", "conditions", "use", "agreement", "générales", "utilisation",
		"allgemeine", "geschäftsbedingungen", "nutzungsbedingungen":
		return true
	}
	return false
}

func isCalendarWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return isMonth(w) && len(w) > 3
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

// namesDropped reports whether every added statement restates a removed
// one in some of its words, naming some of its places and parties and no
// other, with the same numbers, and none of the words it dropped limits
// the practice ("only", "unless", "consent"): a list of destinations or
// recipients cut short.
func namesDropped(added, removed []finding) bool {
	if len(added) == 0 {
		return false
	}
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || !slices.Equal(termFigures(a), keptFigures(*r, a.words)) {
			return false
		}
		was := wordSet(r.words)
		for _, w := range a.words {
			if !was[w] {
				return false
			}
		}
		for w := range wordSet(a.words) {
			delete(was, w)
		}
		if movedToHeading(was, a.section) {
			// "EEA, UK, and California Users If you are an EEA or UK
			// user, you may opt out" lost its heading, which an earlier
			// rendering ran into the sentence: nothing it named went.
			return false
		}
		for w := range was {
			if limitsPractice(w) {
				return false
			}
		}
		kept, named := nameSet(a.text), nameSet(r.text)
		if len(kept) >= len(named) {
			return false
		}
		for n := range kept {
			if !named[n] {
				return false
			}
		}
	}
	return true
}

// keptFigures returns the figures of r less those that name a version of
// something r named and the new statement no longer does ("through your
// device settings on Android or iOS 13" cut from a list of ways): a number
// right after a word the new statement dropped, which is neither a period
// ("within 30 days") nor an age or a bound ("under 16", "up to 5").
func keptFigures(r finding, now []string) []string {
	fs := termFigures(r)
	kept := wordSet(now)
	for j := 1; j < len(r.words); j++ {
		w, before := r.words[j], r.words[j-1]
		if !isNumber(w) || kept[before] || isNumber(before) || boundsFigure(before) || j+1 < len(r.words) && isTimeUnit(r.words[j+1]) {
			continue
		}
		if i := slices.Index(fs, strings.TrimLeft(w, "0")); i >= 0 {
			fs = slices.Delete(fs, i, i+1)
		}
	}
	return fs
}

// boundsFigure reports whether a word before a number makes it an age, a
// limit or an amount ("under 16", "at least 18", "up to 5", "USD 10").
func boundsFigure(w string) bool {
	switch w {
	case "under", "over", "above", "below", "aged", "age", "ages", "than", "least", "most", "to", "up", "within", "for",
		"of", "at", "after", "before", "every", "per", "usd", "eur", "gbp", "us", "and", "or", "from", "between":
		return true
	}
	return false
}

// movedToHeading reports whether every word a statement dropped is a word
// of the heading of the section it is now in.
func movedToHeading(dropped map[string]bool, heading string) bool {
	in := wordSet(tokenize(heading).words)
	for w := range dropped {
		if !in[w] {
			return false
		}
	}
	return true
}

// nameSet returns the places and parties text names (see names).
func nameSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, n := range names(companyName.ReplaceAllString(text, " ")) {
		set[n] = true
	}
	return set
}

// limitsPractice reports whether a word puts a limit or a condition on a
// practice, so that dropping it widens the practice.
func limitsPractice(w string) bool {
	switch w {
	case "only", "solely", "exclusively", "not", "no", "never", "unless", "except", "without", "consent", "limited",
		"until", "if", "when", "provided", "subject", "safeguards", "safeguard", "protection", "protections":
		return true
	}
	return false
}
