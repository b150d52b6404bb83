package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clausewatch/clausewatch/engine/internal/ascii"
)

// sentence is a tokenized sentence with the clause structure that decides
// the scope of a negation.
type sentence struct {
	words  []string
	clause []int  // clause number of each word
	cond   []bool // per clause: opened by "if", "unless", …
	comma  []bool // per word: a comma comes right before it
}

// tokenize splits a sentence into lower-case words and clauses. A clause
// ends at ";" or ":", before a contrasting or conditional word ("but",
// "unless", "if", …), before "and"/"or" followed by a new subject, and at
// the first comma after a conditional opener ("If you do not opt out, we
// may…": the second clause is not negated). Words are folded to plain
// letters (see appendFolded) and French elisions are split off
// ("l'utilisation" is "l utilisation"), so that rules read French and
// German text as written; the function words that shape clauses are in
// English, French and German.
func tokenize(text string) sentence {
	return tokenizeInto(text, sentence{})
}

// tokenizeInto is tokenize building the sentence in the slices of into,
// whose contents it overwrites: a caller that keeps only some of a
// sentence reuses one set of slices from sentence to sentence.
func tokenizeInto(text string, into sentence) sentence {
	b := clauseBuilder{s: sentence{words: into.words[:0], clause: into.clause[:0], cond: append(into.cond[:0], false), comma: into.comma[:0]}}
	// A word that is already lower-case ASCII in text (most are) is a
	// slice of it; others are built in buf.
	start, copied, capital := -1, false, false
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
		b.word(w, len(text[end:]), capital)
	}
	// current is the word so far, before text position i.
	current := func(i int) string {
		if copied {
			return string(buf)
		}
		return text[start:i]
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
				start, capital = i, false
			}
			if copied {
				buf = append(buf, byte(r))
			}
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || 'A' <= r && r <= 'Z':
			if start < 0 {
				start, copied, buf, capital = i, true, buf[:0], 'A' <= r && r <= 'Z'
			}
			copyWord(i)
			buf = appendFolded(buf, unicode.ToLower(r))
		case r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			// a combining accent of decomposed text: part of the word,
			// and folded away like a composed one
			copyWord(i)
		case r == '\'' || r == '\u2019':
			if start >= 0 && isElision(current(i)) {
				flush(i) // "l'utilisation" -> "l utilisation"
				continue
			}
			// otherwise dropped inside words: "don't" -> "dont"
			copyWord(i)
		case r == '_' && start >= 0 && i+1 < len(text) && ascii.Alnum(text[i+1]):
			// "mp_opt_in_out", "ads_data_redaction": a name written with
			// underscores (a cookie's, a setting's, a field's) is one
			// word, whose parts state nothing: the cookie "opt_in_out"
			// asks no consent. Markdown puts no emphasis inside a word.
			copyWord(i)
		default:
			flush(i)
			b.punct(r)
		}
	}
	flush(len(text))
	return b.sentence()
}

// clauseBuilder gives a sentence its clause structure as its words and
// the punctuation between them come in.
type clauseBuilder struct {
	s        sentence
	clause   int
	openCond bool // current clause is conditional and has not met its comma yet
	// openLead: the sentence opened with a contrast ("While we do not
	// share …,") that has not met its comma yet.
	openLead   bool
	afterComma bool
	joined     bool // only spaces since the previous word
	// lostStop is one past the index of a capitalised "You" or "We"
	// that follows a word with only spaces between (0 when there is
	// none): a sentence start whose full stop the page lost, if a modal
	// follows.
	lostStop int
}

func newClauseBuilder() clauseBuilder {
	return clauseBuilder{s: sentence{cond: []bool{false}}}
}

func (b *clauseBuilder) newClause(cond bool) {
	b.clause++
	b.s.cond = append(b.s.cond, cond)
	b.openCond = cond
	b.openLead = false
}

