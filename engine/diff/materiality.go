package diff

import (
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Materiality of a change: a substantive change alters what the document
// says; an editorial one only corrects or reformats it.
const (
	Substantive = "substantive"
	Editorial   = "editorial"
)

// Editorial reasons, in the order a summary lists them.
const (
	ReasonSpelling    = "spelling"
	ReasonPunctuation = "case, punctuation or formatting"
	ReasonDuplicate   = "duplicated passage"
	ReasonContact     = "contact details"
	ReasonRename      = "rename"
)

var reasonOrder = []string{ReasonSpelling, ReasonPunctuation, ReasonDuplicate, ReasonContact, ReasonRename}

// materiality decides whether every difference between two versions is
// editorial. It walks the changed runs of the section diffs and stops at
// the first one that could change the meaning, so a substantive change
// costs little more than the diff itself.
type materiality struct {
	oldParts, newParts []*part
	oldText, newText   string // normalized words of each version, space-delimited, built on demand
	oldMD, newMD       string
	oldLower, newLower string // the versions in lower case, for counting names
	names              map[string]nameCount
	reasons            map[string]bool
}

// classify returns the materiality of a changed pair and, when it is
// editorial, the kinds of edit found.
func classify(oldMD, newMD string, oldParts, newParts []*part, sections []Section) (string, []string) {
	m := &materiality{oldParts: oldParts, newParts: newParts, oldMD: oldMD, newMD: newMD, reasons: map[string]bool{}}
	if !m.editorial(sections) {
		return Substantive, nil
	}
	var reasons []string
	for _, r := range reasonOrder {
		if m.reasons[r] {
			reasons = append(reasons, r)
		}
	}
	if len(reasons) == 0 {
		reasons = []string{ReasonPunctuation}
	}
	return Editorial, reasons
}

func (m *materiality) editorial(sections []Section) bool {
	if alnumCount(m.oldMD) == alnumCount(m.newMD) && m.text(true) == m.text(false) {
		m.reasons[ReasonPunctuation] = true
		return true
	}
	if m.sections(sections) {
		return true
	}
	if restructured(sections) {
		clear(m.reasons)
		if m.stream() {
			return true
		}
	}
	// The versions are filtered once, for both uses below.
	old, new, chromeDiffers := withoutChrome(m.oldMD, m.newMD)
	if chromeDiffers && Significant(old) == Significant(new) || onlyPromotion(m.oldMD, m.newMD) ||
		promotionAndChrome(m.oldMD, m.newMD) || pastNotice(m.oldMD, m.newMD) {
		clear(m.reasons)
		m.reasons[ReasonPunctuation] = true // the page's furniture changed
		return true
	}
	if !chromeDiffers {
		return false
	}
	ok, reasons := editorialBesideChrome(old, new)
	if ok {
		clear(m.reasons)
		m.reasons[ReasonPunctuation] = true // the page's furniture changed
		for _, r := range reasons {
			m.reasons[r] = true
		}
	}
	return ok
}

// sections checks each changed section.
func (m *materiality) sections(sections []Section) bool {
	for _, sec := range sections {
		switch sec.Kind {
		case KindMoved:
			return false // order can matter: a safeguard moved under another heading
		case KindAdded, KindRemoved:
			if !m.passage(sec) {
				return false
			}
		default:
			if relatedBoxEdited(sec) {
				m.reasons[ReasonPunctuation] = true // the help centre's links to other pages
				continue
			}
			if !m.heading(sec) {
				return false
			}
			if !m.ops(sec.Heading, sec.Ops) {
				return false
			}
		}
	}
	return true
}

// heading checks the heading of a matched section. Only the text before
// a document's first heading has none, so a heading that appears or
// disappears over the same text is the page's title, which binds nobody.
func (m *materiality) heading(sec Section) bool {
	if sec.OldHeading == "" {
		return true
	}
	old, new := strings.Fields(sec.OldHeading), strings.Fields(sec.Heading)
	if len(tokens(old)) == 0 || len(tokens(new)) == 0 {
		m.reasons[ReasonPunctuation] = true
		return true
	}
	if m.titleBarEdited(old, new) {
		m.reasons[ReasonRename] = true // the page's title bar: "Example | U.S. | Privacy Policy"
		return true
	}
	if summaryHeading(tokens(old)) && summaryHeading(tokens(new)) {
		m.reasons[ReasonRename] = true // "Key Takeaways" called "Page Summary"
		return true
	}
	return m.run("", old, new, "")
}

// summaryHeading reports a heading that only names the page's summary
// ("AI-generated Key Takeaways", "Page Summary", "At a glance"): the
// summary box a site puts over its pages, whose points are compared as
// text of their own.
func summaryHeading(ts []tok) bool {
	named := false
	for _, t := range ts {
		switch {
		case summaryWords[t.norm]:
			named = true
		case !summaryQualifiers[t.norm]:
			return false
		}
	}
	return named
}

var summaryWords = boolSet(`summary takeaways highlights overview glance tldr`)

var summaryQualifiers = boolSet(`ai generated aigenerated key page quick the this article at a of in`)

// ops checks each changed run of a section's word diff with the unchanged
// words around it; before the first words of the section comes its
// heading ("By post:" over an address).
func (m *materiality) ops(heading string, ops []Op) bool {
	moved := movedLinks(ops)
	for i := 0; i < len(ops); {
		if ops[i].Kind == OpEqual {
			i++
			continue
		}
		if moved[ops[i].Text] && (i+1 == len(ops) || ops[i+1].Kind == OpEqual) && (i == 0 || ops[i-1].Kind == OpEqual) {
			m.reasons[ReasonPunctuation] = true // a link moved within its list
			i++
			continue
		}
		var del, ins []string
		j := i
		for ; j < len(ops); j++ {
			if ops[j].Kind == OpEqual {
				// Changes kept apart only by markup (the "> " of quoted
				// lines, a table's pipes) are one edit: an address
				// rewritten line by line is judged whole, with its
				// street words.
				if j+1 == len(ops) || ops[j+1].Kind == OpEqual || !markupOnly(ops[j].Text) {
					break
				}
				f := strings.Fields(ops[j].Text)
				del, ins = append(del, f...), append(ins, f...)
				continue
			}
			if ops[j].Kind == OpDelete {
				del = append(del, strings.Fields(ops[j].Text)...)
			} else {
				ins = append(ins, strings.Fields(ops[j].Text)...)
			}
		}
		var left, right string
		switch {
		case i > 0:
			left = ops[i-1].Text
		case heading != "":
			left = heading + ":" // a heading ends a clause: numbering may follow
		}
		if j < len(ops) {
			right = ops[j].Text
		}
		if !m.run(left, del, ins, right) {
			return false
		}
		i = j
	}
	return true
}

// movedLinks returns the texts that a section's diff both removes and
// adds, each a run of its own made only of links, between links: a link
// moved within a list of related articles or a menu. A sentence moved
// stays a change, since where a sentence stands can change what it
// qualifies, and so does a link moved out of a sentence ("we share data
// with: [Example](…)").
func movedLinks(ops []Op) map[string]bool {
	var removed, added map[string]bool
	for i, o := range ops {
		text := strings.TrimSpace(o.Text)
		if o.Kind == OpEqual || !strings.HasPrefix(text, "[") || !strings.HasSuffix(text, ")") ||
			i+1 < len(ops) && (ops[i+1].Kind != OpEqual || !strings.HasPrefix(strings.TrimSpace(ops[i+1].Text), "[")) ||
			i > 0 && (ops[i-1].Kind != OpEqual || !endsWithLink.MatchString(tail(ops[i-1].Text, 2048))) ||
			!linksOnly.MatchString(o.Text) {
			continue
		}
		set := &added
		if o.Kind == OpDelete {
			set = &removed
		}
		if *set == nil {
			*set = map[string]bool{}
		}
		(*set)[o.Text] = true
	}
	var moved map[string]bool
	for t := range added {
		if removed[t] {
			if moved == nil {
				moved = map[string]bool{}
			}
			moved[t] = true
		}
	}
	return moved
}

// tail returns the last n bytes of s, or all of it.
func tail(s string, n int) string {
	return s[max(0, len(s)-n):]
}

var (
	linksOnly    = regexp.MustCompile(`^\s*(?:\[[^\[\]]+\]\([^()\s]+\)\s*)+$`)
	endsWithLink = regexp.MustCompile(`\]\([^()\s]+\)\s*$`)
)

// markupOnly reports a text with no word, only markup such as the "> "
// of quoted lines.
func markupOnly(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 {
			return false
		}
	}
	return strings.TrimSpace(text) != ""
}

