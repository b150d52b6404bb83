package analysis

import "slices"

// statementOf returns a finding's sentence with its clauses, so that a
// phrase it rules out ("we do not sell …") can be told from one it says.
// A list item read with its lead-in has words of its own, not its text's:
// it is returned without clauses, and every phrase in it counts as said.
func statementOf(f finding) sentence {
	if s := tokenize(f.text); slices.Equal(s.words, f.words) {
		return s
	}
	return sentence{words: f.words}
}

// affirms reports whether one of ps occurs in s and is not ruled out
// there (see ruledOut): "TikTok does not sell the information of
// children" names a sale only to rule it out. A sentence without clauses
// is read word by word.
func affirms(ps []phrase, s sentence) bool {
	for i := range s.words {
		for _, p := range ps {
			end := p.matchAt(s.words, i)
			if end >= 0 && (s.clause == nil || !ruledOut(s, i, end)) {
				return true
			}
		}
	}
	return false
}

// ruledOut reports whether the words from start to end are negated in
// their clause, a negation before them counting only up to the comma
// before them: in "(so that it can no longer be identified) for
// research, in which case we may keep it indefinitely" the negation is of
// another part of the sentence, not of keeping it indefinitely.
func ruledOut(s sentence, start, end int) bool {
	from := start
	for from > 0 && !s.comma[from] && s.clause[from-1] == s.clause[start] {
		from--
	}
	part := sentence{words: s.words[from:], clause: s.clause[from:], cond: s.cond, comma: s.comma[from:]}
	return part.negated(start-from, end-from)
}
