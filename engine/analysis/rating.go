package analysis

import (
	"slices"
	"strconv"
	"strings"
)

// rate builds the change of category ci from the statements of the practice
// that the new version adds and those it no longer makes, and decides how
// much it matters to a compliance team (the policy is written in
// bench/realworld/README.md, "How severity is labelled"):
//
//   - a change whose every new statement only requires compliance with
//     the law is low: it adds no practice and no duty.
//   - the base is the category's severity for the kind of change. A
//     modification that only adds statements extends the practice and is
//     rated as an addition; where the category sets severity.reworded, a
//     modification naming the same places, parties and numbers as before is
//     a rewording and rated so.
//   - a modification that drops a statement that made the practice worse
//     (one carrying an escalation) and adds none that does narrows the
//     practice: low.
//   - a modification that changes a period, age or amount is at least
//     medium: the term itself changed; where the category sets
//     severity.shortened, periods made shorter are rated so.
//   - a modification that rewrites a statement only to add an item to one
//     of its lists (a recipient, a purpose, a kind of data, a consequence)
//     widens the practice: medium, where a new statement would be.
//   - escalations are tested on every added statement, not only the first,
//     and the gravest one is the evidence: a change is as severe as the
//     worst thing it newly says.
//   - a safeguard that the old statements carried and no statement of the
//     new version does raises a modification: the practice remains, its
//     protection went. A modification that adds a safeguard and otherwise
//     only restates what was said, with the same figures, is low: it
//     narrows the practice or gives users a choice.
//
// A statement that went never raises the change by its wording: only what
// the new version says is read for escalations.
func (c *classifier) rate(ci int, kind string, added, removed []finding, was, now bySense) change {
	cat := c.cats[ci]
	base := c.baseSeverity(ci, kind, added, removed)
	sev, label, ev := base, cat.label(), finding{}
	switch {
	case len(added) == 0:
		ev = removed[0]
	case c.onlyRestateLaw(added):
		ev = added[0]
	default:
		sev, label, ev = c.gravest(ci, base, added, removed)
	}
	if kind == ChangeModified && c.choiceOnly(ci, added) {
		// "You can opt out of face recognition" beside the statements of
		// face recognition already there names the practice as what users
		// may refuse: a choice given, low. Where nothing stated the
		// practice before, the choice is how the document first says it
		// is done, and it is rated as the practice.
		sev, label = SeverityLow, cat.label()
	}
	var old *finding
	if len(added) > 0 {
		old = closest(ev, removed)
	}
	verb := ""
	if kind == ChangeModified {
		if g, ok := c.safeguardAdded(ci, added, removed, was); ok && sev == base && !figureChanged(added, removed) {
			sev, label, verb = SeverityLow, g.Label, "added"
		}
		if g, gone, ok := c.safeguardRemoved(ci, removed, now); ok && !g.Severity.Less(sev) {
			sev, label, verb = g.Severity, g.Label, "removed"
			if len(added) == 0 {
				ev = gone
			} else {
				old = &gone
			}
		}
	}
	if kind == ChangeModified && len(added) == 0 && c.wentWithObject(ci, removed) {
		// "You can opt out of email lookup" went, and the new version
		// no longer names email lookup: the choice went with the
		// practice it was about.
		sev, label, verb = SeverityLow, cat.label(), ""
	}
	if kind == ChangeModified {
		if a, ok := c.protectionNarrowed(ci, added, removed); ok {
			// "For users under 18, we do not share their data with
			// advertising partners" became "… under 16": minors of 16
			// and 17 lost the commitment, and the grave thing it ruled
			// out may now be done to them.
			if s, l := c.escalate(ci, sev, sentence{words: a.words}); sev.Less(s) {
				sev, label, ev, old = s, l, a, closest(a, removed)
			}
		}
	}
	if kind == ChangeModified && c.protectionWidened(ci, added, removed) {
		// "For users under 16, we do not share their data with
		// advertising partners" became "… under 18": the commitment not
		// to do the grave thing covers more minors, a narrowing.
		sev, label, verb = SeverityLow, cat.label(), ""
	}
	if kind != ChangeRemoved && sev.Less(SeverityMedium) && c.anyBindsReader(added) {
		// A new duty or limit on the developer, customer or app of
		// developer or business terms ("developers must obtain the users'
		// consent") is medium whatever the practice's own rating: the
		// reader has a new rule to follow.
		sev = SeverityMedium
	}
	ch := c.provision(ci, kind, ev, old)
	ch.p.Severity, ch.label, ch.verb = sev, label, verb
	return ch
}

