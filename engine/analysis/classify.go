package analysis

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// Roles of an indexed phrase inside its category.
const (
	roleAction  = -1
	roleExclude = -2
)

// entry is one phrase of the rule table, indexed by its first word.
type entry struct {
	cat, cue, role int // role: roleAction, roleExclude or a With group index
	p              phrase
}

// compiledCategory holds a category's phrases that are tested on whole
// sentences, parsed once.
type compiledCategory struct {
	Category
	// actions are the action phrases of its cues: the ways of doing it,
	// whose new one in a restated statement widens the practice.
	actions        []phrase
	escalations    [][]phrase
	safeguards     [][]phrase
	parties        []phrase
	objects        []phrase
	negations      []phrase
	restrictions   []phrase
	sections       []phrase
	sectionsExcept []phrase
	stanceCues     [][]phrase // per stance value
	words          cueWords   // the words of all its phrases but exclusions
	// core are the words of its actions, negations, restrictions,
	// safeguards and escalations: what it does, whether and how far,
	// which an example given in a statement still changes (see roles).
	core cueWords
}

// classifier is the compiled rule table.
type classifier struct {
	cats  []compiledCategory
	index phraseIndex
	// lawOnly are the ways of saying that something must comply with the
	// law, which adds no practice and no duty the law did not already set.
	lawOnly []phrase
	// lawException are the ways of excepting what the law requires from
	// a rule ("… to any third party, except as required by law"): the
	// rule is not restating the law.
	lawException []phrase
	// productLimit are the ways of saying that the platform holds back
	// what its own product shows ("campaigns may be restricted from
	// serving"): a limit on its product, not a rule someone must follow.
	productLimit []phrase
	// readerDuty are the ways developer and business terms bind their
	// reader: a duty or a limit on the developer, customer or app.
	readerDuty []phrase
	// youDuty are the ways of binding "you", which bind the reader when
	// the document analysed is addressed to a developer or a business.
	youDuty []phrase
	// minorsSpared are the ways of committing not to do something to
	// users under an age ("for users under 18, we do not disclose their
	// data to advertising partners").
	minorsSpared []phrase
	// choices are the ways of giving users a choice about what follows
	// them ("opt out of", "object to"): a statement that names a practice
	// only after one offers a way to refuse it (see choiceOnly).
	choices []phrase
	// doc is the new version of the document analysed, in the copy of the
	// rule table made for one analysis; business caches whether it is
	// addressed to a developer or a business (0 not read yet, 1 yes, -1
	// no), read the first time a statement binds "you".
	doc      string
	business int8
}

// lawOnlyPhrases state an obligation to comply with the law and nothing
// more ("ads must comply with the law"), a practice done only where the
// law compels it, or a measure a law requires, in that law's words.
func lawOnlyPhrases() []string {
	return []string{
		"must|shall|should ~2 comply ~2 with ~4 law|laws|regulations|legislation",
		"must|shall|should ~2 be ~2 compliant ~2 with ~4 law|laws|regulations|legislation",
		// A disclosure made only because a law compels it: "we share
		// information with researchers where this is legally required".
		"where|when|if|as ~3 legally required|obliged|obligated|compelled",
		"where|when|if|as ~3 required|obliged|obligated|compelled by|under ~2 law|laws|statute|regulation|regulations",
		// The same, naming the law: "as required by the GDPR", "where
		// required under the California Consumer Privacy Act".
		"where|when|if|as ~3 required|obliged|obligated|compelled|mandated by|under ~4 " + lawNames,
		// The law as the subject: "certain laws require us to share
		// information with regulators", "legal obligations require us to
		// keep invoices".
		"law|laws|regulation|regulations|legislation|obligation|obligations ~2 require|requires|oblige|obliges|compel|compels|obligate|obligates us|it|them",
		// The same in French: "lorsque la loi l'exige", "si cela est
		// requis par la loi", "certaines lois nous obligent à partager".
		"lorsque|si|quand ~4 loi|législation|réglementation ~3 exige|impose|requiert|oblige",
		"lorsque|si|quand ~4 requis|exigé|exigée|imposé|imposée ~1 par ~2 loi|lois|législation|réglementation",
		"loi|lois|législation|réglementation|obligation|obligations ~2 nous ~1 oblige|obligent|impose|imposent|contraint|contraignent",
		// The measure the EU Digital Services Act (Art. 23) requires, in
		// its own words: suspending, after a warning, users who frequently
		// provide manifestly illegal content or submit manifestly
		// unfounded notices or complaints.
		"frequently ~4 manifestly illegal|unfounded",
		"fréquemment|régulièrement ~4 manifestement illicite|illicites|illégal|illégaux|illégale|illégales|infondé|infondés|infondée|infondées",
		"häufig ~4 offensichtlich rechtswidrig|rechtswidrige|rechtswidrigen|unbegründet|unbegründete|unbegründeten",
	}
}