// passage checks a whole section added or removed.
func (m *materiality) passage(sec Section) bool {
	var words []string
	op := OpInsert
	if sec.Kind == KindRemoved {
		op = OpDelete
	}
	for _, o := range sec.Ops {
		words = append(words, strings.Fields(o.Text)...)
	}
	heading := strings.Fields(sec.Heading)
	all := append(slices.Clip(heading), words...)
	toks := tokens(all)
	if len(toks) == 0 {
		m.reasons[ReasonPunctuation] = true
		return true
	}
	body := tokens(words)
	if len(body) == 0 {
		// A heading alone is a title or a menu entry; it binds nobody.
		m.reasons[ReasonPunctuation] = true
		return true
	}
	sentences := sec.Added
	if op == OpDelete {
		sentences = sec.Removed
	}
	if relatedBox(heading, words) || sec.Heading == "" && m.breadcrumb(words, op == OpDelete) || helpBox(heading, sentences) {
		m.reasons[ReasonPunctuation] = true // the help centre's links to other pages
		return true
	}
	if m.inOther(body, op == OpDelete) {
		m.reasons[ReasonDuplicate] = true
		return true
	}
	if contactRun(m.afterQuestion(toks), nil, nil) {
		m.reasons[ReasonContact] = true
		return true
	}
	if m.contents(words, op == OpDelete) {
		m.reasons[ReasonPunctuation] = true
		return true
	}
	return false
}