// anyBindsReader reports whether one of the statements binds the reader
// of developer or business terms and does more than restate the law
// ("developers must comply with applicable law" adds no rule).
func (c *classifier) anyBindsReader(fs []finding) bool {
	return slices.ContainsFunc(fs, func(f finding) bool {
		return c.bindsReader(f.words) && !c.onlyRestateLaw([]finding{f})
	})
}

// protectionWidened reports whether every added statement restates a
// removed one with only its ages raised, where the age bounds the minors
// the platform commits not to do something to, something grave among
// them (one of category ci's escalations: "we do not disclose the data of
// users under 16 to advertising partners" becoming "under 18"). A commitment not to let
// minors in ("we do not allow users under 13") names nothing grave: its
// age raised is a changed minimum age.
func (c *classifier) protectionWidened(ci int, added, removed []finding) bool {
	if len(added) == 0 || !c.anyNamesGrave(ci, added) {
		return false
	}
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || !anyContains(c.minorsSpared, a.words) || !agesRaised(a, *r) {
			return false
		}
	}
	return true
}

// protectionNarrowed returns an added statement that restates a removed
// commitment not to do something grave to minors (one of category ci's
// escalations) for fewer of them: its ages lowered ("under 18" become
// "under 16"), or an exception added ("… unless a parent agrees").
func (c *classifier) protectionNarrowed(ci int, added, removed []finding) (finding, bool) {
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || !anyContains(c.minorsSpared, a.words) || !c.anyNamesGrave(ci, []finding{a}) {
			continue
		}
		if agesRaised(*r, a) || exceptionAdded(a, *r) {
			return a, true
		}
	}
	return finding{}, false
}

// exceptionAdded reports whether a makes an exception ("unless",
// "except") that r did not.
func exceptionAdded(a, r finding) bool {
	for _, w := range []string{"unless", "except"} {
		if slices.Contains(a.words, w) && !slices.Contains(r.words, w) {
			return true
		}
	}
	return false
}

// agesRaised reports whether a says what r said in the same words with
// higher numbers, at least one of them higher and none lower.
func agesRaised(a, r finding) bool {
	fa, fr := termFigures(a), termFigures(r)
	if len(fa) == 0 || len(fa) != len(fr) || !slices.Equal(wordsBesideNumbers(a.words), wordsBesideNumbers(r.words)) {
		return false
	}
	raised := false
	for i := range fa {
		x, _ := strconv.Atoi(fa[i])
		y, _ := strconv.Atoi(fr[i])
		if x < y {
			return false
		}
		raised = raised || x > y
	}
	return raised
}

// figuresOnlyChanged reports whether the added statements are the removed
// ones, in order, each in the same words with other numbers.
func figuresOnlyChanged(added, removed []finding) bool {
	if len(added) == 0 || len(added) != len(removed) {
		return false
	}
	for i := range added {
		a, r := added[i], removed[i]
		if slices.Equal(termFigures(a), termFigures(r)) || !slices.Equal(wordsBesideNumbers(a.words), wordsBesideNumbers(r.words)) {
			return false
		}
	}
	return true
}

// wordsBesideNumbers returns the words that are not numbers, in order.
func wordsBesideNumbers(words []string) []string {
	return slices.DeleteFunc(slices.Clone(words), isNumber)
}

// prohibitionSeverity rates a new rule forbidding others to do it
// ("developers may not sell user data"): a duty on whoever it binds, never
// the practice itself, so at most medium however grave the practice.
func prohibitionSeverity(base Severity) Severity {
	if SeverityMedium.Less(base) {
		return SeverityMedium
	}
	return base
}

