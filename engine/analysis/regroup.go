package analysis

import (
	"slices"
	"strings"
)

// Sentences cut elsewhere.
//
// A list run into one paragraph is cut into sentences at its semicolons
// and full stops; a rewrite that moves a semicolon ("… of Acme, its users
// or the public; (vi) legal requests" become "… of Acme; its users; or
// the public; (vi) legal requests") cuts the same words into other
// sentences, none of which has the gist of one of the other version. A
// run of consecutive changed sentences whose words are those of a run of
// the other version's changed sentences of the section, in the same
// order, says what that run said. Words that moved from one statement to
// another (a condition moved to a list's lead-in, a label's word moved
// into the sentence) come in another order: what they bear on changed.

// maxRegrouped is the most consecutive sentences a run of sentences cut
// elsewhere takes on either side.
const maxRegrouped = 3

// regrouped reports whether the changed sentence whose key is key is part
// of a run of own, its version's changed sentences of its section in
// their order, whose words in order are those of a run of other, the
// other version's changed sentences of the section, one of the runs being
// of more than one sentence.
func regrouped(key string, own, other []said) bool {
	at := slices.IndexFunc(own, func(s said) bool { return s.key == key })
	if at < 0 || len(other) == 0 {
		return false
	}
	for start := max(0, at-maxRegrouped+1); start <= at; start++ {
		for end := at + 1; end <= min(len(own), start+maxRegrouped); end++ {
			words := runKey(own[start:end])
			for i := range other {
				for j := i + 1; j <= min(len(other), i+maxRegrouped); j++ {
					if (end-start > 1 || j-i > 1) && words == runKey(other[i:j]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// runKey returns the comparison keys of a run of sentences, in order.
func runKey(run []said) string {
	keys := make([]string, len(run))
	for i, s := range run {
		keys[i] = s.key
	}
	return strings.Join(keys, " ")
}