// run decides whether replacing the words del by ins, between the
// unchanged texts left and right, is editorial.
func (m *materiality) run(left string, del, ins []string, right string) bool {
	if (len(del) > 0 || len(ins) > 0) && sameGlued(del, ins) {
		// Compared before tokens, which set web addresses and domains
		// aside: "**Twitch.tv****Privacy**" and "**Twitch.tv** **Privacy**"
		// differ in a space and emphasis marks only.
		m.reasons[ReasonPunctuation] = true // words split or joined
		return true
	}
	if lettersRepaired(del, ins) {
		m.reasons[ReasonSpelling] = true // letters garbled by a wrong decoding
		return true
	}
	leftCtx := tokens(lastFields(left, contextWords))
	rightCtx := tokens(firstFields(right, contextWords))
	del, ins = dropMarkdownComments(del), dropMarkdownComments(ins)
	del, ins = spelledOut(del), spelledOut(ins)
	del, ins = dropSpacedAnchors(del), dropSpacedAnchors(ins)
	del, ins = dropWindowHintWords(del), dropWindowHintWords(ins)
	del, ins = dropLinkTooltips(del), dropLinkTooltips(ins)
	d := dropNumbering(tokens(del), leftCtx)
	n := dropNumbering(tokens(ins), leftCtx)
	if repointed(d, n, del, ins) {
		m.reasons[ReasonPunctuation] = true // a link to the same page worded anew
		return true
	}
	d, n, retitled := retitledLinks(d, n, del, ins)
	if retitled && len(d) == 0 && len(n) == 0 {
		m.reasons[ReasonPunctuation] = true // a link shown by its address now shown by its title
		return true
	}
	if len(d) == 0 && toggleLink(ins) || len(n) == 0 && toggleLink(del) {
		m.reasons[ReasonPunctuation] = true // a button that folds the passage
		return true
	}
	if namedBySite(del, ins) || namedBySite(ins, del) {
		m.reasons[ReasonRename] = true // "Example" called "Example.de"
		return true
	}
	if siteNamedAnew(ins, del) || siteNamedAnew(del, ins) {
		return false // "Google.org" added to a list of brands
	}
	if m.change(leftCtx, d, n, rightCtx) {
		return true
	}
	// A company named by its web address ("Example.ca, Inc."), a word the
	// tokens set aside, took another legal form.
	if rl, rd, rn, _ := trimShared(wordToks(lastFields(left, contextWords)), wordToks(del), wordToks(ins), nil); m.legalFormChanged(rl, rd, rn) {
		m.reasons[ReasonRename] = true
		return true
	}
	p, dAll, nAll := commonPrefix(d, n), d, n
	d, n = trimCommon(d, n)
	switch {
	case len(d) == 0 && m.duplicate(n, clauseInside(n, nAll[:p], leftCtx), left, right, false),
		len(n) == 0 && m.duplicate(d, clauseInside(d, dAll[:p], leftCtx), left, right, true):
		m.reasons[ReasonDuplicate] = true
		return true
	case len(d) == 0 && m.contents(ins, false), len(n) == 0 && m.contents(del, true),
		pageNoticeRun(d, n), pageNoticeRun(n, d):
		m.reasons[ReasonPunctuation] = true
		return true
	}
	return m.aligned(leftCtx, d, n, rightCtx)
}