// baseSeverity is the severity of a change before its wording is read for
// escalations and safeguards.
func (c *classifier) baseSeverity(ci int, kind string, added, removed []finding) Severity {
	cat := c.cats[ci]
	if len(added) > 0 && c.onlyRestateLaw(added) {
		// "Ads must comply with the law": no practice, no new duty.
		return SeverityLow
	}
	sev := cat.Severity.of(kind)
	if kind != ChangeModified {
		return sev
	}
	switch {
	case len(removed) == 0:
		sev = cat.Severity.Added
	case len(added) == 0 && c.allBindReader(removed):
		// A duty or limit on developers went ("developers may only use
		// age data to …"): the reader is bound by less.
		sev = SeverityLow
	case len(added) == 0 && cat.Severity.Removed.Less(sev):
		// Only statements of the practice went while others stay ("you
		// can look up friends by email" gone, uploading contacts still
		// there): the practice narrowed, as if removed. Where removing
		// weighs more (an opt-out, consent), safeguards rate it.
		sev = cat.Severity.Removed
	case onlyLawReferences(added, removed):
		// "We will comply with COPPA to delete the information" became
		// "we will delete the information": the same practice, the law
		// it follows named or not.
		sev = SeverityLow
	case c.anyAggravated(ci, removed) && !c.anyAggravated(ci, added):
		// A statement that made the practice worse went ("kept for an
		// extra 90 days", "a permanent licence") and nothing said instead
		// makes it worse: the practice narrowed. A safeguard that went
		// with it still raises the change (rate).
		sev = SeverityLow
	case limitOnlyAdded(added, removed):
		// "We use it to show you ads" became "… to show you ads (if we
		// show you ads)": a condition added and nothing else, the
		// practice narrowed.
		sev = SeverityLow
	case len(added) > 0 && newParty(cat.parties, added, removed) && sev.Less(cat.Severity.Added):
		// The statements were rewritten to name a kind of party the old
		// ones did not ("with our service providers" became "… and with a
		// buyer of our business"): the practice widened, as if added.
		sev = cat.Severity.Added
	case len(added) > 0 && cat.Severity.Added.AtLeast(SeverityMedium) && c.listWidened(ci, added, removed):
		// "We may close accounts" became "we may suspend or close
		// accounts": one more item in a list of what is done, with whom
		// or why, the practice widened. A widening is a new practice
		// without aggravations (medium); its new item raises it further
		// only by what it says (gravest).
		if sev.Less(SeverityMedium) {
			sev = SeverityMedium
		}
	case cat.Severity.Narrowed != "" && namesDropped(added, removed):
		// "Japan, the United States and South Korea" became "Japan and
		// the United States": fewer places, nothing else said.
		sev = cat.Severity.Narrowed
	case cat.Severity.Reworded != "" && sameSubstance(added, removed):
		sev = cat.Severity.Reworded
	case cat.Severity.Shortened != "" && periodsShortened(added, removed):
		// "We keep your data for five years" became "… for three
		// years": the same practice for less time, which a changed
		// figure does not raise.
		return cat.Severity.Shortened
	}
	if figureChanged(added, removed) && sev.Less(SeverityMedium) {
		sev = SeverityMedium
	}
	return sev
}

// allBindReader reports whether every statement is a duty or limit on the
// reader of developer or business terms, or forbids others to do it.
func (c *classifier) allBindReader(fs []finding) bool {
	return !slices.ContainsFunc(fs, func(f finding) bool { return f.sense != prohibiting && !c.bindsReader(f.words) })
}

// anyAggravated reports whether one of the statements carries an
// escalation of category ci, said rather than ruled out ("we do not sell
// children's data" says no sale; see affirms).
func (c *classifier) anyAggravated(ci int, fs []finding) bool {
	for _, f := range fs {
		if c.tempered(ci, f.words) {
			continue
		}
		s := statementOf(f)
		if slices.ContainsFunc(c.cats[ci].escalations, func(ps []phrase) bool { return affirms(ps, s) }) {
			return true
		}
	}
	return false
}

// anyNamesGrave reports whether one of the statements names an
// escalation of category ci, said or ruled out: a commitment not to do
// the grave thing names it too.
func (c *classifier) anyNamesGrave(ci int, fs []finding) bool {
	for _, f := range fs {
		if c.tempered(ci, f.words) {
			continue
		}
		if slices.ContainsFunc(c.cats[ci].escalations, func(ps []phrase) bool { return anyContains(ps, f.words) }) {
			return true
		}
	}
	return false
}

// gravest returns the severity, label and evidence of the added statement
// that escalates highest, the first one when none does. A statement that
// restates a removed one which said the same grave thing does not newly
// say it (see saidBefore) and is not escalated, unless it says it of one
// more item (see graveWidened).
func (c *classifier) gravest(ci int, base Severity, added, removed []finding) (Severity, string, finding) {
	plain := c.cats[ci].label()
	sev, label, ev := base, plain, added[0]
	for _, a := range added {
		if r := restated(a, removed); r != nil && c.saidBefore(ci, a, *r) && !c.graveWidened(ci, a, *r) {
			continue
		}
		if s, l := c.escalate(ci, sev, statementOf(a)); sev.Less(s) {
			sev, label, ev = s, l, a
		} else if l != plain && label == plain {
			label, ev = l, a
		}
	}
	return sev, label, ev
}