// lawNames are words that name a law or a kind of law in a reference to
// it ("the GDPR", "the Children's Online Privacy Protection Act", "28 CFR
// part 202").
const lawNames = "gdpr|rgpd|dsgvo|ccpa|cpra|coppa|hipaa|lgpd|pipeda|ferpa|glba|dsa|dma|act|acts|regulation|regulations|directive|directives|statute|statutes|cfr|usc|ordinance|law|laws"

// readerDutyPhrases state a duty or a limit binding the developer,
// customer or app that developer and business terms address ("Customer
// may temporarily cache latitude and longitude for up to 30 days", "apps
// that request background location must show a disclosure"): a rule on
// the reader, never the platform's own practice. "You" is left out: in
// consumer terms it is the user whose data is taken (youDutyPhrases bind it
// in documents addressed to a developer or a business).
func readerDutyPhrases() []string {
	// Developers and licensees are always the reader; customers and
	// clients are the reader of business terms and, in a shop's terms, the
	// user, so for them only a duty of handling data binds the reader.
	const (
		developer = "developer|developers|licensee|licensees|merchant|merchants|seller|sellers|affiliate|affiliates"
		customer  = "customer|customers|client|clients"
		handling  = "delete|erase|obtain|disclose|notify|inform|show|display|limit|restrict|request|honor|honour|ask|protect|secure|ensure|comply|not|only"
		app       = "app|apps|application|applications"
	)
	return []string{
		developer + " ~2 must|shall|should|mustnt|shant",
		developer + "|" + customer + " ~2 will|may|must|shall|cannot ~1 not|never",
		developer + "|" + customer + "|" + app + " ~2 is|are ~1 required|obliged|obligated|expected|responsible",
		developer + "|" + customer + " ~2 may ~1 only|temporarily|indefinitely",
		customer + " ~2 must|shall|should ~2 " + handling,
		"your ~1 " + app + " ~3 must|shall|should",
		app + " that|which ~6 must|shall|should",
		"permission|permissions ~1 requirement|requirements|declaration|declarations",
		// A developer policy's rules in the imperative: "Don't use this
		// data for user profiling."
		"dont|never use|sell|share|transfer|combine this|that|such|the|these|those|user|users ~1 data|information",
		"do not use|sell|share|transfer|combine this|that|such|the|these|those|user|users ~1 data|information",
		"développeur|développeurs|éditeur|éditeurs ~2 doit|doivent",
		"entwickler|lizenznehmer ~2 muss|müssen",
	}
}