// sameGlued reports whether two runs of words hold the same characters
// once spaces and emphasis marks are left out.
func sameGlued(a, b []string) bool {
	glued := func(ws []string) string {
		var sb strings.Builder
		for _, w := range ws {
			for i := 0; i < len(w); i++ {
				if c := w[i]; c != '*' && c != '_' {
					sb.WriteByte(c)
				}
			}
		}
		return sb.String()
	}
	return glued(a) == glued(b)
}

// change decides whether replacing the words d by n, between the
// unchanged words leftCtx and rightCtx, is an editorial edit that the
// words alone show: a correction, a date stamp, contact details or a
// rename.
func (m *materiality) change(leftCtx, d, n, rightCtx []tok) bool {
	dated := datedLine(leftCtx) || datedLine(d) || datedLine(n)
	leftCtx, d, n, rightCtx = trimShared(leftCtx, d, n, rightCtx)
	switch {
	case len(d) == 0 && len(n) == 0:
		m.reasons[ReasonPunctuation] = true
		return true
	case joinNorm(d, "") == joinNorm(n, ""):
		m.reasons[ReasonPunctuation] = true // words split or joined
		return true
	case len(d) == 1 && len(n) == 1 && (letterMarker(d[0].raw) && digitMarker(n[0].raw) || digitMarker(d[0].raw) && letterMarker(n[0].raw)):
		m.reasons[ReasonPunctuation] = true // list letters numbered: "a." become "1."
		return true
	case len(d) == len(n) && allTypos(d, n), accentsOnly(d, n):
		m.reasons[ReasonSpelling] = true
		return true
	case dated && (len(d) == 0 || dateRun(d)) && (len(n) == 0 || dateRun(n)),
		dated && stampRun(d, leftCtx) && stampRun(n, leftCtx):
		m.reasons[ReasonPunctuation] = true // a version or publication date
		return true
	case datePart(leftCtx, d, rightCtx) && datePart(leftCtx, n, rightCtx):
		// A date moved inside a sentence ("From 1 February 2026, refunds
		// take 2 days" becoming 1 March) changes when a term applies,
		// wherever it occurs: it is no rename, no phone number. A date
		// stamp was let through above.
		return false
	case m.contact(d, n, leftCtx, rightCtx), personName(d) && personName(n), officerNamed(leftCtx, d, n), byline(leftCtx, d, n),
		companyDetail(leftCtx, d, n), registrationNumber(leftCtx, d, n):
		m.reasons[ReasonContact] = true
		return true
	case sameNumber(leftCtx, d, n, rightCtx):
		m.reasons[ReasonSpelling] = true // "thirty (30) days" written "30 days"
		return true
	case quantity(leftCtx, d, rightCtx) && quantity(leftCtx, n, rightCtx):
		// An age, a period or an amount replaced wherever it occurs
		// ("under the age of 16" becoming 13 in every sentence that
		// states it) is no rename: it changes what the document says.
		return false
	case m.rename(d, n), m.nameCompleted(leftCtx, d, n, rightCtx), m.renameInName(leftCtx, d, n, rightCtx),
		m.abbreviationRenamed(d, n), m.legalFormChanged(leftCtx, d, n):
		m.reasons[ReasonRename] = true
		return true
	case initialism(d, n) || initialism(n, d):
		m.reasons[ReasonSpelling] = true // "U.S." spelled out "United States"
		return true
	case len(d) == 1 && len(n) == 1 && (documentRenamed(leftCtx, d[0], n[0]) || documentRenamedFrench(d[0], n[0], rightCtx)):
		m.reasons[ReasonRename] = true // "Privacy Policy" called "Privacy Notice"
		return true
	case len(d) == 1 && len(n) == 1 && (abbreviation(d[0], n[0]) || abbreviation(n[0], d[0])):
		m.reasons[ReasonSpelling] = true // "Article 17" and "Art. 17"
		return true
	case len(d) == 0 && (controlLabel(n, leftCtx, rightCtx) || m.controlLine(n, false)),
		len(n) == 0 && (controlLabel(d, leftCtx, rightCtx) || m.controlLine(d, true)):
		m.reasons[ReasonPunctuation] = true // a button of the page saved with the text
		return true
	case grammar(d, n), contracted(d, n), gestureReplaced(d, n):
		m.reasons[ReasonSpelling] = true
		return true
	case typesetTerms(d, n, rightCtx):
		m.reasons[ReasonPunctuation] = true // how defined terms are set in type
		return true
	case controlRenamed(leftCtx, d, n):
		m.reasons[ReasonRename] = true
		return true
	}
	return false
}