// saidBefore reports whether a, which restates the removed statement r,
// escalates only by phrases r already said, with the same figures and no
// new way of doing it: "if you give us permission, we can collect your
// precise geolocation" reworded as "if you give us your consent, …" says
// nothing grave that was not said. An escalation r lacked ("messages"
// where it named "posts"), an age or a period changed ("users under 18"
// become "under 16") or a new action of the category ("we infer activity
// across devices to measure ads" become "… to measure ads or make them
// more relevant") says something new.
func (c *classifier) saidBefore(ci int, a, r finding) bool {
	if c.tempered(ci, r.words) || !slices.Equal(termFigures(a), termFigures(r)) {
		return false
	}
	for _, p := range c.cats[ci].actions {
		if p.contains(a.words) && !p.contains(r.words) {
			return false
		}
	}
	said := false
	for _, ps := range c.cats[ci].escalations {
		for _, p := range ps {
			if !p.contains(a.words) {
				continue
			}
			if !p.contains(r.words) {
				return false
			}
			said = true
		}
	}
	return said
}

// onlyRestateLaw reports whether the statements only require compliance
// with the law, name the title of a law or define a term by a law: one
// of them at least, and every other one a statement that only its
// section's heading makes one of the category, which describes what the
// law requires ("We share information with researchers where the law
// requires it. This may include any data the research needs."). A rule
// that excepts what the law requires ("sharing the data with anyone,
// except as required by law") sets a rule of its own.
func (c *classifier) onlyRestateLaw(fs []finding) bool {
	law := false
	for _, f := range fs {
		switch {
		case anyContains(c.lawException, f.words):
			return false
		case anyContains(c.lawOnly, f.words) || isLawTitle(f.text, f.words) || isLawDefinition(f.text, f.words):
			law = true
		case !f.byTopic:
			return false
		}
	}
	return law
}

// escalate returns the severity and label for a statement, starting from
// the base severity. A statement that binds the reader of developer or
// business terms ("customers may only cache latitude and longitude for 30
// days") is a duty on whoever it binds, as a prohibition is: its
// escalations raise it to medium at most, and do not name it. An
// escalation the statement rules out ("we do not sell the data of
// children") does not raise it: it is a commitment not to do the grave
// thing.
func (c *classifier) escalate(ci int, base Severity, s sentence) (Severity, string) {
	cat := c.cats[ci]
	sev, label := base, cat.label()
	if c.tempered(ci, s.words) {
		return sev, label
	}
	duty := c.bindsReader(s.words)
	for ei, ps := range cat.escalations {
		esc := cat.Escalations[ei]
		if !affirms(ps, s) {
			continue
		}
		to := esc.Severity
		if duty && SeverityMedium.Less(to) {
			to = prohibitionSeverity(to)
		} else if esc.Label != "" {
			label = esc.Label
		}
		if sev.Less(to) {
			sev = to
		}
	}
	return sev, label
}

// tempered reports whether a statement states a safeguard of category ci
// that tempers its escalations: aggregated data going to advertisers is
// not personal data going to them.
func (c *classifier) tempered(ci int, words []string) bool {
	cat := c.cats[ci]
	for gi, ps := range cat.safeguards {
		if cat.Safeguards[gi].Tempers && anyContains(ps, words) {
			return true
		}
	}
	return false
}

// safeguardRemoved returns the first safeguard of category ci that one of
// the removed statements states and no statement of the category in the
// new version does, in any of its wordings, with that statement. Each
// safeguard is one protection; its phrases are ways of saying it.
func (c *classifier) safeguardRemoved(ci int, removed []finding, now bySense) (Escalation, finding, bool) {
	cat := c.cats[ci]
	for gi, ps := range cat.safeguards {
		for _, r := range removed {
			if anyContains(ps, r.words) && !stated(ps, now) {
				return cat.Safeguards[gi], r, true
			}
		}
	}
	return Escalation{}, finding{}, false
}

// stated reports whether a statement of fs says one of ps.
func stated(ps []phrase, fs bySense) bool {
	for _, sense := range fs {
		for _, f := range sense {
			if anyContains(ps, f.words) {
				return true
			}
		}
	}
	return false
}

