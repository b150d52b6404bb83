package analysis

// phraseIndex files the phrases of the rule table by their first word, so
// that a word tries only the phrases that can start there: a whole word
// is looked up as it is, a stem that starts words ("train*") by the word's
// first letters, a stem that ends words ("*erkennung") by its last
// letters. Only a stem that may sit anywhere in a word ("*modell*") is
// tried at every word. Filing whole words apart from stems keeps the
// stems' buckets small: with French and German rules, the first three
// letters alone ("con", "pro", "tra") are shared by dozens of phrases.
type phraseIndex struct {
	byWord, byStem, byLast map[string][]entry
	anywhere               []entry
}

func newPhraseIndex() phraseIndex {
	return phraseIndex{byWord: map[string][]entry{}, byStem: map[string][]entry{}, byLast: map[string][]entry{}}
}

func (x *phraseIndex) add(e entry) {
	for _, a := range e.p[0].alts {
		if a.prefix && a.suffix {
			x.anywhere = append(x.anywhere, e)
			return
		}
	}
	for _, a := range e.p[0].alts {
		switch {
		case a.suffix:
			x.byLast[lastKey(a.word)] = append(x.byLast[lastKey(a.word)], e)
		case a.prefix:
			x.byStem[a.word[:minPrefix]] = append(x.byStem[a.word[:minPrefix]], e)
		default:
			x.byWord[a.word] = append(x.byWord[a.word], e)
		}
	}
}

// candidates returns the entries that may match at word w. An entry may
// come twice ("sell*|selling" at "selling"), which changes nothing: a
// second match of the same phrase at the same word states nothing new.
func (x *phraseIndex) candidates(w string) [4][]entry {
	var stem, last []entry
	if len(w) >= minPrefix {
		stem, last = x.byStem[w[:minPrefix]], x.byLast[lastKey(w)]
	}
	return [4][]entry{x.byWord[w], stem, last, x.anywhere}
}

// lastKey is the index key of a word's end: its last minPrefix bytes. A
// stem matched at the end of words is at least that long.
func lastKey(word string) string {
	return word[len(word)-minPrefix:]
}

// wordStarts caches, by word, the entries whose first word matches it:
// the words of a document repeat, and each is looked up and checked
// against its candidates once. A nil wordStarts caches nothing.
type wordStarts map[string][]entry

// startingAt returns the entries whose first word matches w.
func (ws wordStarts) startingAt(x *phraseIndex, w string) []entry {
	if es, ok := ws[w]; ok {
		return es
	}
	var es []entry
	for _, bucket := range x.candidates(w) {
		for _, e := range bucket {
			if e.p[0].matches(w) {
				es = append(es, e)
			}
		}
	}
	if ws != nil {
		ws[w] = es
	}
	return es
}