// contact reports contact details replaced, added or removed. Words both
// versions share were trimmed from d and n, so a side left empty is judged
// by the other: "[contact us](…/support)" becoming "contact us at
// support@example.com" adds an address.
func (m *materiality) contact(d, n, leftCtx, rightCtx []tok) bool {
	switch {
	case len(d) == 0:
		return contactRun(m.afterQuestion(n), leftCtx, rightCtx)
	case len(n) == 0:
		return contactRun(m.afterQuestion(d), leftCtx, rightCtx)
	}
	return contactRun(d, leftCtx, rightCtx) && contactRun(n, leftCtx, rightCtx)
}

// maxAligned bounds the words of a changed run that are aligned word by
// word; the alignment costs O(N·D).
const maxAligned = 4000

// aligned splits a long changed run into the smaller edits it is made of
// and checks each. Large sections are diffed line by line, so one
// corrected word changes a whole paragraph: aligning the paragraph's two
// versions finds the word.
func (m *materiality) aligned(leftCtx, d, n, rightCtx []tok) bool {
	if len(d) == 0 || len(n) == 0 || len(d)+len(n) > maxAligned {
		return false
	}
	ops := tokenOps(norms(d), norms(n), " ")
	if !slices.ContainsFunc(ops, func(o Op) bool { return o.Kind == OpEqual }) {
		return false
	}
	i, j := 0, 0
	for k := 0; k < len(ops); {
		if ops[k].Kind == OpEqual {
			c := len(strings.Fields(ops[k].Text))
			i, j, k = i+c, j+c, k+1
			continue
		}
		di, nj := i, j
		for ; k < len(ops) && ops[k].Kind != OpEqual; k++ {
			if ops[k].Kind == OpDelete {
				di += len(strings.Fields(ops[k].Text))
			} else {
				nj += len(strings.Fields(ops[k].Text))
			}
		}
		lc := d[max(0, i-contextWords):i]
		if i == 0 {
			lc = leftCtx
		}
		rc := d[di:min(len(d), di+contextWords)]
		if di == len(d) {
			rc = rightCtx
		}
		if !m.change(lc, d[i:di], n[j:nj], rc) {
			return false
		}
		i, j = di, nj
	}
	return true
}

func norms(ts []tok) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.norm
	}
	return out
}

// contextWords is how many unchanged words either side of a run are read
// to recognise an address, a phone number or list numbering.
const contextWords = 8

// minPassage is the fewest words a removed or added passage needs to count
// as a copy of text found elsewhere in the document; shorter runs recur by
// chance.
const minPassage = 8