// safeguardAdded returns the safeguard of category ci that an added
// statement states and no statement of the old version did, when
// statements went and every other added statement restates one of them. A
// modification that only adds statements is an extension, rated as such.
// Where the category sets severity.reworded, the other added statements
// must instead name no place, party or figure that the old version's
// statements of the category did not, restated or not:
// "if you are a consumer, your country's law applies; in all other cases
// the courts of Dublin" keeps Dublin and gives consumers their own law.
func (c *classifier) safeguardAdded(ci int, added, removed []finding, was bySense) (Escalation, bool) {
	cat := c.cats[ci]
	if len(removed) == 0 {
		return Escalation{}, false
	}
	var got *Escalation
	var others []finding
	for _, a := range added {
		words := a.words
		found := false
		for gi, ps := range cat.safeguards {
			if anyContains(ps, words) && !stated(ps, was) {
				found = true
				if got == nil {
					got = &cat.Safeguards[gi]
				}
			}
		}
		if found {
			continue
		}
		if cat.Severity.Reworded == "" && restated(a, removed) == nil {
			return Escalation{}, false
		}
		others = append(others, a)
	}
	if got == nil || cat.Severity.Reworded != "" && !namesNothingNew(others, slices.Concat(was[:]...)) {
		return Escalation{}, false
	}
	return *got, true
}

// wentWithObject reports whether statements of category ci that went
// were about something the new version names nowhere: one of them names
// an object after one of the category's objects phrases ("opt out of
// email lookup") that the new version lacks, and none names one it still
// has. A statement whose object cannot be told is left aside.
func (c *classifier) wentWithObject(ci int, gone []finding) bool {
	ps := c.cats[ci].objects
	if len(ps) == 0 {
		return false
	}
	var doc []string
	found := false
	for _, f := range gone {
		obj := objectOf(ps, f.words)
		if len(obj) == 0 {
			continue
		}
		if doc == nil {
			doc = tokenize(c.doc).words
		}
		if containsRun(doc, obj) {
			return false
		}
		found = true
	}
	return found
}

// objectOf returns the words a statement names after the first match of
// one of ps: up to three words before a word that ends a noun phrase
// ("through", "in", "and", "of") or a participle ("identifiers
// collected"), less leading articles and kinds ("the use of", "certain
// forms of") and trailing general words ("cookies", "ads", "legitimate
// interests"), which tell nothing apart.
func objectOf(ps []phrase, words []string) []string {
	for i := range words {
		for _, p := range ps {
			end := p.matchAt(words, i)
			if end < 0 {
				continue
			}
			for end < len(words) && objectFiller(words[end]) {
				end++
			}
			stop := end
			for stop < len(words) && stop-end < 3 && !objectBoundary(words[stop]) && (stop == end || !strings.HasSuffix(words[stop], "ed")) {
				stop++
			}
			obj := words[end:stop]
			for len(obj) > 0 && generalObject(obj[len(obj)-1]) {
				obj = obj[:len(obj)-1]
			}
			return obj
		}
	}
	return nil
}

// containsRun reports whether words holds run as consecutive words.
func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func objectFiller(w string) bool {
	switch w {
	case "the", "a", "an", "your", "our", "their", "its", "all", "any", "some", "most", "certain", "such",
		"this", "these", "those", "use", "of", "receiving", "having", "being", "form", "forms", "type", "types", "kind", "kinds":
		return true
	}
	return false
}

func objectBoundary(w string) bool {
	switch w {
	case "through", "by", "in", "at", "via", "using", "from", "on", "with", "and", "or", "if", "when", "where",
		"please", "to", "for", "you", "we", "here", "below", "above", "as", "that", "which", "who", "is", "are",
		"will", "can", "may", "but", "so", "then", "following", "link", "links", "setting", "settings", "account",
		"anytime", "any", "time", "however", "also", "under", "within", "into", "without", "except", "unless",
		"of", "the", "a", "an", "about", "regarding", "involving", "based", "other":
		return true
	}
	return false
}

func generalObject(w string) bool {
	switch w {
	case "cookie", "cookies", "email", "emails", "message", "messages", "communication", "communications", "ad", "ads",
		"advertisement", "advertisements", "advertising", "notification", "notifications", "data", "information",
		"tracking", "processing", "technologies", "technology", "trackers", "tracker", "marketing", "personalization",
		"personalisation", "personalized", "personalised", "targeted", "sharing", "sale", "service", "services", "feature", "features",
		"legitimate", "interest", "interests":
		return true
	}
	return false
}
