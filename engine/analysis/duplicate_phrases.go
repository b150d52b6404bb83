package analysis

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// duplicatePhraseErrors reports a phrase given twice in one list of the
// category: in a cue's action or one of its groups, in the exclusions,
// section headings, negations or restrictions, among the escalations or
// the safeguards that raise to the same severity under the same label, or
// among the cues of a stance value. The second copy matches nothing the
// first does not; it only hides which file really holds the phrase, so
// that removing one copy changes nothing. A language file's phrases are
// added to the category's lists, so a phrase the category file already
// has is such a copy ("acquisition*" excluded in both).
//
// Phrases are compared as they match: "Données" and "donnees", or "a|b"
// and "b|a", are one phrase.
func (c Category) duplicatePhraseErrors() []error {
	var errs []error
	list := func(where string, ps []string) {
		seen := map[string]string{}
		for _, p := range ps {
			key := phraseKey(p)
			if first, dup := seen[key]; dup {
				errs = append(errs, fmt.Errorf("%s: phrase %q given twice (as %q)", where, p, first))
				continue
			}
			seen[key] = p
		}
	}
	for i, cue := range c.Cues {
		list(fmt.Sprintf("cues[%d].action", i), cue.Action)
		for g, group := range cue.With {
			list(fmt.Sprintf("cues[%d].with[%d]", i, g), group)
		}
	}
	for _, l := range c.plainLists() {
		list(l.key, l.phrases)
	}
	for _, g := range sameEffect(c.Escalations) {
		list(fmt.Sprintf("escalations (%s, %q)", g.Severity, g.Label), g.Phrases)
	}
	for _, g := range sameEffect(c.Safeguards) {
		list(fmt.Sprintf("safeguards (%s, %q)", g.Severity, g.Label), g.Phrases)
	}
	for _, v := range c.Stance.Values {
		list(fmt.Sprintf("stance.values (%s).cues", v.ID), v.Cues)
	}
	return errs
}

// sameEffect gathers the phrases of the escalations (or safeguards) that
// do the same when one of their phrases matches: the same severity, label
// and tempering. They are one list, whichever file each entry is in.
func sameEffect(es []Escalation) []Escalation {
	var out []Escalation
	for _, e := range es {
		i := slices.IndexFunc(out, func(o Escalation) bool {
			return o.Severity == e.Severity && o.Label == e.Label && o.Tempers == e.Tempers
		})
		if i < 0 {
			out = append(out, Escalation{Severity: e.Severity, Label: e.Label, Tempers: e.Tempers})
			i = len(out) - 1
		}
		out[i].Phrases = append(out[i].Phrases, e.Phrases...)
	}
	return out
}

// phraseKey writes a phrase as it matches, its alternatives in order, so
// that two spellings of one phrase have one key. A phrase that does not
// parse is its own key: phraseErrors reports it.
func phraseKey(s string) string {
	p, err := parsePhrase(s)
	if err != nil {
		return s
	}
	var b strings.Builder
	for i, it := range p {
		if i > 0 {
			b.WriteByte(' ')
		}
		if it.gap > 0 {
			b.WriteString("~" + strconv.Itoa(it.gap))
			continue
		}
		alts := make([]string, len(it.alts))
		for j, a := range it.alts {
			alts[j] = a.word
			if a.suffix {
				alts[j] = "*" + alts[j]
			}
			if a.prefix {
				alts[j] += "*"
			}
		}
		slices.Sort(alts)
		b.WriteString(strings.Join(slices.Compact(alts), "|"))
	}
	return b.String()
}