func compile(cats []Category) (*classifier, error) {
	c := &classifier{index: newPhraseIndex()}
	var err error
	if c.lawOnly, err = parsePhrases(lawOnlyPhrases()); err != nil {
		return nil, fmt.Errorf("law-only phrases: %w", err)
	}
	if c.lawException, err = parsePhrases([]string{"except|save|excepting ~2 as|where|when|if ~3 required|obliged|obligated|compelled|mandated"}); err != nil {
		return nil, fmt.Errorf("law-exception phrases: %w", err)
	}
	if c.productLimit, err = parsePhrases([]string{"be|is|are restricted|blocked|limited|prevented from serving|showing|running|appearing|displaying|delivering"}); err != nil {
		return nil, fmt.Errorf("product-limit phrases: %w", err)
	}
	if c.readerDuty, err = parsePhrases(readerDutyPhrases()); err != nil {
		return nil, fmt.Errorf("reader-duty phrases: %w", err)
	}
	if c.youDuty, err = parsePhrases(youDutyPhrases()); err != nil {
		return nil, fmt.Errorf("you-duty phrases: %w", err)
	}
	if c.minorsSpared, err = parsePhrases([]string{
		"under|below|younger ~4 we ~2 not|never|dont|wont",
		"we ~2 not|never|dont|wont ~10 under|below|younger",
	}); err != nil {
		return nil, fmt.Errorf("minors-spared phrases: %w", err)
	}
	if c.choices, err = parsePhrases([]string{
		"opt|optout out of|from",
		"optout of|from",
		"object ~2 to",
		"unsubscribe from",
		"turn|switch off",
	}); err != nil {
		return nil, fmt.Errorf("choice phrases: %w", err)
	}
	add := func(cat, cue, role int, s string) (phrase, error) {
		p, err := parsePhrase(s)
		if err != nil {
			return nil, fmt.Errorf("category %s: %w", cats[cat].ID, err)
		}
		c.index.add(entry{cat, cue, role, p})
		return p, nil
	}
	for ci, cat := range cats {
		cc := compiledCategory{Category: cat}
		var cues, actions []phrase // the action and with phrases, and the action phrases, for the category's words
		for qi, cue := range cat.Cues {
			for _, s := range cue.Action {
				p, err := add(ci, qi, roleAction, s)
				if err != nil {
					return nil, err
				}
				cues, actions = append(cues, p), append(actions, p)
			}
			for gi, group := range cue.With {
				for _, s := range group {
					p, err := add(ci, qi, gi, s)
					if err != nil {
						return nil, err
					}
					cues = append(cues, p)
				}
			}
		}
		for _, s := range cat.Exclude {
			if _, err := add(ci, 0, roleExclude, s); err != nil {
				return nil, err
			}
		}
		for _, e := range cat.Escalations {
			var ps []phrase
			for _, s := range e.Phrases {
				p, err := parsePhrase(s)
				if err != nil {
					return nil, fmt.Errorf("category %s escalation: %w", cat.ID, err)
				}
				ps = append(ps, p)
			}
			cc.escalations = append(cc.escalations, ps)
		}
		for _, g := range cat.Safeguards {
			ps, err := parsePhrases(g.Phrases)
			if err != nil {
				return nil, fmt.Errorf("category %s safeguard: %w", cat.ID, err)
			}
			cc.safeguards = append(cc.safeguards, ps)
		}
		var err error
		if cc.negations, err = parsePhrases(cat.Negations); err != nil {
			return nil, fmt.Errorf("category %s negations: %w", cat.ID, err)
		}
		if cc.parties, err = parsePhrases(cat.Parties); err != nil {
			return nil, fmt.Errorf("category %s parties: %w", cat.ID, err)
		}
		if cc.objects, err = parsePhrases(cat.Objects); err != nil {
			return nil, fmt.Errorf("category %s objects: %w", cat.ID, err)
		}
		if cc.restrictions, err = parsePhrases(cat.Restrictions); err != nil {
			return nil, fmt.Errorf("category %s restrictions: %w", cat.ID, err)
		}
		if cc.sections, err = parsePhrases(cat.Sections); err != nil {
			return nil, fmt.Errorf("category %s sections: %w", cat.ID, err)
		}
		if cc.sectionsExcept, err = parsePhrases(cat.SectionsExcept); err != nil {
			return nil, fmt.Errorf("category %s sections_except: %w", cat.ID, err)
		}
		for _, v := range cat.Stance.Values {
			ps, err := parsePhrases(v.Cues)
			if err != nil {
				return nil, fmt.Errorf("category %s stance %s: %w", cat.ID, v.ID, err)
			}
			cc.stanceCues = append(cc.stanceCues, ps)
		}
		cc.words = newCueWords(cues, cc.negations, cc.restrictions)
		cc.core = newCueWords(actions, cc.negations, cc.restrictions)
		cc.actions = actions
		for _, ps := range append(slices.Clone(cc.safeguards), cc.escalations...) {
			cc.words, cc.core = cc.words.with(ps), cc.core.with(ps)
		}
		c.cats = append(c.cats, cc)
	}
	return c, nil
}