// duplicate reports whether the passage run, removed (from old) or added
// (to new), is one of two copies: the same words next to it (a doubled
// paragraph or word), or a long passage found elsewhere in the document.
// A clause inside a sentence is no passage: ", including content in the
// public interest" added to one exception widens it, however often the
// other exceptions of the document say it.
func (m *materiality) duplicate(run []tok, clause bool, left, right string, removed bool) bool {
	l := len(run)
	before, after := tokens(lastFields(left, l)), tokens(firstFields(right, l))
	for k := 0; k <= l; k++ {
		if k > len(before) || l-k > len(after) {
			continue
		}
		if sameNorm(before[len(before)-k:], run[l-k:]) && sameNorm(after[:l-k], run[:l-k]) {
			return true
		}
	}
	return l >= minPassage && !clause && m.inOther(run, removed)
}

// clauseInside reports whether run, the changed words after the words
// shared both sides start with, goes on a sentence: the word before it
// (shared, else in the unchanged context) ends no clause and the run
// opens with a lower-case word. A run ending with the word before it
// may as well start with that word ("[Report" of a list of links moved):
// it is judged from there.
func clauseInside(run, shared, leftCtx []tok) bool {
	if len(run) == 0 || !lowerStart(run[0].raw) {
		return false
	}
	var prev tok
	switch {
	case len(shared) > 0:
		prev = shared[len(shared)-1]
	case len(leftCtx) > 0:
		prev = leftCtx[len(leftCtx)-1]
	default:
		return false
	}
	if prev.norm == run[len(run)-1].norm && !lowerStart(prev.raw) {
		return false
	}
	return !endsClause(prev.raw)
}

func lowerStart(raw string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(raw, `*_"'([`))
	return unicode.IsLower(r)
}

// commonPrefix counts the words two runs start with.
func commonPrefix(a, b []tok) int {
	i := 0
	for i < len(a) && i < len(b) && a[i].norm == b[i].norm {
		i++
	}
	return i
}

// inOther reports whether the words of run, removed from the old version
// or added to the new one, were there twice and still are once: a copy
// dropped or added, not a passage moved. The other version is read first:
// a new or deleted passage is seldom in it, and the run's own version is
// then never built.
func (m *materiality) inOther(run []tok, removed bool) bool {
	s := " " + joinNorm(run, " ") + " "
	return strings.Contains(m.text(!removed), s) && strings.Count(m.text(removed), s) >= 2
}

// text is the normalized words of a whole version, each followed by a
// space and the whole preceded by one, built once.
func (m *materiality) text(old bool) string {
	cache, parts := &m.newText, m.newParts
	if old {
		cache, parts = &m.oldText, m.oldParts
	}
	if *cache == "" {
		var b strings.Builder
		size := 1
		for _, p := range parts {
			size += len(p.Heading) + len(p.Body) + 2
		}
		b.Grow(size)
		b.WriteByte(' ')
		for _, p := range parts {
			for _, t := range dropNumbering(tokens(strings.Fields(p.Heading)), nil) {
				b.WriteString(t.norm)
				b.WriteByte(' ')
			}
			b.WriteString(p.norm())
		}
		*cache = b.String()
	}
	return *cache
}

// alnumCount counts letters and digits: versions that differ only in
// case, punctuation and layout have the same count, which spares most
// pairs building their normalized text.
func alnumCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if x := load64(s, i); x&highBits == 0 {
				n += bits.OnesCount64(bytesIn(x, '0', '9') | bytesIn(x, 'A', 'Z') | bytesIn(x, 'a', 'z'))
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of a document, without decoding, and counted by
			// table: comparisons branch unpredictably on prose.
			n += int(asciiAlnum[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		i += size
	}
	return n
}

// asciiAlnum is 1 for the ASCII letters and digits, 0 for the other ASCII
// characters.
var asciiAlnum = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' {
			t[c] = 1
		}
	}
	return t
}()

// trimShared drops the words both runs start or end with, as trimCommon
// does, and reads them as context on their side: "c/o Example" kept at
// the head of an address rewritten after it still marks the rest as an
// address.
func trimShared(leftCtx, d, n, rightCtx []tok) ([]tok, []tok, []tok, []tok) {
	head := 0
	for head < len(d) && head < len(n) && d[head].norm == n[head].norm {
		head++
	}
	tail := 0
	for tail < len(d)-head && tail < len(n)-head && d[len(d)-1-tail].norm == n[len(n)-1-tail].norm {
		tail++
	}
	if head == 0 && tail == 0 {
		return leftCtx, d, n, rightCtx
	}
	left := append(slices.Clip(leftCtx), d[:head]...)
	right := append(slices.Clone(d[len(d)-tail:]), rightCtx...)
	return left, d[head : len(d)-tail], n[head : len(n)-tail], right
}

