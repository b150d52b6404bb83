// Package analysis explains a change between two versions of a policy
// document provision by provision: which kinds of clause (AI training,
// sale of data, arbitration, …) were added, removed or modified, with the
// quoted sentences as evidence, a severity, the regulations engaged and a
// one-line summary. The rules are data, one YAML file per category under
// rules/ (see rules/README.md), embedded and checked at start; the output
// is deterministic.
package analysis

import (
	"cmp"
	"slices"
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// Provision is one provision category found in a version or changed
// between two versions.
type Provision struct {
	Category    string   `json:"category"`
	Change      string   `json:"change,omitempty"`
	Severity    Severity `json:"severity"`
	Evidence    string   `json:"evidence"`
	OldEvidence string   `json:"old_evidence,omitempty"`
	Section     string   `json:"section,omitempty"`
	Regulations []string `json:"regulations"`
	// RulesOut is set when the evidence is new text that forbids others
	// to do it or rules the practice out ("developers may not …", "we do
	// not sell …"): the summary then says "prohibited" or "restricted",
	// or "removed" when it replaces the practice. It is not in the JSON,
	// whose change kinds are fixed as added, removed and modified.
	RulesOut bool `json:"-"`
}

// Report is the analysis of a change, in the JSON shape of
// `analyze --format json`.
type Report struct {
	Changed     bool           `json:"changed"`
	Materiality string         `json:"materiality,omitempty"` // diff.Substantive or diff.Editorial when Changed
	Summary     string         `json:"summary"`
	Stats       diff.Stats     `json:"stats"`
	Sections    []diff.Section `json:"sections"`
	Provisions  []Provision    `json:"provisions"`
	// Incomplete names the version (IncompleteOld or IncompleteNew) that
	// looks like a wrong capture holding a fragment of the other: its
	// provisions are not compared (see fragment).
	Incomplete string `json:"incomplete,omitempty"`
}

// NoChange is the summary of a pair that differs only in noise.
const NoChange = "No substantive change"

// Analyze compares two Markdown versions of a document.
func Analyze(oldMarkdown, newMarkdown string) Report {
	// The comparison splits the changed sections into sentences; the
	// findings below read them again.
	m := newMemo()
	d := m.split.Compare(oldMarkdown, newMarkdown)
	r := Report{Changed: d.Changed, Stats: d.Stats, Sections: d.Sections, Provisions: []Provision{}}
	if r.Sections == nil {
		r.Sections = []diff.Section{}
	}
	if !d.Changed {
		r.Summary = NoChange
		return r
	}
	r.Materiality = d.Materiality
	if d.Materiality == diff.Editorial {
		// Corrections and reformatting carry no provisions, even where
		// the corrected word names one ("biometric").
		r.Summary = editorialSummary(d.Editorial)
		return r
	}
	if which, ok := fragment(oldMarkdown, newMarkdown, d.Stats); ok {
		r.Incomplete, r.Summary = which, fragmentSummary(which, d.Stats)
		return r
	}
	// The rule table for this analysis, which knows the document: whether
	// "you" is a developer or a business depends on it.
	c := *rules()
	c.doc = newMarkdown
	// A sentence takes some 160 bytes of Markdown: maps sized for the
	// versions' sentences are not rebuilt as they grow.
	sentences := len(oldMarkdown) / 160
	m.verdicts = make(map[string]classified, sentences)
	// A new distinct word comes every 30 to 90 bytes of Markdown, the
	// longer the document the rarer.
	m.scratch.starts = make(wordStarts, len(oldMarkdown)/64)
	oldKeys, newKeys := make(map[string]bool, sentences), make(map[string]bool, sentences)
	oldF, newF := c.findings(oldMarkdown, m, oldKeys), c.findings(newMarkdown, m, newKeys)
	// Every sentence of both versions was classified above: its words and
	// key are looked up, not computed again.
	rw := newRewrites(d.Sections, m.sentence, oldMarkdown, newMarkdown, oldKeys, newKeys)
	oldLines, newLines := m.lineKeys(oldMarkdown), m.lineKeys(newMarkdown)
	c.markUnchangedLines(oldF, newKeys, newLines, m)
	c.markUnchangedLines(newF, oldKeys, oldLines, m)
	oldF, newF = dropMoved(oldF, newF, newKeys), dropMoved(newF, oldF, oldKeys)
	oldF, newF = dropHeadings(oldF, newF, m.headingKeys(newMarkdown)), dropHeadings(newF, oldF, m.headingKeys(oldMarkdown))
	oldF, newF = dropTitles(oldF, newF, newKeys), dropTitles(newF, oldF, oldKeys)
	oldF, newF = dropRunInTitles(oldF, oldMarkdown, newKeys, m), dropRunInTitles(newF, newMarkdown, oldKeys, m)
	changes := c.compare(oldF, newF, rw)
	slices.SortStableFunc(changes, func(a, b change) int {
		return cmp.Or(b.p.Severity.Compare(a.p.Severity), cmp.Compare(a.cat, b.cat))
	})
	for _, ch := range changes {
		r.Provisions = append(r.Provisions, ch.p)
	}
	r.Summary = summarize(changes, d.Sections)
	return r
}

// ownWords returns the findings that their sentence's own words state.
func ownWords(fs []finding) []finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool { return f.byTopic })
}