func parsePhrases(ss []string) ([]phrase, error) {
	ps := make([]phrase, 0, len(ss))
	for _, s := range ss {
		p, err := parsePhrase(s)
		if err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, nil
}

// anyContains reports whether one of ps occurs in words.
func anyContains(ps []phrase, words []string) bool {
	for _, p := range ps {
		if p.contains(words) {
			return true
		}
	}
	return false
}

// sense is how a sentence bears on its category.
type sense uint8

const (
	affirmative sense = iota // states the practice
	restrictive              // "we do not …": a commitment not to do it
	prohibiting              // forbids others (users, developers, partners) to do it
)

// finding is one sentence found to state a category.
type finding struct {
	cat     int
	sense   sense
	text    string
	key     string   // the sentence's words, lower case without punctuation, for comparing versions
	words   []string // the sentence's words as phrases match them, shared by its findings
	section string
	part    int  // index of the section in the document
	byTopic bool // stated by the section's heading rather than by the sentence's words
	digest  bool // in the page's digest of itself, which restates it (see digest.go)
	// sameLines: stated only in lines of a list the other version has
	// (see breaklines.go).
	sameLines bool
	title     *sectionTitle // the section the sentence titles, when it is a title set as text (see titles.go)
}

// catKey names a finding by its category and its sentence's comparison
// key: the same statement of the same category in two versions.
type catKey struct {
	cat int
	key string
}

func (f *finding) catKey() catKey { return catKey{f.cat, f.key} }

// classifySentence returns the categories a sentence states, each with
// how it bears on the category. The scratch is reused from sentence to
// sentence; a nil one is made for the call.
func (c *classifier) classifySentence(s sentence, sc *scratch, emit func(cat int, sn sense)) {
	if sc == nil {
		sc = &scratch{}
	}
	states := sc.reset(c)
	hit := false // most sentences match no phrase
	for i, w := range s.words {
		for _, e := range sc.starts.startingAt(&c.index, w) {
			// The first word matches: the rest of the phrase follows it.
			end := matchItems(e.p[1:], s.words, i+1)
			if end < 0 {
				continue
			}
			hit = true
			st := &states[e.cat]
			if !st.matched && !st.excluded {
				sc.touched = append(sc.touched, e.cat)
			}
			if e.role == roleExclude {
				st.excluded = true
				continue
			}
			st.matched = true
			cs := &st.cues[e.cue]
			if e.role == roleAction {
				cs.actions = append(cs.actions, [2]int{i, end})
			} else {
				cs.groups |= 1 << e.role
			}
		}
	}
	if !hit {
		return
	}
	// Walk categories in table order so that output is deterministic.
	for ci := range states {
		st := &states[ci]
		if !st.matched || st.excluded {
			continue
		}
		cat := &c.cats[ci]
		found, stated := false, false
		for qi, cue := range cat.Cues {
			cs := &st.cues[qi]
			if len(cs.actions) == 0 || cs.groups != (uint64(1)<<len(cue.With))-1 {
				continue
			}
			found = true
			for _, span := range cs.actions {
				if !cat.Negatable || !s.negated(span[0], span[1]) {
					stated = true
				}
			}
		}
		switch {
		case !found:
		case anyContains(cat.restrictions, s.words):
			emit(ci, prohibiting)
		case !stated || anyContains(cat.negations, s.words):
			emit(ci, restrictive)
		default:
			emit(ci, affirmative)
		}
	}
}

// verdict is a category a sentence states.
type verdict struct {
	cat   int
	sense sense
}

// memo caches work shared by the two versions of a document: the
// sentences of a paragraph and the verdicts of a sentence, so that the
// paragraphs and sentences the versions share are split and classified
// once.
type memo struct {
	split    *diff.Splitter
	verdicts map[string]classified
	// read holds the words and key of texts that are read but not
	// classified: the lines of lists set with line breaks, which both
	// versions mostly share, and headings.
	read   map[string]classified
	topics map[string][]int // categories a heading states, by heading
	// parts holds what each section states, by its heading and body.
	parts   map[diff.Part]partFindings
	scratch scratch
}

// classified is what a sentence states, and its words as the key that
// compares it across versions: a change of case or punctuation alone is
// no change of the provision.
type classified struct {
	key      string
	words    []string
	verdicts []verdict
}

func newMemo() *memo {
	return &memo{split: diff.NewSplitter(), verdicts: map[string]classified{}, read: map[string]classified{}, topics: map[string][]int{}, parts: map[diff.Part]partFindings{}, scratch: scratch{starts: wordStarts{}}}
}

// sentence returns what classifying a sentence read of it: its words and
// comparison key, tokenized once when no version's sentence was that text.
func (m *memo) sentence(text string) classified {
	if cl, ok := m.verdicts[text]; ok {
		return cl
	}
	if cl, ok := m.read[text]; ok {
		return cl
	}
	words := tokenize(text).words
	cl := classified{key: keyOf(text, words), words: words}
	m.read[text] = cl
	return cl
}

// keyOf returns the comparison key of a sentence of words, read from
// text without its web and e-mail addresses and link targets: where a
// link points is presentation and an address to write to is a contact
// detail, so a statement whose address changed, went or was joined by
// another ("at privacy@… or legal@…") says what it said.
func keyOf(text string, words []string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "@") {
		return compareKey(words)
	}
	return compareKey(tokenize(withoutMail(withoutAddresses(text))).words)
}

// withoutClauseTitles returns text without the titles given in brackets
// after the clauses it names ("Section 11 (Disputes, Arbitration, and
// Choice of Law)", "Sections 6 and 7 (Privacy)"), as the classifier reads
// it: a title names a clause's topic, and the sentence that lists it
// (which clauses survive termination, which take precedence) says nothing
// of the practice; the clause itself states it.
func withoutClauseTitles(text string) string {
	if !strings.Contains(text, "(") || !namesClause(text) || !clauseRef.MatchString(text) {
		return text
	}
	return clauseTitle.ReplaceAllString(text, "$1")
}

