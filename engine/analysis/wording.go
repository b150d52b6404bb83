package analysis

// Whether what a reworded statement gained or lost bears on its practice.
//
// A statement re-edited in a rewrite often keeps every word that says who
// does what to which data, for what and under which condition, and gains
// or loses only words of style: an adverb ("easily"), a generic verb
// ("work out" become "figure out"), the way to a setting ("click
// "Privacy Settings" then …" become "head to your settings"), the name
// the company gives its offering ("our applications" become "the Acme
// Services"). Such a statement is no change of its provision. Anything
// else a statement gains or loses — a word of the category's own rules,
// a number, a negation, a condition or limit, the words of a purpose, a
// word this file does not know — is a change.

import (
	"slices"
	"strings"
	"unicode"
)

// minWordingOverlap is the share of gist words (Dice coefficient) a
// statement must have in common with one of the other version for their
// difference to be read word by word: below it the two say different
// things, whatever the words.
const minWordingOverlap = 0.7

// maxWordingDiff is the most words a statement may gain and lose, all
// told, and still be read as the other reworded.
const maxWordingDiff = 8

// cueWords are the words of a category's phrases (cues, restrictions,
// negations, safeguards, escalations) in their gist form: a statement
// that gains or loses one of them changes what the category reads in it.
type cueWords struct {
	exact    map[string]bool
	prefixes []string // of "word*" phrases, stemmed
	parts    []string // of "*word" and "*word*" phrases
}

func newCueWords(ps ...[]phrase) cueWords {
	cw := cueWords{exact: map[string]bool{}}
	for _, list := range ps {
		cw = cw.with(list)
	}
	return cw
}

// with adds the words of phrases to cw.
func (cw cueWords) with(list []phrase) cueWords {
	for _, p := range list {
		for _, it := range p {
			for _, a := range it.alts {
				switch {
				case a.suffix:
					cw.parts = append(cw.parts, a.word)
				case a.prefix:
					cw.prefixes = append(cw.prefixes, stem(spelling(a.word)))
				default:
					for _, g := range wordGist(a.word) {
						cw.exact[g] = true
					}
				}
			}
		}
	}
	return cw
}

