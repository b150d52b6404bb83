package analysis

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// Whether a changed sentence changed what it says about a practice.
//
// In a large rewrite most sentences of a category are re-edited: words
// swapped for synonyms, a clause moved, a sentence split in two or two
// merged, a pointer to a help page appended. What the sentence says about
// the practice (who does it, to what data, for what purpose, under what
// condition or limit, whether it is done at all, for how long) is carried
// by its content words; a statement whose content words are those of a
// statement of the other version, with synonyms read as one word, says the
// same thing and is no change of the provision.

// restatements holds the gists of the sentences of both versions, each
// computed once from its comparison key.
type restatements struct {
	gists map[string]gist // by comparison key
	keyOf func(text string) string
	// The two versions, lower-cased when a rename is first looked for.
	oldMD, newMD       string
	oldLower, newLower string
	// The changed sections, and the words the new version writes for
	// others throughout them, counted when first needed (see systematic).
	sections []diff.Section
	swaps    map[string]int
	terms    [][2]gist // the swaps made throughout, both ways (see termChanges)
}

func newRestatements(keyOf func(string) string, oldMD, newMD string, sections []diff.Section) *restatements {
	return &restatements{gists: map[string]gist{}, keyOf: keyOf, oldMD: oldMD, newMD: newMD, sections: sections}
}

func (rs *restatements) of(key string) gist {
	g, ok := rs.gists[key]
	if !ok {
		g = gistOf(key)
		rs.gists[key] = g
	}
	return g
}