// namesClause reports text in which a word starts with one of the words
// clauseRef looks for, or that holds a "§": only such text is given to
// the pattern, whose search of a sentence costs more than reading it.
func namesClause(text string) bool {
	if strings.Contains(text, "§") {
		return true
	}
	for i := 0; i < len(text); i++ {
		if i > 0 && ascii.WordByte(text[i-1]) {
			continue
		}
		// The words are ASCII, so only a word starting with one of
		// their first letters, in either case, is compared with them.
		switch text[i] | 0x20 {
		case 's', 'c', 'a', 'p':
		default:
			continue
		}
		for _, w := range [...]string{"section", "clause", "article", "paragraph"} {
			if len(text)-i >= len(w) && strings.EqualFold(text[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

var (
	clauseRef   = regexp.MustCompile(`(?i)\b(?:sections?|clauses?|articles?|paragraphs?|§)\s*\**\s*\d`)
	clauseTitle = regexp.MustCompile(`(?i)(\b(?:sections?|clauses?|articles?|paragraphs?|§)\s*\**\s*\d[0-9a-z.]*(?:\s*(?:,|and|or|to|through)\s*\d[0-9a-z.]*)*\**)\s*\([^()]{1,100}\)`)
)

// withoutLinkTargets returns text without its web addresses, as the
// classifier reads it: where a link points ("…/behavioral-advertising/")
// is presentation, and the words of its address state nothing the
// sentence says ("you may opt out of analytics [here](…/ads-policy)" is
// no statement about ads).
func withoutLinkTargets(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return text
	}
	return withoutAddresses(text)
}

// withoutMail returns text with each e-mail address blanked out, with a
// "mailto:" before it, and with the "or", "and" or comma that joins it to
// the address before it (as link text and target, or two addresses).
func withoutMail(text string) string {
	b := []byte(text)
	last := -1 // end of the last address blanked
	for i := 0; i < len(b); i++ {
		if b[i] != '@' {
			continue
		}
		start, end := i, i+1
		for start > 0 && mailByte(b[start-1]) {
			start--
		}
		for end < len(b) && mailByte(b[end]) {
			end++
		}
		for end > i+1 && b[end-1] == '.' {
			end-- // the full stop that ends the sentence
		}
		if start == i || !strings.Contains(string(b[i+1:end]), ".") {
			continue // not an address: "@handle", "a @ b"
		}
		if start >= len("mailto:") && strings.EqualFold(string(b[start-len("mailto:"):start]), "mailto:") {
			start -= len("mailto:")
		}
		if last >= 0 && joins(b[last:start]) {
			start = last
		}
		for j := start; j < end; j++ {
			b[j] = ' '
		}
		last, i = end, end-1
	}
	return string(b)
}

// mailByte reports a byte that may be part of an e-mail address.
func mailByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("._%+-", c) >= 0
}

// joins reports whether what lies between two addresses only joins them:
// link brackets, spaces, a comma, "or" or "and".
func joins(between []byte) bool {
	words := strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune("[]()<>,;/", r) {
			return ' '
		}
		return r
	}, string(between)))
	return len(words) == 0 || len(words) == 1 && (strings.EqualFold(words[0], "or") || strings.EqualFold(words[0], "and"))
}