// has reports whether w, a gist word, is one of the category's words.
func (cw cueWords) has(w string) bool {
	if cw.exact[w] {
		return true
	}
	for _, p := range cw.prefixes {
		if len(p) >= 3 && strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, p := range cw.parts {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// catWords are the words a category reads a statement by.
type catWords struct {
	all  cueWords // every word of its phrases: never style
	core cueWords // but in an example, only these (see compiledCategory)
	// examples is false where names are what the category is about (a
	// law, a country): "such as a seller in China" names where data goes.
	examples bool
}

// wordGist returns the gist words of one written word ("" words dropped).
func wordGist(w string) gist {
	return gistOf(spelling(w))
}

// rewordedOnly reports whether a statement (text, gist g) is one of the
// other version's statements (others) with only words of style gained or
// lost (see wordingOnly): most of its gist shared, and at least one word
// that one of them has and the other lacks altogether.
func rewordedOnly(text string, g gist, others []said, cw catWords) bool {
	for _, o := range others {
		if d := len(g) - len(o.gist); d > maxWordingDiff || d < -maxWordingDiff || len(o.gist) < minGistPart {
			continue
		}
		n, m := differ(g, o.gist)
		if n+m == 0 || n+m > maxWordingDiff {
			continue
		}
		common := len(g) - n
		if 2*float64(common) < minWordingOverlap*float64(len(g)+len(o.gist)) {
			continue
		}
		gained, lost := absent(g, o.gist), absent(o.gist, g)
		if len(gained)+len(lost) == 0 {
			// The same words, some said more often: "law governs all
			// disputes about these terms" and "law governs these terms
			// and all disputes about these terms" cover different things.
			continue
		}
		if wordingOnly(gained, text, cw) && wordingOnly(lost, o.text, cw) {
			return true
		}
	}
	return false
}

// absent returns the words of g that h lacks altogether, each once: a
// word said once more or once less ("information about you, including
// sensitive information") names nothing new.
func absent(g, h gist) gist {
	var out gist
	for i, w := range g {
		if (i == 0 || g[i-1] != w) && !slices.Contains(h, w) {
			out = append(out, w)
		}
	}
	return out
}

// wordingOnly reports whether every word of diff (gist words a statement
// has and the other lacks) is a word of style in text, the statement's
// sentence: a word of the way to a setting, or a filler word that is
// neither one of the category's words nor part of a purpose, or a word
// of an example given or of a second name (see roles) that is none of the
// category's core words. Numbers and negations are never style.
func wordingOnly(diff gist, text string, cw catWords) bool {
	if len(diff) == 0 {
		return true
	}
	r := readRoles(text)
	for _, w := range diff {
		switch {
		case w == "or" && r.aliasOr && cw.examples:
			continue // "strictly necessary" or "essential"
		case hasDigit(w) || isNegator(w) || boundWords[w]:
			return false
		case r.path[w] || r.marker[w]:
			continue // "click "Privacy Settings" then …"
		case cw.examples && (r.example[w] || r.alias[w]) && !cw.core.has(w):
			continue // "such as app identifiers", "(e.g., Acme for payments)", "strictly necessary" or "essential"
		case cw.all.has(w):
			return false
		case fillerWords[w] || r.offering[w] || offeringWords[w]:
			continue // "to figure out", "to bring you the Acme Services"
		case r.purpose[w] || !uiWords[w]:
			return false
		}
	}
	return true
}

// roles are the gist words of a sentence by the part they play.
type roles struct {
	path     map[string]bool // the way to a setting: "head to your profile settings"
	purpose  map[string]bool // what something is done for: "to prevent fraud", "for research"
	offering map[string]bool // the name of the company's offering: "the Acme Services"
	marker   map[string]bool // the numbers of list entries: "(iii)", "(b)"
	// example holds the words of examples given of what a statement
	// names ("such as app identifiers", "(e.g., Acme for payments)",
	// "(like history controls)"): an example added or gone illustrates
	// the practice the statement states, and changes it only by a word
	// of the category's rules.
	example map[string]bool
	// alias holds the words of a name in quotation marks given beside
	// another as its alternative ("strictly necessary" or "essential"
	// cookies): one thing called by a second name.
	alias map[string]bool
	// aliasOr is set when the sentence's only "or" joins two such names.
	aliasOr bool
}

// listMarker reports whether w numbers an entry of a list: a letter or a
// Roman numeral.
func listMarker(w string) bool {
	return len(w) == 1 || w != "" && strings.Trim(w, "ivx") == ""
}

// readRoles reads a sentence's words: the words after a verb of
// navigation ("click", "tap", "head to", "go to") up to the end of the
// clause or a following "to" are the way to a setting; the words after a
// "to" that opens an infinitive ("to prevent fraud", not "to the
// settings") or after "for" ("for research", "for fraud prevention"), up
// to the end of the clause and at most maxPurposeWords, are a purpose; a
// capitalised word before a word naming an offering ("Acme Services",
// "Acme app") is the offering's name.
func readRoles(text string) roles {
	r := roles{path: map[string]bool{}, purpose: map[string]bool{}, offering: map[string]bool{}, marker: map[string]bool{}, example: map[string]bool{}, alias: map[string]bool{}}
	type word struct {
		w      string
		upper  bool
		clause bool // a clause ends after the word
		paren  int  // the parentheses open where the word starts
		closes bool // a parenthesis closes after the word
		quote  int  // the quotation the word is in, counted from 1; 0: none
	}
	var ws []word
	start, paren, quote, quoted := -1, 0, 0, false
	for i, c := range text + " " {
		if unicode.IsLetter(c) || unicode.IsDigit(c) || c == '\'' || c == '’' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			raw := strings.NewReplacer("'", "", "’", "").Replace(text[start:i])
			lower := strings.ToLower(raw)
			if start > 0 && text[start-1] == '(' && c == ')' && listMarker(lower) {
				// "(iii) requests for customer service; (iv) …"
				// renumbered when an entry is added before them.
				r.marker[lower] = true
			} else if raw != "" {
				w := word{w: lower, upper: unicode.IsUpper([]rune(raw)[0]), paren: paren}
				if quoted {
					w.quote = quote
				}
				ws = append(ws, w)
			}
			start = -1
		}
		if len(ws) > 0 && strings.ContainsRune(",;:.!?()", c) {
			ws[len(ws)-1].clause = true
		}
		switch c {
		case '"', '“', '”':
			if quoted = c == '“' || c == '"' && !quoted; quoted {
				quote++
			}
		case '(':
			paren++
		case ')':
			paren = max(paren-1, 0)
			if len(ws) > 0 {
				ws[len(ws)-1].closes = true
			}
		}
	}
	mark := func(m map[string]bool, w string) {
		for _, g := range wordGist(w) {
			m[g] = true
		}
	}
	ors := 0
	for i := range ws {
		if ws[i].w != "or" {
			continue
		}
		ors++
		if i == 0 || i+1 == len(ws) {
			continue
		}
		if q, q2 := ws[i-1].quote, ws[i+1].quote; ws[i].quote == 0 && q > 0 && q2 > 0 {
			r.aliasOr = true
			for _, x := range ws {
				if x.quote == q || x.quote == q2 {
					mark(r.alias, x.w)
				}
			}
		}
	}
	r.aliasOr = r.aliasOr && ors == 1
	for i := 0; i < len(ws); i++ {
		w := ws[i].w
		next := ""
		if i+1 < len(ws) {
			next = ws[i+1].w
		}
		// The example runs to the end of the parenthesis it opens, or
		// else to the end of its clause; the marker's own stops
		// ("e.g.,") end nothing.
		in := ws[i].paren > 0 && (i == 0 || ws[i-1].paren < ws[i].paren)
		if n := exampleMarker(w, next, in); n > 0 && i > 0 {
			j := i + n
			for ; j < len(ws); j++ {
				mark(r.example, ws[j].w)
				if in && ws[j].closes || !in && ws[j].clause {
					break
				}
			}
			i = j
			continue
		}
		switch {
		case navVerbs[w] && !ws[i].clause:
			j := i + 1
			if j < len(ws) && ws[j].w == "to" {
				j++ // "head to", "go to"
			}
			for ; j < len(ws) && ws[j].w != "to" && ws[j].w != "and"; j++ {
				mark(r.path, ws[j].w)
				if ws[j].clause {
					break
				}
			}
			i = j - 1
		case (w == "to" && i+1 < len(ws) && !determiners[ws[i+1].w] || w == "for") && !ws[i].clause:
			for j := i + 1; j < len(ws) && j <= i+maxPurposeWords; j++ {
				mark(r.purpose, ws[j].w)
				if ws[j].clause {
					break
				}
			}
		case offeringWords[spelling(w)] && i > 0 && ws[i-1].upper && !ws[i-1].clause:
			mark(r.offering, ws[i-1].w)
		}
	}
	return r
}

// exampleMarker returns how many words, from cur followed by next,
// open an example ("such as", "e.g.", "i.e."), and 0 when they open
// none; opening, that cur opens a parenthesis, lets "(like …" open one
// too. A sentence that opens with "For example" gives no example of a
// word: it is a statement of its own.
func exampleMarker(cur, next string, opening bool) int {
	switch {
	case cur == "such" && next == "as", cur == "e" && next == "g", cur == "i" && next == "e":
		return 2
	case cur == "eg", cur == "like" && opening:
		return 1
	}
	return 0
}

// maxPurposeWords is how many words after "to" or "for" are read as the
// purpose they state.
const maxPurposeWords = 5

// navVerbs open the way to a setting or a page.
var navVerbs = wordSet(strings.Fields(`click tap press head go navigate visit`))

// determiners open a noun after "to": "to the settings", "to your
// account", a destination or a recipient rather than a purpose.
var determiners = wordSet(strings.Fields(`a an the this that these those your our their its his her my any each every all some us you them him me it`))

// offeringWords name what a company offers, by whatever name it calls it.
var offeringWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`service app application site website platform product property`) {
		m[w] = true
		for _, g := range append(wordGist(w), wordGist(nounPlural(w))...) {
			m[g] = true
		}
	}
	return m
}()

// nounPlural returns the plural of an English noun, as a key reads it.
func nounPlural(w string) string {
	if strings.HasSuffix(w, "y") {
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// fillerWords (as gist words) are words whose coming or going in a
// statement says nothing about a practice, wherever they are: adverbs of
// manner and time and generic verbs ("to work out" and "to figure out"
// which members are near). Words of a category's own rules are read as
// substance wherever they are listed here.
var fillerWords = gistSet(`
	easily simply quickly just really actually currently generally typically usually normally
	now already again even still instead accordingly therefore thus hence however conveniently readily
	work worked working figure figured find found make made making bring brought run running
	provide provided providing offer offered offering help helping assist enable enabled out up
	head go going visit navigate click tap press follow`)

// uiWords are the words of pages, links and settings: style unless they
// are part of a purpose ("for the settings page").
var uiWords = gistSet(`page link button menu tab screen here instruction setting toggle option`)

// gistSet returns the gist words of the words of s.
func gistSet(s string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(s) {
		for _, g := range wordGist(w) {
			m[g] = true
		}
	}
	return m
}