// word adds the next word; rest, the length of the text after it, sizes
// the slices once. Capital says the word began with a capital letter.
func (b *clauseBuilder) word(w string, rest int, capital bool) {
	n := len(b.s.words)
	switch {
	case n > 0 && b.lostStop == n && isModal(w):
		// "… is not a condition of using the service You may choose to
		// not receive them": a sentence whose full stop the page lost
		// starts a clause of its own. Documents that write "You" and
		// "We" as defined terms ("unless You and We agree", "applies to
		// You or") have no modal after them there.
		b.newClause(false)
		b.s.clause[n-1] = b.clause
	case n > 0 && isConditional(w):
		b.newClause(true)
	case n > 0 && isContrast(w):
		b.newClause(false)
	case n > 0 && isSubject(w) && isConjunction(b.s.words[n-1]) && b.s.clause[n-1] == b.clause:
		// "… and we share it": the conjunction starts the new clause.
		b.newClause(false)
		b.s.clause[n-1] = b.clause
	case n == 0 && (isConditional(w) || isPurpose(w)):
		// "Pour ne plus recevoir nos e-mails, cliquez …": a leading
		// purpose clause, like a condition, ends at its comma.
		b.s.cond[0] = true
		b.openCond = true
	case n == 0 && isContrast(w):
		// "While we do not share your purchases with ad companies, we
		// may share an identifier": a leading concession ends at its
		// comma too, so that its negation stays in it; unlike a
		// condition it still negates what it says itself.
		b.openLead = true
	}
	if b.s.words == nil {
		// Words take some six bytes with their space; hyphens,
		// slashes and elisions part more than spaces do. Room for
		// a word every four bytes spares growing the slices word
		// by word.
		size := rest/4 + 2
		b.s.words, b.s.clause, b.s.comma = make([]string, 0, size), make([]int, 0, size), make([]bool, 0, size)
	}
	b.s.words = append(b.s.words, w)
	b.s.clause = append(b.s.clause, b.clause)
	b.s.comma = append(b.s.comma, b.afterComma)
	b.afterComma = false
	b.lostStop = 0
	if n > 0 && capital && b.joined && (w == "you" || w == "we") && !isConjunction(b.s.words[n-1]) && b.s.words[n-1] != "that" {
		b.lostStop = n + 1
	}
	b.joined = true
}

// punct ends a clause where the punctuation mark r does.
func (b *clauseBuilder) punct(r rune) {
	if r != ' ' {
		b.joined = false
	}
	switch r {
	case ';', ':':
		if len(b.s.words) > 0 {
			b.newClause(false)
		}
	case ',':
		b.afterComma = true
		if b.openCond || b.openLead {
			b.newClause(false)
		}
	}
}

func (b *clauseBuilder) sentence() sentence {
	return b.s
}

// The function words below are English, French and German, written as
// tokenize folds them ("lorsqu", "ausser"): one rule file per language
// holds the cues, while the shape of a sentence is read here.

func isConditional(w string) bool {
	switch w {
	case "if", "unless", "when", "whenever", "where", "until", "provided",
		"si", "lorsque", "lorsqu", "quand", "pourvu",
		"wenn", "falls", "sofern", "soweit", "solange", "sobald":
		return true
	}
	return false
}

func isContrast(w string) bool {
	switch w {
	case "but", "however", "although", "though", "whereas", "while", "except", "otherwise", "instead",
		"mais", "cependant", "toutefois", "neanmoins", "tandis", "sauf", "excepte", "hormis",
		"aber", "jedoch", "sondern", "allerdings", "ausser", "ausgenommen", "hingegen", "dennoch":
		return true
	}
	return false
}

func isSubject(w string) bool {
	switch w {
	case "we", "you", "they", "our", "it", "he", "she", "these", "this",
		"nous", "vous", "ils", "elles", "il", "elle", "on",
		"wir", "sie", "er", "es", "diese":
		return true
	}
	return false
}

// isModal is an English modal verb, which follows the subject that
// starts a sentence ("You may …").
func isModal(w string) bool {
	switch w {
	case "may", "can", "will", "must", "shall", "should", "might", "could":
		return true
	}
	return false
}

// isPurpose opens a French or German purpose clause ("pour ne plus
// recevoir", "um keine E-Mails mehr zu erhalten").
func isPurpose(w string) bool {
	return w == "pour" || w == "afin" || w == "um"
}

// isConjunction is "and" or "or", which start a new clause before a
// subject ("… and we share it").
func isConjunction(w string) bool {
	switch w {
	case "and", "or", "et", "ou", "und", "oder":
		return true
	}
	return false
}