// dropMoved leaves out the findings of fs that only their heading states
// and whose sentence the other version has under another heading: a
// sentence that moved out of a "Data retention" section, or a heading
// repaired around it, is no change of retention.
func dropMoved(fs, other []finding, otherKeys map[string]bool) []finding {
	var kept map[catKey]bool // the other version's findings by heading
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool {
		if !f.byTopic || !otherKeys[f.key] {
			return false
		}
		if kept == nil {
			kept = map[catKey]bool{}
			for _, o := range other {
				if o.byTopic {
					kept[o.catKey()] = true
				}
			}
		}
		return !kept[f.catKey()]
	})
}

// headingKeys returns the comparison keys of a version's headings, with
// and without a leading section number ("10 personal data minor" and
// "personal data minor"): a numbered title that lost its heading markers
// reads as a numbered list item, whose number is not in its key.
func (m *memo) headingKeys(markdown string) map[string]bool {
	out := map[string]bool{}
	for _, part := range m.split.Parse(markdown) {
		if part.Heading == "" {
			continue
		}
		key := m.sentence(part.Heading).key
		out[key] = true
		if n, rest, ok := strings.Cut(key, " "); ok && isNumber(n) {
			out[rest] = true
		}
	}
	return out
}

// dropHeadings leaves out the findings of fs whose sentence is a heading
// of the other version, other, which does not state it of the category
// as a sentence: a title that lost its heading markers (a setext
// underline dropped, "10. Personal data of minors" now a numbered line)
// or a line made a heading says what it said, at another level of the
// page. A sentence the other version also has (a table of contents
// naming the heading) is compared with it as any other.
func dropHeadings(fs, other []finding, otherHeadings map[string]bool) []finding {
	stated := map[catKey]bool{}
	for _, o := range other {
		if otherHeadings[o.key] {
			stated[o.catKey()] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool {
		return otherHeadings[f.key] && !stated[f.catKey()]
	})
}

// change is a provision change with what the summary needs.
type change struct {
	cat   int
	label string
	verb  string // overrides the summary's verb ("prohibited"); empty: from the change kind
	p     Provision
}

// compare derives provision changes per category from the findings of two
// versions. Findings are compared by their significant text, so sentences
// that moved or only changed in noise do not count, and evidence is always
// a sentence that was added or removed.
func (c *classifier) compare(oldF, newF []finding, rw rewrites) []change {
	// Questions and navigation lines name a topic; they state nothing.
	said := func(f finding) bool { return !statesSomething(f.text) }
	oldF, newF = slices.DeleteFunc(oldF, said), slices.DeleteFunc(newF, said)
	var out []change
	for ci := range c.cats {
		if ch, ok := c.compareCategory(ci, split(oldF, ci), split(newF, ci), rw); ok {
			out = append(out, ch)
		}
	}
	return out
}

// bySense holds a category's findings in one version, by sense.
type bySense [3][]finding

func (c *classifier) compareCategory(ci int, o, n bySense, rw rewrites) (change, bool) {
	cat := c.cats[ci]
	oa, na := o[affirmative], n[affirmative]
	// Whether the practice is there at all rests on what sentences say:
	// a heading only tells what the sentences under it are about, so an
	// opt-out sentence that went from under "Your choices" is still gone.
	os, ns := ownWords(oa), ownWords(na)
	// Commitments not to do it that disappeared, and new ones.
	droppedR, newR := difference(o[restrictive], n[restrictive]), difference(n[restrictive], o[restrictive])
	if minorEdits(newR, droppedR) {
		droppedR, newR = nil, nil
	}
	// The changed statements, without those the other version makes in
	// other words: a rewording that keeps who does what to which data,
	// for what and under which condition changes no provision.
	added, removed := difference(na, oa), difference(oa, na)
	renames := cat.Severity.Reworded == "" // a name is not what the category is about
	cw := catWords{all: cat.words, core: cat.core, examples: renames}
	added, removed = rw.fresh(added, removed, rw.before, rw.addedBeside, renames, true, cw), rw.fresh(removed, added, rw.after, rw.removedBeside, renames, false, cw)
	came, gone := ownWords(added), ownWords(removed)
	switch {
	case len(os) == 0 && len(ns) > 0 && len(came) > 0:
		ch := c.rate(ci, ChangeAdded, came, nil, o, n)
		if len(droppedR) > 0 {
			ch.p.OldEvidence = droppedR[0].text
			if cat.Negatable {
				// A reversal: "we do not use GPS" became "we use GPS".
				ch.p.Severity = SeverityHigh
			}
		}
		return ch, true
	case len(os) > 0 && len(ns) == 0 && len(gone) > 0:
		// Evidence is the new restriction when there is one ("we do not
		// sell …"), else the sentence that disappeared.
		if len(newR) > 0 {
			ch := c.provision(ci, ChangeRemoved, newR[0], &gone[0])
			ch.p.RulesOut = true
			return ch, true
		}
		ch := c.provision(ci, ChangeRemoved, gone[0], nil)
		if c.allBindReader(gone) || c.wentWithObject(ci, gone) {
			ch.p.Severity = SeverityLow
		}
		return ch, true
	case len(oa) > 0 || len(na) > 0:
		if (len(added) > 0 || len(removed) > 0) && !minorEdits(added, removed) {
			// Rated as a modification of the practice, which it stays
			// stated in; the kind says what happened to its statements.
			ch := c.rate(ci, ChangeModified, added, removed, o, n)
			// An entry that went from or joined a list under a heading
			// ("Sub-processors") modifies the practice the list describes.
			switch {
			case len(added) == 0 && !removed[0].byTopic:
				// Only a statement went while others stay: it was
				// removed, unless it was reworded out of the cues.
				ch.p.Change = ChangeRemoved
				if now, ok := rw.now(removed[0]); ok {
					ch.p.Change, ch.p.Evidence, ch.p.OldEvidence = ChangeModified, now, removed[0].text
				}
			case len(removed) == 0 && !added[0].byTopic:
				// Only new statements beside those already there: a
				// provision was added, unless each rewords a sentence
				// that did not match the cues (a title that gained "and
				// Consent" beside a new consent is still an addition).
				ch.p.Change = ChangeAdded
				if was, ok := rw.allFormerly(added); ok {
					ch.p.Change, ch.p.OldEvidence = ChangeModified, was
				}
			}
			return ch, true
		}
	}
	if prohibitions := difference(n[prohibiting], o[prohibiting]); len(prohibitions) > 0 {
		kind := ChangeAdded
		if len(oa)+len(o[restrictive])+len(o[prohibiting]) > 0 {
			kind = ChangeModified
		}
		ch := c.provision(ci, kind, prohibitions[0], nil)
		ch.p.Severity, ch.label, ch.verb = prohibitionSeverity(cat.Severity.of(kind)), cat.label(), "prohibited"
		switch {
		case c.allLimitProduct(prohibitions):
			// "Campaigns that target sensitive interests may be
			// restricted from serving": the platform holds back what its
			// own product shows, which binds no one and narrows the
			// practice.
			ch.p.Severity = SeverityLow
		case ch.p.Severity.Less(SeverityMedium) && c.anyBindsReader(prohibitions):
			// "Developers may not share the data with data brokers": a
			// new rule for the reader, not a limit on the platform's
			// vendors, which narrows its own practice.
			ch.p.Severity = SeverityMedium
		}
		ch.p.RulesOut = true
		return ch, true
	}
	switch {
	case !cat.Negatable && len(droppedR) > 0 && len(newR) > 0 && figureChanged(newR, droppedR):
		// "Not directed to children under 13" became "… under 16": a
		// category whose commitments state a limit by its figure (an
		// age) changed the limit, not only the wording.
		ch := c.provision(ci, ChangeModified, newR[0], closest(newR[0], droppedR))
		ch.p.Severity = SeverityMedium
		return ch, true
	case cat.Negatable && figuresOnlyChanged(newR, droppedR):
		// "For users under 16, we do not disclose personal data to
		// advertising partners" became "… under 18", in the same words:
		// the commitment not to do it now covers other people or another
		// time. Raising the age that spares minors widens it, low; any
		// other figure moved may narrow it ("not kept longer than 90
		// days").
		old := closest(newR[0], droppedR)
		ch := c.provision(ci, ChangeModified, newR[0], old)
		ch.p.Severity = SeverityMedium
		if anyContains(c.minorsSpared, newR[0].words) && agesRaised(newR[0], *old) {
			ch.p.Severity = SeverityLow
		}
		return ch, true
	case len(droppedR) > 0 && len(newR) == 0:
		// A commitment not to do something is gone ("we do not sell …").
		ch := c.provision(ci, ChangeModified, droppedR[0], nil)
		ch.p.Severity = SeverityMedium
		if c.commitmentGone(ci, droppedR, n) && len(na) > 0 {
			// The practice is still stated ("we show ads based on your
			// activity") and the limit on it went: a safeguard removed
			// while the practice remains.
			ch.p.Severity = SeverityHigh
		}
		ch.label = cat.label() + " safeguard"
		ch.verb = "removed"
		return ch, true
	case len(newR) > 0 && len(droppedR) == 0 && (len(oa) == 0 || c.anyBindsReader(newR)):
		// A new commitment not to do it, where nothing was said before;
		// or, beside the practice, a new limit on the reader of developer
		// or business terms ("You, your app and your accessory may not use
		// the data for training models"), a duty as a prohibition is.
		kind := ChangeAdded
		if len(oa) > 0 {
			kind = ChangeModified
		}
		ch := c.provision(ci, kind, newR[0], nil)
		ch.p.Severity, ch.label, ch.verb = SeverityLow, cat.label(), "restricted"
		if c.anyBindsReader(newR) {
			// "You and your app may not use the data for advertising",
			// in developer terms: a new limit on the reader, as a
			// prohibition is.
			ch.p.Severity = SeverityMedium
		}
		ch.p.RulesOut = true
		return ch, true
	}
	return change{}, false
}

// commitmentGone reports whether commitments not to do a practice that
// exposes users went ("we do not share it for cross-context
// advertising") and the new version restates none of them: each
// commitment is a safeguard of its own, which one about something else
// ("we do not show personalised ads to minors") does not keep. Only a
// practice whose addition weighs more than its removal exposes users:
// "you cannot opt out" going gives users a right.
func (c *classifier) commitmentGone(ci int, dropped []finding, now bySense) bool {
	cat := c.cats[ci]
	if !cat.Negatable || !cat.Severity.Removed.Less(cat.Severity.Added) || len(dropped) == 0 {
		return false
	}
	return !slices.ContainsFunc(dropped, func(d finding) bool { return restated(d, now[restrictive]) != nil })
}

// provision is a change of category ci rated by its kind alone: removals,
// prohibitions and commitments, whose wording raises nothing.
func (c *classifier) provision(ci int, kind string, ev finding, old *finding) change {
	cat := c.cats[ci]
	sev, label := cat.Severity.of(kind), cat.label()
	p := Provision{
		Category:    cat.ID,
		Change:      kind,
		Severity:    sev,
		Evidence:    ev.text,
		Section:     ev.section,
		Regulations: regulationNames(cat.Regulations),
	}
	if old != nil {
		p.OldEvidence = old.text
	}
	return change{cat: ci, label: label, p: p}
}

// split returns the findings of a category by sense.
func split(fs []finding, cat int) bySense {
	var out bySense
	for _, f := range fs {
		if f.cat == cat {
			out[f.sense] = append(out[f.sense], f)
		}
	}
	return out
}

// difference returns the findings of a whose text b lacks.
func difference(a, b []finding) []finding {
	have := make(map[string]bool, len(b))
	for _, f := range b {
		have[f.key] = true
	}
	var out []finding
	for _, f := range a {
		// A digest's sentence restates the page: it is no change when
		// it comes or goes, but what it says is said, so a sentence
		// moved into a digest is not gone (see digest.go). So is a
		// sentence of a list whose changed lines do not state it (see
		// breaklines.go).
		if !have[f.key] && !f.digest && !f.sameLines {
			out = append(out, f)
		}
	}
	return out
}

func first(fs []finding) *finding {
	if len(fs) == 0 {
		return nil
	}
	return &fs[0]
}

// closest returns the finding whose words overlap most with f's.
func closest(f finding, fs []finding) *finding {
	best, _ := closestOverlap(f.words, fs)
	return best
}

// restated returns the finding of fs that f restates (see restatement),
// or nil.
func restated(f finding, fs []finding) *finding {
	if best, score := closestOverlap(f.words, fs); score >= restatement {
		return best
	}
	return nil
}

// closestOverlap returns the finding whose words overlap most with words,
// and that overlap; -1 when fs is empty. Findings carry the words their
// sentence was classified by: no sentence is tokenized again.
func closestOverlap(words []string, fs []finding) (*finding, float64) {
	var best *finding
	bestScore := -1.0
	set := wordSet(words)
	for i := range fs {
		if s := overlap(set, wordSet(fs[i].words)); s > bestScore {
			best, bestScore = &fs[i], s
		}
	}
	return best, bestScore
}

func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

func overlap(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// minorEdits reports whether added and removed sentences pair up as
// spelling corrections: same words except a few small, non-numeric edits.
// Such edits change the text but not the provision.
func minorEdits(added, removed []finding) bool {
	if len(added) != len(removed) {
		return false
	}
	for i := range added {
		if !minorEdit(removed[i].words, added[i].words) {
			return false
		}
	}
	return true
}

func minorEdit(a, b []string) bool {
	wa, wb := plainWords(a), plainWords(b)
	if len(wa) != len(wb) {
		return false
	}
	edits := 0
	for i := range wa {
		if wa[i] == wb[i] {
			continue
		}
		edits++
		if isNegator(wa[i]) || isNegator(wb[i]) || hasDigit(wa[i]) || hasDigit(wb[i]) ||
			max(len(wa[i]), len(wb[i])) < 5 || levenshtein(wa[i], wb[i]) > 2 {
			return false
		}
	}
	return edits <= 3
}

// plainWords returns the words of a sentence as an edit of its wording
// compares them: without the words whose insertion or removal says
// nothing ("you grant us a licence to content that you share", "you will
// also ensure"), abbreviations written with or without stops as one word
// ("U.S." and "US", "e.g."), and "e.g." and "like" as one.
func plainWords(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		if len(w) == 1 && !hasDigit(w) {
			j := i
			for j+1 < len(words) && len(words[j+1]) == 1 && !hasDigit(words[j+1]) {
				j++
				w += words[j]
			}
			i = j
		}
		switch w {
		case "a", "an", "the", "that", "also":
			continue
		case "like":
			w = "eg"
		}
		out = append(out, w)
	}
	return out
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