// trimCommon drops the words both runs start or end with once normalized.
func trimCommon(a, b []tok) ([]tok, []tok) {
	for len(a) > 0 && len(b) > 0 && a[0].norm == b[0].norm {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1].norm == b[len(b)-1].norm {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	return a, b
}

func allTypos(a, b []tok) bool {
	for i := range a {
		if a[i].norm != b[i].norm && !typo(a[i].norm, b[i].norm) {
			return false
		}
	}
	return true
}

func sameNorm(a, b []tok) bool {
	return slices.EqualFunc(a, b, func(x, y tok) bool { return x.norm == y.norm })
}

func joinNorm(ts []tok, sep string) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(t.norm)
	}
	return b.String()
}

// lastFields returns up to n words from the end of s without splitting all
// of it.
func lastFields(s string, n int) []string {
	var out []string
	end := len(s)
	for i := len(s) - 1; i >= -1 && len(out) < n; i-- {
		if i >= 0 && s[i] != ' ' {
			continue
		}
		if i+1 < end {
			out = append(out, s[i+1:end])
		}
		end = i
	}
	slices.Reverse(out)
	return out
}

// firstFields returns up to n words from the start of s.
func firstFields(s string, n int) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s) && len(out) < n; i++ {
		if i < len(s) && s[i] != ' ' {
			continue
		}
		if i > start {
			out = append(out, s[start:i])
		}
		start = i + 1
	}
	return out
}

// contents reports whether words, added to or removed from a version, are
// a table of contents: list items, or links within the page, that each
// repeat a heading of that version.
func (m *materiality) contents(words []string, removed bool) bool {
	parts := m.newParts
	if removed {
		parts = m.oldParts
	}
	headings := map[string]bool{}
	for _, p := range parts {
		headings[joinNorm(dropNumbering(tokens(strings.Fields(p.Heading)), nil), " ")] = true
	}
	if anchorContents(words, headings) {
		return true
	}
	items := 0
	var item []string
	flush := func() bool {
		defer func() { item = item[:0] }()
		if len(item) == 0 {
			return true
		}
		items++
		return headings[joinNorm(dropNumbering(tokens(item), nil), " ")]
	}
	for _, w := range words {
		if w == "*" || w == "-" || w == "+" || isListNumber(w) {
			if !flush() {
				return false
			}
			continue
		}
		item = append(item, w)
	}
	return flush() && items >= 2
}

// documentRenamed reports a privacy or cookie document called by another
// of the names such documents go by: "Privacy Policy", "Privacy Notice"
// and "Privacy Statement" are one document. left is the unchanged words
// before the change.
func documentRenamed(left []tok, old, new tok) bool {
	return len(left) > 0 && documentTopics[left[len(left)-1].norm] &&
		documentKinds[old.norm] && documentKinds[new.norm]
}

var (
	documentTopics = boolSet(`privacy cookie cookies`)
	documentKinds  = boolSet(`policy policies notice notices statement statements`)
)

// documentRenamedFrench reports a French privacy or cookie document called
// by another of its names: "Avis de confidentialité" and "Politique de
// confidentialité" are one document. In French the kind comes first and
// the topic after "de"; right is the unchanged words after the change.
// Where another edit of the title cuts them after "de" (its topic
// capitalised), the capitals of both kinds mark the document's title.
func documentRenamedFrench(old, new tok, right []tok) bool {
	if !frenchDocumentKinds[old.norm] || !frenchDocumentKinds[new.norm] || len(right) == 0 || right[0].norm != "de" {
		return false
	}
	if len(right) > 1 {
		return frenchDocumentTopics[right[1].norm]
	}
	return capitalized(old.raw) && capitalized(new.raw)
}