// fresh returns the changed statements of a category that say something
// new, leaving out those the other version says in other words: a changed
// statement of the other version with the same gist (reworded, or moved
// and reworded), or several whose gists, each a part of its gist, make it
// up (a sentence split in two, or two merged). changed is one version's
// changed statements of the category, others the other version's, and
// extra gives for a finding the other version's changed sentences of its
// section, which may state no practice of the category: a synonym may
// have made the sentence match where it did not, and a split may have
// left the condition of a statement in a sentence of its own. Statements
// both versions make as they are never need reading: they are no change.
//
// A part of a split statement is no change either: a changed statement
// whose words are all in a changed statement of the other version that
// the changed sentences of its own version restate together. own gives
// the changed sentences of a finding's section in its own version.
//
// With renames, a statement that says what one of the other version says
// but for a company or product renamed throughout the document, or a term
// changed throughout it, is no change either (see renamed); categories
// whose substance is a name (which law, which country) take none. fromNew
// tells which version the changed statements are of.
//
// So is a statement whose words were joined or split (see respaced), and
// one of a run of sentences whose words the other version cut elsewhere
// (see regrouped). A statement that differs from one of the other version
// only in words of style is no change either (see rewordedOnly); cw are
// the words of the category's rules, which are never style but in an
// example.
func (rs *restatements) fresh(changed, others []finding, extra, own func(finding) []said, renames, fromNew bool, cw catWords) []finding {
	if len(changed) == 0 {
		return changed
	}
	mine, theirs := rs.saidBy(changed), rs.saidBy(others)
	var out []finding
	for i, f := range changed {
		g := mine[i].gist
		if len(g) > 0 && (rs.restated(g, theirs, extra(f)) || rs.piece(g, theirs, extra(f), mine, own(f)) ||
			rs.labelled(mine[i].key, theirs, extra(f), own(f)) || respaced(mine[i].key, theirs, extra(f)) ||
			rs.movedToLeadIn(mine[i], theirs, extra(f), own(f), fromNew) || regrouped(mine[i].key, own(f), extra(f)) ||
			renames && rs.renamed(f, others, fromNew) ||
			rewordedOnly(f.text, g, theirs, cw) || rewordedOnly(f.text, g, extra(f), cw)) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// said is a sentence's comparison key, gist and text.
type said struct {
	key  string
	gist gist
	text string
}

// saidBy returns the key and gist of each finding.
func (rs *restatements) saidBy(fs []finding) []said {
	out := make([]said, len(fs))
	for i, f := range fs {
		out[i] = said{f.key, rs.of(f.key), f.text}
	}
	return out
}

// saidIn returns the key and gist of each of a section's changed
// sentences, computed when first asked for (by each finding of the
// section) and kept with them; nil for no sentences.
func (rs *restatements) saidIn(l *sentences) []said {
	if l == nil || len(l.texts) == 0 {
		return nil
	}
	if l.said == nil {
		l.said = make([]said, len(l.texts))
		for i, t := range l.texts {
			k := rs.keyOf(t)
			l.said[i] = said{k, rs.of(k), t}
		}
	}
	return l.said
}

// piece reports whether g is a part of a changed statement of the other
// version (in others or extra) that changed statements of g's own version
// (in changed or own) restate together.
func (rs *restatements) piece(g gist, others, extra, changed, own []said) bool {
	for _, list := range [2][]said{others, extra} {
		for _, o := range list {
			if len(o.gist) > len(g) && g.subsetOf(o.gist) && rs.restated(o.gist, changed, own) {
				return true
			}
		}
	}
	return false
}

// restated reports whether changed statements of the other version say
// g: one with the same gist, or several whose gists, each part of g, make
// it up. A statement only shortened is not restated: a qualifier that
// went changes it.
func (rs *restatements) restated(g gist, others, extra []said) bool {
	var parts []gist
	var seen []string // keys of the parts: a sentence is found among both
	for _, list := range [2][]said{others, extra} {
		for _, o := range list {
			if slices.Equal(o.gist, g) {
				return true
			}
			if len(o.gist) >= minGistPart && len(o.gist) < len(g) && o.gist.subsetOf(g) && !slices.Contains(seen, o.key) {
				parts, seen = append(parts, o.gist), append(seen, o.key)
			}
		}
	}
	return len(parts) > 1 && covers(parts, g)
}

// movedToLeadIn reports a statement that is a changed statement of the
// other version with a qualifier more or less, which the version without
// the qualifier says of the statement's list entry as a whole: the
// lead-in of the list, where that lead-in changed ("Where the law
// allows, you may object to …" become "You may object to …" under a new
// "Where the law allows, you have the following rights:", or the other
// way), or the run-in title of the entry ("**Behavioral advertising.**
// You can opt out of sharing with ad partners" become "… with ad partners
// for behavioral advertising purposes"). The qualifier moved between the
// statement and what heads it, or repeats it, and the statement says what
// it said. The statements are the same words but for the qualifier, a run
// of words with a gist of its own, which the lead-in has as they are and
// the title has but for the word "purposes" ("for behavioral advertising
// purposes" is "for behavioral advertising"). f is the statement, fromNew
// tells its version; the other statement is one of others, the other
// version's changed statements of the category, or of extra, its changed
// sentences of the section, which may state no practice of the category
// where the qualifier made the statement match. own is the changed
// sentences of the section in the statement's version.
func (rs *restatements) movedToLeadIn(f said, others, extra, own []said, fromNew bool) bool {
	for _, o := range slices.Concat(others, extra) {
		// The version without the qualifier, its statement and its
		// changed sentences.
		md, short, long, leadIns := rs.oldMD, o, f, extra
		if fromNew == (len(f.key) < len(o.key)) {
			md = rs.newMD
		}
		if len(f.key) < len(o.key) {
			short, long, leadIns = f, o, own
		}
		qualifier, ok := insertion(short.key, long.key)
		if !ok || len(gistOf(qualifier)) < 2 {
			continue
		}
		for _, l := range leadIns {
			if strings.HasSuffix(strings.TrimSpace(l.text), ":") && strings.Contains(" "+l.key+" ", " "+qualifier+" ") && listUnder(md, l.text, short.text) {
				return true
			}
		}
		if title := entryTitle(md, short.text); title != "" {
			words := slices.DeleteFunc(gistOf(qualifier), func(w string) bool { return w == "purpos" })
			if len(words) >= 2 && gist(words).subsetOf(rs.of(rs.keyOf(title))) {
				return true
			}
		}
	}
	return false
}

// entryTitle returns the run-in title of the list entry or paragraph
// whose line text is on, when text follows it ("* **Advertising.** You
// can opt out …"); "" when there is none.
func entryTitle(markdown, text string) string {
	i := strings.Index(markdown, text)
	if i < 0 {
		return ""
	}
	line := markdown[strings.LastIndexByte(markdown[:i], '\n')+1 : i]
	line = strings.TrimSpace(listEntry.ReplaceAllString(strings.TrimLeft(line, " \t"), ""))
	for _, mark := range []string{"**", "__"} {
		if strings.HasPrefix(line, mark) && strings.HasSuffix(line, mark) && len(line) > 2*len(mark) {
			title := strings.Trim(line[len(mark):len(line)-len(mark)], " ")
			if !strings.Contains(title, mark) && strings.ContainsAny(title[len(title)-1:], ".:") {
				return title
			}
		}
	}
	return ""
}

// listUnder reports whether item is an entry of the list that lead opens
// in markdown: lead ends its line, and every line from it to item's is
// an entry of a list.
func listUnder(markdown, lead, item string) bool {
	i := strings.Index(markdown, lead)
	if i < 0 {
		return false
	}
	rest := markdown[i+len(lead):]
	j := strings.Index(rest, item)
	if j < 0 {
		return false
	}
	lines := strings.Split(rest[:j], "\n")
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "" {
		return false
	}
	for _, line := range lines[1:] {
		if strings.TrimSpace(line) != "" && !listEntry.MatchString(strings.TrimLeft(line, " \t")) {
			return false
		}
	}
	return listEntry.MatchString(strings.TrimLeft(lines[len(lines)-1], " \t"))
}

// listEntry is the start of a line that is an entry of a list.
var listEntry = regexp.MustCompile(`^(?:[-*+]\s|\(?[0-9a-z]{1,3}[.)]\s)`)

// insertion returns the words long has more than short, when long is
// short with one run of words inserted (at its start, end or inside).
func insertion(short, long string) (string, bool) {
	s, l := strings.Fields(short), strings.Fields(long)
	p, end, ok := insertedRun(s, l)
	if len(s) == 0 || !ok {
		return "", false
	}
	return strings.Join(l[p:end], " "), true
}

// respaced reports a statement that is a changed statement of the other
// version with words joined or split: the same letters but for spaces
// ("the European Commission" and "the EuropeanCommission", where a
// conversion dropped the space between two bold words, or "applicatio n").
func respaced(key string, others, extra []said) bool {
	for _, list := range [2][]said{others, extra} {
		for _, o := range list {
			if o.key != key && sameLetters(o.key, key) {
				return true
			}
		}
	}
	return false
}

// sameLetters reports whether a and b are the same but for spaces.
func sameLetters(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == ' ' {
			i++
		}
		for j < len(b) && b[j] == ' ' {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// labelled reports a statement that is a statement of the other version
// but for a run-in label before one of them: a short changed sentence
// ("Access and portability.") that now opens the statement in the other
// version, or opened it in this one, as when the label's full stop moved
// out of its bold markers and the label ran into the sentence. Only a
// label that opens the statement counts: the same few words added inside
// it may qualify the practice. own is the changed sentences of the
// statement's version in its section.
func (rs *restatements) labelled(key string, others, extra, own []said) bool {
	for _, list := range [2][]said{others, extra} {
		for _, o := range list {
			if label, ok := labelBefore(o.key, key); ok && runInLabel(label, own) {
				return true // the label ran into the other version's statement
			}
		}
	}
	for _, l := range extra {
		if !shortLabel(l) || !strings.HasPrefix(key, l.key+" ") {
			continue
		}
		rest := rs.of(key[len(l.key)+1:])
		for _, list := range [2][]said{others, extra} {
			for _, o := range list {
				if len(rest) >= minGistPart && slices.Equal(o.gist, rest) {
					return true // the label of the other version ran into this statement
				}
			}
		}
	}
	return false
}

// labelBefore returns what long has before short, when long ends with
// short after a space.
func labelBefore(long, short string) (string, bool) {
	if len(long) <= len(short)+1 || short == "" || !strings.HasSuffix(long, short) || long[len(long)-len(short)-1] != ' ' {
		return "", false
	}
	return long[:len(long)-len(short)-1], true
}

// runInLabel reports whether label is the key of a short sentence of
// sentences.
func runInLabel(label string, sentences []said) bool {
	for _, l := range sentences {
		if l.key == label && shortLabel(l) {
			return true
		}
	}
	return false
}

// shortLabel reports a sentence of one or two content words, a label.
func shortLabel(l said) bool {
	return len(l.gist) > 0 && len(l.gist) < minGistPart
}

// minGistPart is the fewest content words a sentence takes to count as a
// part of another: a heading of one or two words is part of many
// sentences and restates none of them.
const minGistPart = 3

// covers reports whether the parts together hold every word of g, as many
// times.
func covers(parts []gist, g gist) bool {
	var all gist
	for _, p := range parts {
		all = append(all, p...)
	}
	slices.Sort(all)
	return g.subsetOf(all)
}

// statesSomething reports whether a sentence can state a practice: not a
// question ("How do we answer legal requests?", a heading or an entry of
// a list of questions, whose answer is what states the practice) and not
// a line of navigation, titles separated by the rules of a table ("Your
// rights ------ How we share information ------ Contact us").
func statesSomething(text string) bool {
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), "*_#|"))
	if strings.HasSuffix(t, "?") {
		return false
	}
	return !isNavigation(t) && !definition.MatchString(t) && !isPointer(t)
}

// isPointer reports a sentence that only sends the reader elsewhere for a
// topic ("To learn more about how we use cookies, see our Cookie Policy.",
// "You can learn more about these partners in our consent tools.",
// "Section 9 applies to these purchases."): what it names is stated, or
// not, where it points. A pointer that also offers a choice ("… or to opt
// out, visit …") or runs on into another sentence is read as any other.
func isPointer(text string) bool {
	// A link that only says "learn more" after the full stop points to
	// the same place as the sentence: "… refer to our Legal Bases. [Learn
	// more](…)" is one pointer.
	lower := strings.TrimSpace(moreLinks.ReplaceAllString(strings.ToLower(text), ""))
	if !pointer.MatchString(lower) && !crossReference.MatchString(lower) {
		return false
	}
	return !pointerChoice.MatchString(lower) && !strings.Contains(strings.TrimRight(lower, ". "), ". ") && !strings.Contains(lower, "; ")
}

var (
	// listOpening is a list marker or a clause number before a sentence.
	listOpening = `^(?:[-*+]\s+|\(?[0-9a-z]{1,3}[.)]\s+|\d+(?:\.\d+)+\.?\s+)?(?:\*\*|__)?`
	pointer     = regexp.MustCompile(listOpening + `(?:(?:to|if you (?:want|wish|would like) to) (?:learn|find out|read|know|understand) (?:more|about)\b` +
		`|for (?:more|further|additional|detailed) (?:information|info|details)\b|for (?:information|details) (?:about|on|regarding)\b` +
		`|(?:you can|you may|you will|you'll) (?:also )?(?:learn|find out|read) more\b|(?:learn|find out|read) more\b` +
		`|more (?:information|details) (?:about|on|regarding|is|are|can)\b` +
		`|(?:please )?(?:see|refer to|visit|read|review|consult) (?:our|the|this|section|sections|clause|paragraph|below|above|here)\b` +
		// "You can see the information we shared and with whom by
		// clicking here": what is shown is stated where it points.
		`|(?:you can|you may) (?:also )?(?:see|view|find) .*\b(?:by clicking|click) here\b)`)
	// crossReference is a sentence whose subject is a clause of the
	// document, which applies: the clause states the practice.
	crossReference = regexp.MustCompile(listOpening + `(?:the )?(?:section|sections|clause|clauses|paragraph|paragraphs|article|articles) [0-9a-z.()]{1,12}(?: (?:and|or|through|to) [0-9a-z.()]{1,12})?(?: \([^)]{1,60}\))?(?: of (?:these|this|the) [a-z ]{1,30})? (?:also |shall |will )?(?:applies|apply)\b`)
	// moreLinks are links at the end of a sentence whose text only
	// offers more reading ("[[Learn more]](…)", "[**Read more**](…)").
	moreLinks = regexp.MustCompile(`(?:\s*\[[\[\\*_ ]*(?:learn more|read more|find out more|more information|more info|more|click here|here)[\]\\*_ ]*\]\([^)\s]*\))+\s*$`)
	// pointerChoice is a choice a pointer also offers: "… or to opt out
	// of them, visit …", "… to opt out, see …".
	pointerChoice = regexp.MustCompile(`\b(?:opt(?:ing)?[- ](?:out|in)|withdraw|object|unsubscribe|disable|turn off|delete|deactivate|exercise)`)
)

// definition matches a sentence that defines a term ("“Bulk Data” means
// …", "(b) "LLM" or "Model" refers to …"): it says what a word of the
// document stands for, and the practice is stated where the word is used.
var definition = regexp.MustCompile(`^(?:[-*+]\s+|\(?[0-9a-z]{1,3}[.)]\s+)?(?:\*\*)?["“][^"”]{1,80}["”](?:\*\*)?(?:\s+or\s+(?:\*\*)?["“][^"”]{1,40}["”](?:\*\*)?)?(?:\s*\([^)]{0,60}\))?,?\s+(?:means|shall mean|refers to|is defined as)\s`)

// isNavigation reports whether text is titles separated by rules: three
// or more short parts between runs of dashes.
func isNavigation(text string) bool {
	if !strings.Contains(text, "----") {
		return false
	}
	parts := 0
	for part := range strings.SplitSeq(text, "----") {
		part = strings.Trim(part, "- |")
		if part == "" {
			continue
		}
		if len(strings.Fields(part)) > maxTitleWords && !strings.HasSuffix(part, "?") {
			return false
		}
		parts++
	}
	return parts >= 3
}

// maxTitleWords is the most words a title of a navigation line takes,
// unless it is a question ("How is your information shared with
// partners?").
const maxTitleWords = 10

// renamed reports whether a statement of others says what f says but for
// a change of terms made throughout the document (see systematic) or for
// names: the words only f has and those only the other has are few, each
// written capitalised in its sentence, and none occurs anywhere in the
// version it is missing from. A company, product or law renamed
// throughout ("Acme" become "Acme Group", a statute's new acronym) leaves
// what is done as it was; a partner replaced by another is still named in
// the version it left or was never written as a name.
func (rs *restatements) renamed(f finding, others []finding, fromNew bool) bool {
	g := rs.of(f.key)
	for _, o := range others {
		og := rs.of(o.key)
		n, m := differ(g, og)
		if n+m > 0 && n <= maxRenameWords && m <= maxRenameWords &&
			legalForms(minus(g, og), f.text) && legalForms(minus(og, g), o.text) {
			return true // "Reddit" written "Reddit, Inc."
		}
		if n == 0 || m == 0 || n > maxSwapsWords || m > maxSwapsWords {
			continue
		}
		gained, lost := minus(g, og), minus(og, g)
		if rs.systematicAll(gained, lost) {
			return true
		}
		if n > maxRenameWords || m > maxRenameWords {
			continue
		}
		if rs.systematic(gained, lost) {
			return true
		}
		newText, oldText := f.text, o.text
		if !fromNew {
			newText, oldText = oldText, newText
			gained, lost = lost, gained
		}
		if rs.oldLower == "" {
			rs.oldLower, rs.newLower = strings.ToLower(rs.oldMD), strings.ToLower(rs.newMD)
		}
		if namesOnly(gained, newText) && namesOnly(lost, oldText) && !anyWordIn(gained, rs.oldLower) && !anyWordIn(lost, rs.newLower) {
			return true
		}
	}
	return false
}

// legalForms reports words that are all legal forms of a company written
// as names in text ("Inc", "LLC", "GmbH"): a company named with or without
// its legal form is the same party.
func legalForms(words gist, text string) bool {
	for _, w := range words {
		if !legalForm[w] {
			return false
		}
	}
	return namesOnly(words, text)
}

var legalForm = map[string]bool{"inc": true, "llc": true, "ltd": true, "limited": true, "gmbh": true, "plc": true,
	"corp": true, "corporation": true, "ag": true, "sa": true, "sas": true, "sarl": true, "bv": true, "pte": true,
	"llp": true, "pbc": true}

// maxRenameWords is the most words a renamed name takes on either side.
const maxRenameWords = 3

// systematic reports whether the words one statement has for the other's
// are a change of terms made throughout the document: the same words
// written for the same others in at least minSwaps reworded sentences
// ("this arbitration agreement" become "this arbitration provision"
// wherever it is said). A term changed throughout is a change of style;
// a practice changed in one place is not. Numbers, negations and the
// words that bound a practice (conditions, quantities, modal verbs) are
// never a change of terms.
func (rs *restatements) systematic(a, b gist) bool {
	if len(a) > maxSwapWords || len(b) > maxSwapWords || !plainTerms(a) || !plainTerms(b) {
		return false
	}
	if rs.swaps == nil {
		rs.swaps = rs.countSwaps()
	}
	return rs.swaps[swapKey(a, b)] >= minSwaps
}

// systematicAll reports whether the words one statement has for the
// other's are all changes of terms made throughout the document, several
// of them or one made more than once in the sentence ("Acme" become
// "Acme Group" twice, and "Administrator" become "Admin"): each word
// gained and each word lost belongs to a change of terms (see
// systematic) whose words the statements gained and lost.
func (rs *restatements) systematicAll(gained, lost gist) bool {
	if !plainTerms(gained) || !plainTerms(lost) {
		return false
	}
	if rs.terms == nil {
		rs.terms = rs.termChanges()
	}
	gained, lost = slices.Compact(slices.Clone(gained)), slices.Compact(slices.Clone(lost))
	var gotGained, gotLost gist
	for _, t := range rs.terms {
		if t[0].subsetOf(gained) && t[1].subsetOf(lost) {
			gotGained, gotLost = append(gotGained, t[0]...), append(gotLost, t[1]...)
		}
	}
	slices.Sort(gotGained)
	slices.Sort(gotLost)
	return gained.subsetOf(gotGained) && lost.subsetOf(gotLost)
}

// termChanges returns the changes of terms made throughout the document,
// each both ways (words written, words they replace); not nil.
func (rs *restatements) termChanges() [][2]gist {
	if rs.swaps == nil {
		rs.swaps = rs.countSwaps()
	}
	out := [][2]gist{}
	for key, n := range rs.swaps {
		if n < minSwaps {
			continue
		}
		x, y, _ := strings.Cut(key, "|")
		a, b := gist(strings.Fields(x)), gist(strings.Fields(y))
		if len(a) > 0 && len(b) > 0 {
			out = append(out, [2]gist{a, b}, [2]gist{b, a})
		}
	}
	return out
}

// maxSwapsWords is the most words on either side of changes of terms
// read together in one statement.
const maxSwapsWords = 3 * maxSwapWords

// minSwaps is how many reworded sentences must make the same change of
// terms for it to be one made throughout the document.
const minSwaps = 3

// maxSwapWords is the most words on either side of a change of terms.
const maxSwapWords = 2

// countSwaps pairs each added sentence with the removed sentence whose
// gist differs least from its own, and counts the differences of few
// words, each once per added sentence. Sentences are paired across
// sections, since a renamed heading can make a section look added and
// another removed; the candidates of a sentence are those sharing one of
// its longest words, which a change of a word or two leaves in place.
func (rs *restatements) countSwaps() map[string]int {
	var removed []gist
	byWord := map[string][]int{}
	for _, s := range rs.sections {
		for _, r := range s.Removed {
			g := rs.of(rs.keyOf(r))
			for _, w := range longest(g) {
				byWord[w] = append(byWord[w], len(removed))
			}
			removed = append(removed, g)
		}
	}
	out := map[string]int{}
	var seen []int
	for _, s := range rs.sections {
		for _, a := range s.Added {
			g := rs.of(rs.keyOf(a))
			best, bestSize := "", maxSwapWords*2+1
			seen = seen[:0]
			for _, w := range longest(g) {
				for _, i := range byWord[w] {
					if slices.Contains(seen, i) {
						continue
					}
					seen = append(seen, i)
					og := removed[i]
					if d := len(g) - len(og); d > maxSwapWords || d < -maxSwapWords {
						continue
					}
					if n, m := differ(g, og); n+m < bestSize && n > 0 && m > 0 && n <= maxSwapWords && m <= maxSwapWords {
						best, bestSize = swapKey(minus(g, og), minus(og, g)), n+m
					}
				}
			}
			if best != "" {
				out[best]++
			}
		}
	}
	return out
}

// longest returns the three longest words of g (the first in order among
// equals), by which sentences that differ in a word or two are found.
func longest(g gist) []string {
	var out []string
	for _, w := range g {
		if slices.Contains(out, w) {
			continue
		}
		out = append(out, w)
		slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
		if len(out) > swapAnchors {
			out = out[:swapAnchors]
		}
	}
	return out
}

// swapAnchors is how many of a sentence's longest words find the
// sentences it may be a rewording of.
const swapAnchors = 3

// swapKey names a change of terms whichever way it is read.
func swapKey(a, b gist) string {
	x, y := strings.Join(a, " "), strings.Join(b, " ")
	if y < x {
		x, y = y, x
	}
	return x + "|" + y
}

// plainTerms reports whether none of the words bounds a practice: no
// number, negation, condition, quantity or modal verb.
func plainTerms(words gist) bool {
	for _, w := range words {
		if hasDigit(w) || isNegator(w) || boundWords[w] {
			return false
		}
	}
	return true
}

// boundWords are the words (as gist words) that bound what a practice
// covers: conditions, quantities and modal verbs.
var boundWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`if unless only except without until befor after where while during and or
		all any some each every none no more less most least few many much other
		may will must should would could need requir optional always never`) {
		m[w] = true
	}
	return m
}()

