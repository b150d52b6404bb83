package analysis

import (
	"unicode"
	"unicode/utf8"
)

// sentence is a tokenized sentence with the clause structure that decides
// the scope of a negation.
type sentence struct {
	words  []string
	clause []int  // clause number of each word
	cond   []bool // per clause: opened by "if", "unless", …
}

// tokenize splits a sentence into lower-case words and clauses. A clause
// ends at ";" or ":", before a contrasting or conditional word ("but",
// "unless", "if", …), before "and"/"or" followed by a new subject, and at
// the first comma after a conditional opener ("If you do not opt out, we
// may…": the second clause is not negated).
func tokenize(text string) sentence {
	var s sentence
	clause := 0
	s.cond = []bool{false}
	openCond := false // current clause is conditional and has not met its comma yet
	newClause := func(cond bool) {
		clause++
		s.cond = append(s.cond, cond)
		openCond = cond
	}
	// A word that is already lower-case ASCII in text (most are) is a
	// slice of it; others are built in buf.
	start, copied := -1, false
	var buf []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		if copied {
			w = string(buf)
		}
		start, copied = -1, false
		n := len(s.words)
		switch {
		case n > 0 && isConditional(w):
			newClause(true)
		case n > 0 && isContrast(w):
			newClause(false)
		case n > 0 && isSubject(w) && (s.words[n-1] == "and" || s.words[n-1] == "or") && s.clause[n-1] == clause:
			// "… and we share it": the conjunction starts the new clause.
			newClause(false)
			s.clause[n-1] = clause
		case n == 0 && isConditional(w):
			s.cond[0] = true
			openCond = true
		}
		s.words = append(s.words, w)
		s.clause = append(s.clause, clause)
	}
	// copyWord starts building the current word in buf from its text so far.
	copyWord := func(i int) {
		if start >= 0 && !copied {
			buf = append(buf[:0], text[start:i]...)
			copied = true
		}
	}
	for i, r := range text {
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			if start < 0 {
				start = i
			}
			if copied {
				buf = append(buf, byte(r))
			}
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || 'A' <= r && r <= 'Z':
			if start < 0 {
				start, copied, buf = i, true, buf[:0]
			}
			copyWord(i)
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case r == '\'' || r == '\u2019':
			// dropped inside words: "don't" -> "dont"
			copyWord(i)
		default:
			flush(i)
			switch r {
			case ';', ':':
				if len(s.words) > 0 {
					newClause(false)
				}
			case ',':
				if openCond {
					newClause(false)
				}
			}
		}
	}
	flush(len(text))
	return s
}

func isConditional(w string) bool {
	switch w {
	case "if", "unless", "when", "whenever", "where", "until", "provided":
		return true
	}
	return false
}

func isContrast(w string) bool {
	switch w {
	case "but", "however", "although", "though", "whereas", "while", "except", "otherwise", "instead":
		return true
	}
	return false
}

func isSubject(w string) bool {
	switch w {
	case "we", "you", "they", "our", "it", "he", "she", "these", "this":
		return true
	}
	return false
}

func isNegator(w string) bool {
	switch w {
	case "not", "never", "no", "neither", "nor", "cannot", "nothing", "none", "nobody",
		"dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent", "shant",
		"shouldnt", "wouldnt", "cant", "couldnt", "mustnt", "hasnt", "havent":
		return true
	}
	return false
}

// negationException reports a negator that does not negate the statement
// it sits in ("including but not limited to", "no later than").
func negationException(neg, next string) bool {
	switch neg {
	case "not":
		return next == "limited" || next == "only" || next == "just"
	case "no":
		switch next {
		case "later", "more", "less", "fewer", "matter", "earlier", "cost", "charge", "additional", "extra":
			return true
		}
	}
	return false
}

// negated reports whether the words from start to end are negated
// within their clause: by a negator before them ("we do not sell"), or by
// one right after them in a passive or subject position ("biometric data
// is never collected", "Face ID data never leaves your device").
// Negations inside conditional clauses ("if you do not opt out") describe
// a condition, not what the company does, and are ignored.
func (s sentence) negated(start, end int) bool {
	c := s.clause[start]
	if s.cond[c] {
		return false
	}
	for k := start - 1; k >= 0 && s.clause[k] == c; k-- {
		if s.negatorAt(k) {
			return true
		}
	}
	for k := end; k < len(s.words) && k < end+postNegationWindow && s.clause[k] == c; k++ {
		if s.negatorAt(k) && (s.words[k] == "never" || k > end && isAuxiliary(s.words[k-1])) {
			return true
		}
	}
	return false
}

// postNegationWindow is how far after a statement's subject a negation
// still applies to it.
const postNegationWindow = 3

func (s sentence) negatorAt(k int) bool {
	if !isNegator(s.words[k]) {
		return false
	}
	next := ""
	if k+1 < len(s.words) {
		next = s.words[k+1]
	}
	return !negationException(s.words[k], next)
}

func isAuxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "will", "shall", "does", "do", "did", "would", "may", "can", "could", "should", "must":
		return true
	}
	return false
}
