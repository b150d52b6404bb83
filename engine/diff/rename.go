package diff

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameCount is how often a name occurs in a version: as written, written
// as a name (as written, in capitals or with each word capitalized:
// "Example Plus", "EXAMPLE PLUS") and ignoring case.
type nameCount struct{ exact, capital, folded int }

// maxNameWords bounds the length of a company or product name.
const maxNameWords = 5

// rename reports whether the words old were replaced by new as a company
// or product rename: both are names (capitalized words), the old name was
// used at least twice and always written as a name in the old version
// (headings and emphasis may set it in capitals) and is gone from the new
// one, which always writes the new name as a name.
// A name that occurs once may be a partner replaced by another, which is
// not editorial; so is a name the old version already used: "sold by
// Example Digital Inc." becoming "sold by Example LLC" in a document that
// named Example LLC already moves the sale to another company of the
// group. (A number is no company: "Article 15.4" pointed at "Article
// 14.4" is left to the rest of the rules.)
func (m *materiality) rename(old, new []tok) bool {
	if !isName(old) || !isName(new) {
		return false
	}
	on, nn := rawName(old), rawName(new)
	if on == "" || nn == "" {
		return false
	}
	before, after, gone := m.count(on, true), m.count(nn, false), m.count(on, false)
	return before.capital >= 2 && before.folded == before.capital && gone.folded == 0 &&
		after.capital >= 1 && after.folded == after.capital &&
		(!strings.ContainsFunc(nn, unicode.IsLetter) || m.count(nn, true).folded == 0 || m.shortNameOf(on, nn))
}

// shortNameOf reports an old name that the old version defined as the
// short name of the company new names ("Example SE, 1 Main Street,
// hereinafter ExampleMobility"), where the old version wrote new only
// with its legal form: the company is now called by its own name, no
// other company of the group.
func (m *materiality) shortNameOf(old, new string) bool {
	if withLegalForm(m.oldMD, new) != m.count(new, true).folded {
		return false
	}
	definition := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(new) + `,?\s+\S+[^.]{0,200}?\b(?:ci-après|hereinafter|hereafter|referred to as)\b[^.]{0,40}?` + regexp.QuoteMeta(old) + `\b`)
	return definition.MatchString(m.oldMD)
}

// withLegalForm counts the places text writes name, in any case, with a
// legal form after it ("Example SE", "Example, Inc.").
func withLegalForm(text, name string) int {
	n := 0
	lower, name := strings.ToLower(text), strings.ToLower(name)
	for i := 0; ; {
		j := strings.Index(lower[i:], name)
		if j < 0 {
			return n
		}
		start, end := i+j, i+j+len(name)
		before, _ := utf8.DecodeLastRuneInString(lower[:start])
		next := firstFields(strings.TrimPrefix(lower[end:], ","), 1)
		if !isWordRune(before) && len(next) == 1 && (legalForm[normWord(next[0])] || europeanForms[normWord(next[0])]) {
			n++
		}
		i = end
	}
}

// europeanForms are legal forms too short to tell from a word by their
// letters alone, read only right after a company's name.
var europeanForms = boolSet(`se nv`)

// abbreviationRenamed reports a name written out with its abbreviation
// after it in parentheses, replaced by another such name whose
// abbreviation is a rename of the first ("Telemedia Act (TMA)" becoming
// "Digital Services Law (DSL)" where every "TMA" became "DSL"): the words
// before the abbreviation spell out the same renamed thing.
func (m *materiality) abbreviationRenamed(d, n []tok) bool {
	if len(d) < 2 || len(n) < 2 || !parenthesized(d[len(d)-1].raw) || !parenthesized(n[len(n)-1].raw) {
		return false
	}
	return isName(d[:len(d)-1]) && isName(n[:len(n)-1]) && m.rename(d[len(d)-1:], n[len(n)-1:])
}

// parenthesized reports a word set in parentheses, with punctuation
// after them: "(DSA)", "(DSA).".
func parenthesized(raw string) bool {
	raw = strings.TrimRight(raw, ",.;:")
	return len(raw) > 2 && raw[0] == '(' && raw[len(raw)-1] == ')' && !strings.ContainsAny(raw[1:len(raw)-1], "() ")
}

func isName(ts []tok) bool {
	if len(ts) == 0 || len(ts) > maxNameWords || commonCapital[ts[0].norm] {
		return false
	}
	for i, t := range ts {
		connector := i > 0 && i < len(ts)-1 && nameConnectors[t.norm]
		if !connector && (!capitalized(t.raw) && !hasDigit(t.raw) || meaningful(t.norm)) {
			return false
		}
	}
	return true
}

var nameConnectors = boolSet(`of and the for de du la`)

