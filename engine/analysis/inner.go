package analysis

// innerIndex holds the phrases whose first word is matched inside words
// ("*erkennung"), so that a word tries only those that can start there:
// a stem that ends the word needs the word's last letters, a stem that
// starts it or a whole word its first letters. Only a stem that may sit
// anywhere in the word ("*modell*") is tried at every word.
type innerIndex struct {
	byFirst, byLast map[string][]entry
	anywhere        []entry
}

func newInnerIndex() innerIndex {
	return innerIndex{byFirst: map[string][]entry{}, byLast: map[string][]entry{}}
}

func (x *innerIndex) add(e entry) {
	for _, a := range e.p[0].alts {
		if a.prefix && a.suffix {
			x.anywhere = append(x.anywhere, e)
			return
		}
	}
	for _, a := range e.p[0].alts {
		if a.suffix {
			x.byLast[lastKey(a.word)] = append(x.byLast[lastKey(a.word)], e)
		} else {
			x.byFirst[indexKey(a.word)] = append(x.byFirst[indexKey(a.word)], e)
		}
	}
}

// candidates returns the entries that may match at word w. An entry may
// appear twice, as in the main index, which changes nothing: a second
// match of the same phrase at the same word states nothing new.
func (x *innerIndex) candidates(w string) (first, last, anywhere []entry) {
	if len(w) >= minPrefix {
		last = x.byLast[lastKey(w)]
	}
	return x.byFirst[indexKey(w)], last, x.anywhere
}

// lastKey is the index key of a word's end: its last minPrefix bytes. A
// stem matched at the end of words is at least that long.
func lastKey(word string) string {
	return word[len(word)-minPrefix:]
}
