package analysis

import (
	"slices"
)

// listWidened reports whether one of the added statements says what a
// removed one said with one more item in one of its lists and nothing
// else changed: "with our payment and delivery providers" become "with
// our payment, loyalty programme and delivery providers", "we may close"
// become "we may suspend or close". The new item is a new recipient,
// purpose, kind of data or consequence, so the practice widened. An item
// that limits the practice ("only", "unless", "sauf", "consent") or states
// one of the category's safeguards is no widening, nor is an example of
// what the list already covered ("such as app identifiers"), nor a longer
// commitment not to do it.
func (c *classifier) listWidened(ci int, added, removed []finding) bool {
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || a.sense != affirmative || r.sense != affirmative {
			continue
		}
		item, ok := insertedItem(tokenize(r.text), tokenize(a.text))
		if ok && !slices.ContainsFunc(item, limitsItem) && !c.statesSafeguard(ci, item) && !illustrates(item) {
			return true
		}
	}
	return false
}

// graveWidened reports whether a, which restates the removed statement r
// and says the same grave thing (one of category ci's escalations), does
// so of one more item: "we share your browser data with our advertising
// partners" become "we share your hashed e-mail address, your browser
// data … with our advertising partners". The grave practice now covers
// more data, recipients or purposes, and is newly said of them. An item
// put beside the grave words in the same list ("for advertising, a
// referral programme, deliveries") is another purpose, not more of the
// grave one; an item that limits the practice, tempers it (anonymised
// data) or gives an example is no widening.
func (c *classifier) graveWidened(ci int, a, r finding) bool {
	if a.sense != affirmative || r.sense != affirmative {
		return false
	}
	now := tokenize(a.text)
	p, end, ok := insertedItemAt(tokenize(r.text), now)
	if !ok {
		return false
	}
	item := now.words[p:end]
	if slices.ContainsFunc(item, limitsItem) || c.tempered(ci, item) || illustrates(item) {
		return false
	}
	far := false
	for _, ps := range c.cats[ci].escalations {
		for i := range now.words {
			for _, ph := range ps {
				e := ph.matchAt(now.words, i)
				if e < 0 {
					continue
				}
				if i < end+siblingGap && e > p-siblingGap {
					return false
				}
				far = true
			}
		}
	}
	return far
}

// siblingGap is how many words at most lie between an inserted item and
// grave words that are items of the same list.
const siblingGap = 3

// insertedItem returns the words now has that old lacks when now is old
// with words inserted at one place, and those words are an item of a list:
// a comma follows them, or they start or end with "and" or "or" (in
// English, French or German). ok is false for any other edit.
func insertedItem(old, now sentence) (item []string, ok bool) {
	p, end, ok := insertedItemAt(old, now)
	if !ok {
		return nil, false
	}
	return now.words[p:end], true
}

// insertedItemAt is insertedItem returning where the item is in now,
// now.words[p:end].
func insertedItemAt(old, now sentence) (p, end int, ok bool) {
	p, end, ok = insertedRun(old.words, now.words)
	if !ok {
		return 0, 0, false
	}
	item := now.words[p:end]
	if !slices.ContainsFunc(item, func(w string) bool { return !isConjunction(w) }) {
		// "Facebook, Instagram" become "Facebook or Instagram": the
		// same items, joined otherwise.
		return 0, 0, false
	}
	for {
		// The run found is the last of the places the same words could
		// have been inserted at ("your browser" become "your e-mail
		// address, your browser": "e-mail address, your"); the item is
		// the one of them a list marks.
		item := now.words[p:end]
		commaAfter := end < len(now.words) && len(now.comma) == len(now.words) && now.comma[end]
		if commaAfter || isConjunction(item[0]) || isConjunction(item[len(item)-1]) {
			return p, end, true
		}
		if p == 0 || now.words[p-1] != now.words[end-1] {
			return 0, 0, false
		}
		p, end = p-1, end-1
	}
}

// insertedRun returns where now holds words that old lacks, now[p:end],
// when now is old with words inserted at one place; ok is false for any
// other edit.
func insertedRun(old, now []string) (p, end int, ok bool) {
	for p < len(old) && p < len(now) && old[p] == now[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(now)-p && old[len(old)-1-s] == now[len(now)-1-s] {
		s++
	}
	end = len(now) - s
	return p, end, p+s == len(old) && end > p
}

// limitOnlyAdded reports whether every added statement says what a removed
// one said with a condition or limit inserted and nothing else changed:
// "we use this information to show you ads" become "… to show you ads (if
// we show you ads)", "we share it with partners" become "… with partners
// only where you agree". The practice narrowed.
func limitOnlyAdded(added, removed []finding) bool {
	if len(added) == 0 {
		return false
	}
	for _, a := range added {
		r := restated(a, removed)
		if r == nil || a.sense != affirmative || r.sense != affirmative {
			return false
		}
		p, end, ok := insertedRun(r.words, a.words)
		if !ok || !slices.ContainsFunc(a.words[p:end], conditionWord) {
			return false
		}
	}
	return true
}

// conditionWord reports whether a word puts a condition or a limit on
// what a statement allows, in English, French or German. Negations are
// left out ("without notice" widens; "not" makes it a commitment).
func conditionWord(w string) bool {
	switch w {
	case "only", "solely", "exclusively", "unless", "except", "if", "provided", "subject", "consent", "limited", "until",
		"uniquement", "seulement", "exclusivement", "sauf", "si", "consentement", "sous",
		"nur", "ausschliesslich", "ausser", "wenn", "falls", "sofern", "einwilligung", "zustimmung":
		return true
	}
	return false
}

// limitsItem reports whether a word of an inserted item limits the
// practice or rules it out, in English, French or German.
func limitsItem(w string) bool {
	if limitsPractice(w) || isNegator(w) {
		return true
	}
	switch w {
	case "uniquement", "seulement", "exclusivement", "sauf", "si", "sans", "consentement", "accord",
		"nur", "ausschliesslich", "ausser", "ohne", "wenn", "falls", "einwilligung", "zustimmung":
		return true
	}
	return false
}

// statesSafeguard reports whether words say one of category ci's
// safeguards ("aggregated", "anonymised").
func (c *classifier) statesSafeguard(ci int, words []string) bool {
	return slices.ContainsFunc(c.cats[ci].safeguards, func(ps []phrase) bool { return anyContains(ps, words) })
}

// illustrates reports whether an item opens with words that give an
// example of what the list already covered: "such as", "for example",
// "including", "comme", "notamment", "par exemple", "wie", "z. B.".
func illustrates(item []string) bool {
	for _, p := range [][]string{{"such", "as"}, {"for", "example"}, {"for", "instance"}, {"e", "g"}, {"including"},
		{"comme"}, {"notamment"}, {"par", "exemple"}, {"tels", "que"}, {"telles", "que"}, {"tel", "que"}, {"telle", "que"},
		{"wie"}, {"z", "b"}, {"zum", "beispiel"}, {"beispielsweise"}, {"insbesondere"}} {
		if len(item) >= len(p) && slices.Equal(item[:len(p)], p) {
			return true
		}
	}
	return false
}