// rawName is the name as written, without surrounding punctuation or a
// possessive.
func rawName(ts []tok) string {
	raws := make([]string, len(ts))
	for i, t := range ts {
		raws[i] = t.raw
	}
	s := strings.Trim(strings.Join(raws, " "), "*_\"'()[],.;:!?")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return strings.Trim(s, "*_\"'()[],.;:!?")
}

func (m *materiality) count(name string, old bool) nameCount {
	key := "n" + name
	if old {
		key = "o" + name
	}
	if c, ok := m.names[key]; ok {
		return c
	}
	text, lower := m.newMD, &m.newLower
	if old {
		text, lower = m.oldMD, &m.oldLower
	}
	if *lower == "" {
		*lower = toLower(text)
	}
	c := nameCount{exact: countWord(text, name), folded: countWord(*lower, strings.ToLower(name))}
	forms := []string{name}
	for _, form := range []string{strings.ToUpper(name), titled(name)} {
		if !slices.Contains(forms, form) {
			forms = append(forms, form)
			c.capital += countWord(text, form)
		}
	}
	c.capital += c.exact
	if m.names == nil {
		m.names = map[string]nameCount{}
	}
	m.names[key] = c
	return c
}

// titled is name with each word capitalized and the rest of it in lower
// case: "EXAMPLE PLUS" written "Example Plus".
func titled(name string) string {
	words := strings.Fields(strings.ToLower(name))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

// countWord counts the occurrences of word in text that are not part of
// a longer word.
func countWord(text, word string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(text[i:], word)
		if j < 0 {
			return n
		}
		start, end := i+j, i+j+len(word)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, size := utf8.DecodeRuneInString(text[end:])
		if (after == '.' || after == '@') && end+size < len(text) {
			after, _ = utf8.DecodeRuneInString(text[end+size:]) // a domain goes on: brightloop.example
		}
		if !isWordRune(before) && before != '@' && before != '.' && before != '/' && !isWordRune(after) {
			n++
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// quantity reports a run that is one figure limiting something: a bound
// before it ("under 16", "the age of 16", "at least 13") or a unit after it
// ("30 days", "18 years old").
func quantity(left, ts, right []tok) bool {
	if len(ts) != 1 || !hasDigit(ts[0].norm) || strings.IndexFunc(ts[0].norm, unicode.IsLetter) >= 0 {
		return false
	}
	if len(left) > 0 && capitalized(left[len(left)-1].raw) {
		return false // a reference: "under Article 15"
	}
	for i := len(left) - 1; i >= 0 && i >= len(left)-2; i-- {
		if bounds[left[i].norm] {
			return true
		}
	}
	return len(right) > 0 && units[right[0].norm]
}

// maxCompletion bounds the words a company name gains when written in full.
const maxCompletion = 2

// nameCompleted reports a company's name written in full where it stood
// shortened: words added inside a name that ends with a legal form ("USA
// Inc." becoming "Spotify USA Inc.", "Bluesky, PBC" becoming "Bluesky
// Social, PBC"), or the other way round, shortened. The company is the same
// one; a full name the shorter version uses elsewhere is another company of
// the group (unless the shorter name is only a place and a legal form), and
// a place added ("Example Ireland Inc.") names another entity, so neither is
// a completion.
func (m *materiality) nameCompleted(leftCtx, d, n, rightCtx []tok) bool {
	shortOld := len(d) == 0 // the old version has the shorter name
	if !shortOld {
		if len(n) != 0 {
			return false
		}
		n = d
	}
	if len(n) == 0 || len(n) > maxCompletion || !isName(n) {
		return false
	}
	for _, t := range n {
		if placeWord[t.norm] || legalForm[t.norm] || hasDigit(t.norm) {
			return false
		}
	}
	// The rest of the name up to its legal form, after the added words.
	end := -1
	for i := 0; i < len(rightCtx) && i <= maxCompletion; i++ {
		t := rightCtx[i]
		if legalForm[t.norm] && capitalized(t.raw) {
			end = i
			break
		}
		if !capitalized(t.raw) || commonCapital[t.norm] || meaningful(t.norm) {
			return false
		}
	}
	if end < 0 {
		return false
	}
	// The words of the name before the added ones.
	start := len(leftCtx)
	for start > 0 && len(leftCtx)-start < maxCompletion {
		t := leftCtx[start-1]
		if !capitalized(t.raw) || commonCapital[t.norm] || meaningful(t.norm) || legalForm[t.norm] {
			break
		}
		start--
	}
	if start == len(leftCtx) && end == 0 {
		return false // a legal form alone is no name: "Inc." becoming "Example Inc."
	}
	// A shorter name made only of places and the legal form ("USA Inc.")
	// names no company of its own: it is the full name cut short, even
	// where the document writes the full name elsewhere.
	placesOnly := true
	for _, t := range append(slices.Clone(leftCtx[start:]), rightCtx[:end]...) {
		placesOnly = placesOnly && placeWord[t.norm]
	}
	full := append(append(slices.Clone(leftCtx[start:]), n...), rightCtx[:end+1]...)
	name := rawName(full)
	return name != "" && (placesOnly || m.count(name, shortOld).folded == 0)
}

// legalForm holds the legal forms that end a company's name.
var legalForm = boolSet(`inc llc ltd limited gmbh plc corp corporation ag sa sas sarl bv pte llp pbc ulc`)

// legalFormChanged reports a company that took another legal form under
// the same name: "Example, Inc." becoming "Example ULC". The company is the
// same one when the old version never named a company of the new form and
// the new version no longer names one of the old form; "Example Inc."
// becoming "Example LLC" where the document named both moves a clause to
// another company of the group.
func (m *materiality) legalFormChanged(leftCtx, d, n []tok) bool {
	if len(d) != 1 || len(n) != 1 || len(leftCtx) == 0 || d[0].norm == n[0].norm ||
		!legalForm[d[0].norm] || !legalForm[n[0].norm] || !capitalized(d[0].raw) || !capitalized(n[0].raw) {
		return false
	}
	// The company's name: the capitalized words before its form.
	start := len(leftCtx)
	for start > 0 && len(leftCtx)-start < maxNameWords-1 && isName(leftCtx[start-1:]) {
		start--
	}
	if start == len(leftCtx) {
		return false
	}
	name := rawName(leftCtx[start:])
	named := func(form tok, old bool) int {
		f := rawName([]tok{form})
		return m.count(name+" "+f, old).folded + m.count(name+", "+f, old).folded
	}
	return name != "" && named(d[0], true) > 0 && named(d[0], false) == 0 && named(n[0], true) == 0
}

// wordToks turns display words into toks as they are, web addresses and
// domains kept.
func wordToks(words []string) []tok {
	out := make([]tok, 0, len(words))
	for _, w := range words {
		if n := normWord(w); n != "" {
			out = append(out, tok{raw: w, norm: n})
		}
	}
	return out
}

// placeWord holds the countries and regions that name one company of a
// group apart from the others.
var placeWord = boolSet(`usa us uk eu america americas europe european ireland irish international global
asia pacific emea apac canada mexico brazil germany deutschland france netherlands luxembourg belgium spain
italy sweden switzerland singapore japan korea china india australia`)

// renameInName reports a rename of a word inside a longer name, judged on
// the whole name: "Community Guidelines" called "User Guidelines" in
// every place is a document renamed, though "Community" alone is used
// elsewhere ("our community") and so is no name of its own. A figure is no
// word of a name here: "1 February" becoming "2 February" in every place
// moves a date.
func (m *materiality) renameInName(leftCtx, d, n, rightCtx []tok) bool {
	if len(d) == 0 || len(n) == 0 || slices.ContainsFunc(d, figure) || slices.ContainsFunc(n, figure) {
		return false
	}
	nameWord := func(t tok) bool {
		return capitalized(t.raw) && !commonCapital[t.norm] && !meaningful(t.norm) && !hasDigit(t.norm)
	}
	// A name goes on across plain words only: punctuation, a link's
	// bracket or a possessive ends it ("Example's [Help Centre]").
	plain := func(raw string) bool { return !strings.ContainsFunc(raw, func(r rune) bool { return !isWordRune(r) }) }
	opens := func(run []tok) bool { return strings.HasPrefix(run[0].raw, "[") || strings.HasPrefix(run[0].raw, "(") }
	closes := func(run []tok) bool { return !plain(strings.TrimLeft(run[len(run)-1].raw, "[(*_")) }
	// A word that opens emphasis, or follows an elided French article
	// ("**Example Plus**", "membre d'Example Plus"), begins the name.
	left := slices.Clone(leftCtx)
	start := len(left)
	for !opens(d) && !opens(n) && start > 0 && len(left)-start+max(len(d), len(n)) < maxNameWords {
		w := left[start-1]
		first, _ := cutElision(strings.TrimLeft(w.raw, "*_"))
		if !plain(first) || !nameWord(tok{raw: first, norm: normWord(first)}) {
			break
		}
		start--
		if first != w.raw {
			left[start] = tok{raw: first, norm: normWord(first)}
			break
		}
	}
	leftCtx = left
	end := 0
	for !closes(d) && !closes(n) && end < len(rightCtx) && nameWord(rightCtx[end]) &&
		len(leftCtx)-start+end+max(len(d), len(n)) < maxNameWords {
		end++
		if !plain(rightCtx[end-1].raw) {
			break
		}
	}
	if start == len(leftCtx) && end == 0 {
		return false
	}
	join := func(run []tok) []tok {
		return append(append(slices.Clone(leftCtx[start:]), run...), rightCtx[:end]...)
	}
	return m.rename(join(d), join(n))
}

func figure(t tok) bool { return hasDigit(t.norm) }