// withoutAddresses returns text with each web address ("https://…",
// "www.…") blanked out, up to the next space, closing parenthesis or
// bracket.
func withoutAddresses(text string) string {
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		if !addressAt(b, i) {
			continue
		}
		for ; i < len(b) && b[i] != ' ' && b[i] != ')' && b[i] != ']' && b[i] != '\n'; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// addressAt reports a web address starting at b[i].
func addressAt(b []byte, i int) bool {
	if i > 0 && (b[i-1] >= 'a' && b[i-1] <= 'z' || b[i-1] >= 'A' && b[i-1] <= 'Z') {
		return false // inside a word
	}
	return prefixFold(b[i:], "https://") || prefixFold(b[i:], "http://") || prefixFold(b[i:], "www.")
}

// prefixFold reports whether b starts with the lower-case ASCII prefix p,
// in any case.
func prefixFold(b []byte, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for j := 0; j < len(p); j++ {
		if c := b[j]; c != p[j] && c+'a'-'A' != p[j] {
			return false
		}
	}
	return true
}

// compareKey is the form in which a sentence is compared across versions:
// its words without articles, "of" and "that", negations written out,
// initials joined, a word typed twice written once, "such as", "e.g." and
// "for example" as "like", "i.e." as "that is", and without line breaks
// or numbering (a leading clause number or list letter, the number of a
// cross-referenced section), so that changes of style alone, and a
// renumbering in a larger rewrite, are no change of the statement.
func compareKey(words []string) string {
	var b strings.Builder
	size := 0
	for _, w := range words {
		size += len(w) + 1
	}
	b.Grow(size)
	initials := false  // the last word written is a run of single letters
	leading := true    // no word written yet: numbering may still be read
	numbering := false // the last word was left out as numbering
	skip := false      // the word was read with the one before it
	for i, w := range words {
		if skip {
			skip = false
			continue
		}
		if next := ""; i+1 < len(words) {
			next = words[i+1]
			// "e.g." and "for example", "i.e." and "that is" are one
			// abbreviation spelled two ways: both read as the words
			// "such as" and "that is" are read ("like", and "is"
			// without its "that").
			switch {
			case w == "e" && next == "g", w == "for" && (next == "example" || next == "instance"):
				w, skip = "eg", true
			case w == "i" && next == "e":
				w, skip = "ie", true
			}
		}
		switch w {
		case "eg":
			w = "like"
		case "ie":
			w = "is"
		}
		switch w {
		case "a", "an", "the", "of", "that", "br":
			// "in response to a valid legal process" and "in response to
			// valid legal process", "off of our products" and "off our
			// products", "the data that we keep" and "the data we keep"
			// state the same; "br" is a line break written in HTML.
			continue
		}
		if i > 0 && w == words[i-1] {
			// "indicated by by any" is a typo of "indicated by any".
			continue
		}
		numbering = isNumber(w) && (numbering || leading && i+1 < len(words) && isNumber(words[i+1]) || i > 0 && isReference(words[i-1]))
		if numbering {
			// "10.3 Data Protection" renumbered "11.3", "Section 5"
			// become "Section 4": the clause itself is unchanged. A
			// single number leading a sentence may be an age or a
			// period ("16 is the minimum age") and stays.
			continue
		}
		if leading && len(w) == 1 && i+1 < len(words) && len(words[i+1]) > 1 {
			// "(k) ensure …", "h. the user …": a list letter.
			continue
		}
		leading = false
		if w == "as" && i > 0 && words[i-1] == "such" {
			continue
		}
		if w == "such" && i+1 < len(words) && words[i+1] == "as" {
			// "data such as your name" and "data like your name".
			w = "like"
		}
		// "U.S." for "US" is a change of style: its letters are one word.
		if len(w) == 1 && initials {
			b.WriteString(w)
			continue
		}
		initials = len(w) == 1
		// "aren't" for "are not" is a change of style, not of what the
		// sentence states; so are British or American spelling and the
		// number of a noun ("our services are" and "our service is").
		w = writtenOut(w)
		if verb, not, ok := strings.Cut(w, " "); ok {
			w = spelling(verb) + " " + not
		} else {
			w = spelling(w)
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// spelling returns a word in one of its spellings: American rather than
// British ("recognise", "anonymised", "defence", "behaviour"), without a
// plural or third-person "s" ("services", "shares"), and "is" and "have"
// for "are" and "has". Different words may share a spelling; the key only
// has to tell a rewording from the same statement restyled.
func spelling(w string) string {
	switch w {
	case "are":
		return "is"
	case "has":
		return "have"
	}
	// A word tries only the endings that end in its last letter (most
	// words end in a letter none ends in), not all fourteen.
	if len(w) > britishShortest+2 {
		for _, s := range britishByLast[w[len(w)-1]] {
			if len(w) > len(s.british)+2 && strings.HasSuffix(w, s.british) {
				w = w[:len(w)-len(s.british)] + s.american
				break
			}
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

// britishEndings are British word endings with their American spelling,
// the first that ends a word applying.
var britishEndings = [...]britishEnding{
	{"isation", "ization"}, {"isations", "izations"}, {"ise", "ize"}, {"ised", "ized"}, {"ises", "izes"},
	{"ising", "izing"}, {"iser", "izer"}, {"isers", "izers"}, {"ence", "ense"}, {"iour", "ior"}, {"vour", "vor"},
	{"nour", "nor"}, {"bour", "bor"}, {"lour", "lor"},
}

// britishEnding is a British word ending with its American spelling.
type britishEnding struct{ british, american string }

// britishByLast and britishShortest are britishEndings by their last
// letter, in table order, and the length of the shortest.
var britishByLast, britishShortest = func() (byLast [256][]britishEnding, shortest int) {
	shortest = len(britishEndings[0].british)
	for _, s := range britishEndings {
		last := s.british[len(s.british)-1]
		byLast[last] = append(byLast[last], s)
		shortest = min(shortest, len(s.british))
	}
	return byLast, shortest
}()

// writtenOut returns a negation written short, as words lose their
// apostrophes ("isn't" is "isnt"), with its words written out, and any
// other word as it is.
func writtenOut(w string) string {
	switch w {
	case "isnt", "arent", "wasnt", "werent", "doesnt", "didnt", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt", "mustnt":
		return w[:len(w)-2] + " not"
	case "dont":
		return "do not"
	case "wont":
		return "will not"
	case "cant", "cannot":
		return "can not"
	}
	return w
}

// findings classifies every sentence of a Markdown document. When keys
// is not nil, it receives the key of every sentence.
func (c *classifier) findings(markdown string, m *memo, keys map[string]bool) []finding {
	var out []finding
	for pi, part := range m.split.Parse(markdown) {
		// What a section states depends on its heading and body alone:
		// the sections both versions have are read once.
		read, ok := m.parts[part]
		if !ok {
			read = c.readPart(part, m)
			m.parts[part] = read
		}
		if keys != nil {
			for _, k := range read.keys {
				keys[k] = true
			}
		}
		for _, f := range read.findings {
			f.part = pi
			out = append(out, f)
		}
	}
	return out
}

// partFindings is what a section states: the findings of its sentences,
// with part left 0, and the keys of its sentences.
type partFindings struct {
	findings []finding
	keys     []string
}

// readPart classifies every sentence of a section.
func (c *classifier) readPart(part diff.Part, m *memo) partFindings {
	var out []finding
	var keys []string
	topics, ok := m.topics[part.Heading]
	if !ok {
		topics = c.topics(part.Heading)
		m.topics[part.Heading] = topics
	}
	var lead leadIn                                    // the lead-in whose list the sentences continue
	var items map[string]int                           // the section's list items, read at its first lead-in
	var entries map[string]bool                        // the section's list items and table rows, read when a heading names a topic
	digest := digestSentences(part.Heading, part.Body) // the page's digests of itself, which restate it
	var semi semicolonList                             // the ";" list the sentences continue
	var titles map[string]bool                         // the section's titles set as text, read at the first that states something
	var titled [][2]int                                // findings of titles: index in out, index of the title's sentence
	sents, blockStart := m.split.SentenceStarts(part.Body)
	for si, text := range sents {
		first := len(out)
		if lead.ok && !lead.continues(text, items) {
			lead = leadIn{}
		}
		cl := c.classified(text, m)
		keys = append(keys, cl.key)
		semiLead := semi.leadFor(text, blockStart[si])
		semi.advance(text, semiLead != "")
		for _, v := range cl.verdicts {
			sn := lead.senseFor(&c.cats[v.cat], v.sense)
			out = append(out, finding{cat: v.cat, sense: sn, text: text, key: cl.key, words: cl.words, section: part.Heading, digest: digest[text]})
		}
		verdicts := cl.verdicts
		if semiLead != "" {
			for _, cv := range c.withLead(semiLead, text, cl.verdicts, m) {
				verdicts = append(slices.Clip(verdicts), cv.verdict)
				sn := lead.senseFor(&c.cats[cv.cat], cv.sense)
				out = append(out, finding{cat: cv.cat, sense: sn, text: text, key: cv.key, words: cv.words, section: part.Heading, digest: digest[text]})
			}
		}
		for _, v := range lead.verdicts {
			if !slices.ContainsFunc(verdicts, func(own verdict) bool { return own.cat == v.cat }) {
				out = append(out, finding{cat: v.cat, sense: v.sense, text: text, key: cl.key, words: cl.words, section: part.Heading, digest: digest[text]})
			}
		}
		if len(out) > first && !strings.ContainsAny(text[len(text)-1:], ".;:!?") {
			if titles == nil {
				titles = titleSentences(part.Body)
			}
			if titles[text] {
				for oi := first; oi < len(out); oi++ {
					titled = append(titled, [2]int{oi, si})
				}
			}
		}
		if strings.HasSuffix(text, ":") {
			if items == nil {
				items = listSentences(part.Body)
			}
			if l := newLeadIn(text, cl.verdicts, items); l.ok {
				lead = l
			}
		}
		if topics == nil {
			continue
		}
		if entries == nil {
			entries = listEntries(part.Body)
		}
		if !entries[text] {
			continue
		}
		for _, ci := range topics {
			if !slices.ContainsFunc(cl.verdicts, func(v verdict) bool { return v.cat == ci }) {
				out = append(out, finding{cat: ci, sense: affirmative, text: text, key: cl.key, words: cl.words, section: part.Heading, byTopic: true, digest: digest[text]})
			}
		}
	}
	var title *sectionTitle
	for i, t := range titled {
		if i == 0 || titled[i-1][1] != t[1] {
			title = &sectionTitle{}
			for j := t[1] + 1; j < len(sents) && !titles[sents[j]]; j++ {
				if key := m.verdicts[sents[j]].key; strings.Trim(key, "0123456789 ") != "" {
					title.body = append(title.body, key) // not the next clause's number
				}
			}
		}
		out[t[0]].title = title
	}
	return partFindings{out, keys}
}

// classified returns what a sentence states, classifying it once.
func (c *classifier) classified(text string, m *memo) classified {
	cl, ok := m.verdicts[text]
	if !ok {
		// The sentence's clauses are read once, here; its words are
		// kept, in a slice of their own size.
		s := tokenizeInto(text, m.scratch.tokens)
		m.scratch.tokens = s
		cl.key, cl.words = keyOf(text, s.words), slices.Clone(s.words)
		if t := withoutClauseTitles(withoutLinkTargets(text)); t != text {
			// The sentence is compared as written, and read without
			// the titles of the clauses it names and without its web
			// addresses.
			s = tokenize(t)
		}
		c.classifySentence(s, &m.scratch, func(cat int, sn sense) {
			cl.verdicts = append(cl.verdicts, verdict{cat, sn})
		})
		m.verdicts[text] = cl
	}
	return cl
}

// A carried verdict is what an item of a semicolon list states read after
// the list's lead-in, with the key and words of the lead-in and the part
// of the item that states it: the same item is the same statement in two
// versions even where their ";" cut the list elsewhere.
type carriedVerdict struct {
	verdict
	key   string
	words []string
}

// withLead returns what an item of a semicolon list states only when read
// after its list's lead-in (the lead-in "We may share:" and the item "(b)
// your location with advertisers"), beside the verdicts it has of its own
// words. What a lead-in whole by itself states ("We collect your location
// for these purposes:") is its own sentence's finding, not each item's;
// a lead-in that each item completes ("We share your data with:") states
// it of each item, as a lead-in of list items does (see leadIn).
//
// Items too short to be split off stay together ("to train our staff; to
// improve our AI assistant;"): each is read after the lead-in by itself,
// so that one item's words ("train our staff") do not exclude the other's
// category; an item that starts as a new sentence would ("Photos; We
// also …", a table's next cell) ends the list.
func (c *classifier) withLead(lead, item string, own []verdict, m *memo) []carriedVerdict {
	var alone []verdict
	if l := c.classified(lead, m); len(l.words) == 0 || !completedByItems(l.words[len(l.words)-1]) {
		alone = l.verdicts
	}
	var out []carriedVerdict
	for part := range strings.SplitAfterSeq(item, "; ") {
		if _, ok := itemStart(part); !ok {
			break
		}
		joined := c.classified(lead+" "+part, m)
		for _, v := range joined.verdicts {
			has := func(w verdict) bool { return w.cat == v.cat }
			if slices.ContainsFunc(own, has) || slices.ContainsFunc(alone, has) ||
				slices.ContainsFunc(out, func(cv carriedVerdict) bool { return cv.cat == v.cat }) {
				continue
			}
			out = append(out, carriedVerdict{v, joined.key, joined.words})
		}
	}
	return out
}

// listEntries returns the sentences of a section's list items and table
// rows: entries ("Sentry: for logging errors") that a heading gives their
// sense.
func listEntries(body string) map[string]bool {
	out := map[string]bool{}
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if !diff.IsListItem(t) && !strings.HasPrefix(t, "|") {
			continue
		}
		for _, s := range diff.Sentences(t) {
			out[s] = true
		}
	}
	return out
}

// topics returns the categories whose sections phrases occur in a
// heading: the list entries and table rows under it state the category.
// Whole sentences under it are read by their own words.
func (c *classifier) topics(heading string) []int {
	if heading == "" {
		return nil
	}
	var out []int
	words := tokenize(heading).words
	for ci, cat := range c.cats {
		if anyContains(cat.sections, words) && !anyContains(cat.sectionsExcept, words) {
			out = append(out, ci)
		}
	}
	return out
}

// Classify returns the provisions a single version states, one per
// category in table order, with the first sentence that states it as
// evidence. Restrictive statements ("we do not sell your data") are not
// provisions of their category and are left out.
func Classify(markdown string) []Provision {
	c := rules()
	seen := make([]bool, len(c.cats))
	out := []Provision{}
	fs := c.findings(markdown, newMemo(), nil)
	for ci := range c.cats {
		for _, f := range fs {
			if f.cat != ci || f.sense != affirmative || seen[ci] {
				continue
			}
			seen[ci] = true
			sev, _ := c.escalate(ci, c.cats[ci].Severity.Added, statementOf(f))
			out = append(out, Provision{
				Category:    c.cats[ci].ID,
				Severity:    sev,
				Evidence:    f.text,
				Section:     f.section,
				Regulations: regulationNames(c.cats[ci].Regulations),
			})
		}
	}
	return out
}