// differ returns how many words of g h lacks, and how many of h g lacks,
// as minus would return them, without building them.
func differ(g, h gist) (int, int) {
	i, j, n, m := 0, 0, 0, 0
	for i < len(g) && j < len(h) {
		switch {
		case g[i] == h[j]:
			i, j = i+1, j+1
		case g[i] < h[j]:
			i, n = i+1, n+1
		default:
			j, m = j+1, m+1
		}
	}
	return n + len(g) - i, m + len(h) - j
}

// minus returns the words of g that h lacks, as many times as g has more.
func minus(g, h gist) gist {
	var out gist
	i := 0
	for _, w := range g {
		for i < len(h) && h[i] < w {
			i++
		}
		if i < len(h) && h[i] == w {
			i++
			continue
		}
		out = append(out, w)
	}
	return out
}

// namesOnly reports whether every word (a gist word: lower case, maybe
// stemmed) starts a word written capitalised in text, not as the
// sentence's first word.
func namesOnly(words gist, text string) bool {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return false
	}
	for _, w := range words {
		found := false
		for i := wordAt(lower, w, 0); i >= 0; i = wordAt(lower, w, i+1) {
			if i > 0 && unicode.IsUpper(rune(text[i])) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// anyWordIn reports whether one of words starts a word of lower.
func anyWordIn(words gist, lower string) bool {
	for _, w := range words {
		if wordAt(lower, w, 0) >= 0 {
			return true
		}
	}
	return false
}

// wordAt returns the first index from start at which a word of text
// starts with w, or -1.
func wordAt(text, w string, start int) int {
	for start < len(text) {
		j := strings.Index(text[start:], w)
		if j < 0 {
			return -1
		}
		i := start + j
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		start = i + 1
	}
	return -1
}