func isNegator(w string) bool {
	switch w {
	case "not", "never", "no", "neither", "nor", "cannot", "nothing", "none", "nobody",
		"dont", "doesnt", "didnt", "wont", "isnt", "arent", "wasnt", "werent", "shant",
		"shouldnt", "wouldnt", "cant", "couldnt", "mustnt", "hasnt", "havent",
		// French: "ne" ("n'") counts only with its complement (negatorAt)
		"ne", "n", "pas", "jamais", "aucun", "aucune", "aucunement", "nullement", "rien", "ni":
		return true
	}
	return isTrailingNegator(w)
}

// isTrailingNegator reports a German negation, which follows the verb
// and its objects in a main clause ("Wir verkaufen Ihre Daten nicht").
func isTrailingNegator(w string) bool {
	switch w {
	case "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "keinerlei",
		"nie", "niemals", "keinesfalls", "weder":
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
	case "pas":
		// "pas uniquement", "pas limité à"
		return next == "uniquement" || next == "seulement" || next == "exclusivement" || strings.HasPrefix(next, "limit") || strings.HasPrefix(next, "exhausti")
	case "nicht":
		// "nicht nur", "nicht länger als", "nicht abschließend", "nicht beschränkt auf"
		switch next {
		case "nur", "ausschliesslich", "langer", "abschliessend", "beschrankt", "begrenzt":
			return true
		}
	}
	return false
}

// negated reports whether the words from start to end are negated
// within their clause: by a negator before them ("we do not sell"), or by
// one right after them in a passive or subject position ("biometric data
// is never collected", "Face ID data never leaves your device"), or by a
// German negation after the verb up to the next comma ("Wir verkaufen
// Ihre Daten nicht", "Wir geben sie nicht weiter"). Negations inside conditional clauses ("if you do not
// opt out") describe a condition, not what the company does, and are
// ignored.
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
	// From inside the statement on: a separable verb holds the negation
	// ("Wir geben Ihre Daten nicht an Dritte weiter").
	for k := start + 1; k < len(s.words) && s.clause[k] == c && !s.comma[k]; k++ {
		if isTrailingNegator(s.words[k]) && s.negatorAt(k) {
			return true
		}
	}
	return false
}

// postNegationWindow is how far after a statement's subject a negation
// still applies to it.
const postNegationWindow = 3

func (s sentence) negatorAt(k int) bool {
	w := s.words[k]
	if !isNegator(w) {
		return false
	}
	if w == "ne" || w == "n" {
		return s.frenchNegation(k)
	}
	next := ""
	if k+1 < len(s.words) {
		next = s.words[k+1]
	}
	return !negationException(w, next)
}

// frenchNegation reports whether "ne" at k has its complement later in
// the clause ("ne … pas", "n'… jamais"); without one it is the "ne … que"
// of "only" ("nous ne partageons vos données qu'avec…"), no negation.
// "pour ne pas …" states a purpose and negates nothing the company does.
func (s sentence) frenchNegation(k int) bool {
	if k > 0 && (s.words[k-1] == "pour" || k > 1 && s.words[k-2] == "afin" && s.words[k-1] == "de") {
		return false // "pour ne pas …": a purpose, not what is done
	}
	for j := k + 1; j < len(s.words) && j <= k+frenchNegationReach && s.clause[j] == s.clause[k]; j++ {
		switch s.words[j] {
		case "pas", "jamais", "plus", "aucun", "aucune", "rien", "personne", "nullement", "aucunement", "guere", "ni", "point":
			return s.words[j] != "pas" || !negationException("pas", s.wordAt(j+1))
		case "que", "qu":
			return false
		}
	}
	return false
}

// frenchNegationReach is how far after "ne" its complement may come
// ("nous ne les lui transmettons jamais").
const frenchNegationReach = 6

func (s sentence) wordAt(k int) string {
	if k < len(s.words) {
		return s.words[k]
	}
	return ""
}

// isElision reports a French word elided before an apostrophe: "l'",
// "d'", "n'", "qu'", "lorsqu'"…
func isElision(w string) bool {
	switch w {
	case "l", "d", "n", "s", "c", "j", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu":
		return true
	}
	return false
}

func isAuxiliary(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "will", "shall", "does", "do", "did", "would", "may", "can", "could", "should", "must":
		return true
	}
	return false
}