var (
	frenchDocumentKinds  = boolSet(`politique avis déclaration charte notice`)
	frenchDocumentTopics = boolSet(`confidentialité cookies protection`)
)

// minAbbreviation is the fewest letters an abbreviation keeps of its word:
// "art." for "article", "sec." for "section", "Abs." for "Absatz".
const minAbbreviation = 2

// abbreviation reports a word shortened with a full stop: short is written
// with one ("art.", "para.") and its letters begin long ("article",
// "paragraphe"), a word that is not one of those that bound or negate a
// statement.
func abbreviation(short, long tok) bool {
	s, l := short.norm, long.norm
	return strings.HasSuffix(strings.TrimRight(short.raw, `*_"')]`), ".") &&
		len(s) >= minAbbreviation && len(l) > len(s)+1 && strings.HasPrefix(l, s) &&
		!hasDigit(l) && !meaningful(l) && !meaningful(s)
}

// initialism reports an abbreviation written out: short is one word in
// capitals whose letters are the initials of long's capitalized words
// ("U.S." and "United States", "EU" and "European Union").
func initialism(short, long []tok) bool {
	if len(short) != 1 || len(long) < 2 || len(long) != len(short[0].norm) {
		return false
	}
	for _, r := range short[0].raw {
		if unicode.IsLower(r) {
			return false
		}
	}
	for i, t := range long {
		if !capitalized(t.raw) || t.norm == "" || t.norm[0] != short[0].norm[i] {
			return false
		}
	}
	return true
}

// controlLabel reports the label of a page control ("close", "show
// more") added or removed on its own, between a heading or the end of a
// sentence and the next sentence: the page's buttons saved with its text.
func controlLabel(ts, leftCtx, rightCtx []tok) bool {
	if len(ts) == 0 || len(ts) > 2 {
		return false
	}
	for _, t := range ts {
		if !controlWords[t.norm] {
			return false
		}
	}
	if len(leftCtx) > 0 && !endsClause(leftCtx[len(leftCtx)-1].raw) {
		return false
	}
	return len(rightCtx) == 0 || capitalized(rightCtx[0].raw)
}

// controlLine reports the label of a page control added (removed: taken
// out) as a line of its own, whatever ends the line before it (a list
// item without a stop): the version it is added to holds more lines that
// are only this label than the other.
func (m *materiality) controlLine(ts []tok, removed bool) bool {
	if len(ts) != 1 || !controlWords[ts[0].norm] {
		return false
	}
	more, fewer := m.newMD, m.oldMD
	if removed {
		more, fewer = fewer, more
	}
	return labelLines(more, ts[0].raw) > labelLines(fewer, ts[0].raw)
}

// labelLines counts the lines of md that are only label, with spaces
// around it.
func labelLines(md, label string) int {
	if !strings.Contains(md, label) {
		return 0 // most versions: the label is nowhere
	}
	n := 0
	for line := range strings.Lines(md) {
		if strings.TrimSpace(line) == label {
			n++
		}
	}
	return n
}

var controlWords = boolSet(`close open menu expand collapse show hide more less print share copy dismiss
back top download pdf fermer schließen télécharger imprimer herunterladen drucken`)

// letterMarker reports a list item's letter or lower-case roman numeral
// with its mark: "a.", "b)", "(c)", "iv.".
func letterMarker(raw string) bool {
	w, ok := listMark(raw)
	return ok && (len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' || w != "" && len(w) <= 5 && strings.Trim(w, "ivxlc") == "")
}

// digitMarker reports a list item's number with its mark: "1.", "2)",
// "(3)".
func digitMarker(raw string) bool {
	w, ok := listMark(raw)
	return ok && w != "" && len(w) <= 3 && strings.Trim(w, "0123456789") == ""
}

// listMark strips a list marker's emphasis, escapes and mark ("(b)",
// "b)", "b."); ok is false for a word with no mark.
func listMark(raw string) (string, bool) {
	w := strings.ReplaceAll(strings.Trim(raw, "*_"), "\\", "")
	switch {
	case strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")"):
		return w[1 : len(w)-1], true
	case strings.HasSuffix(w, ".") || strings.HasSuffix(w, ")"):
		return w[:len(w)-1], true
	}
	return "", false
}
