package analysis

// scratch is the working memory of classifySentence, kept from one
// sentence to the next: what each cue of each category matched, and the
// phrases that start at each word of the document.
type scratch struct {
	starts  wordStarts
	states  []catState
	touched []int    // categories whose state is not clear
	tokens  sentence // the slices of the last sentence tokenized, reused
}

// catState collects what a sentence matched of one category.
type catState struct {
	matched  bool // a cue's phrase matched
	excluded bool
	cues     []cueState
}

// cueState collects, for one sentence, what each cue has matched.
type cueState struct {
	actions [][2]int // start and end of action matches
	groups  uint64
}

// reset clears what the last sentence matched and returns the states of
// c's categories.
func (sc *scratch) reset(c *classifier) []catState {
	if sc.states == nil {
		sc.states = make([]catState, len(c.cats))
		for ci := range sc.states {
			sc.states[ci].cues = make([]cueState, len(c.cats[ci].Cues))
		}
	}
	for _, ci := range sc.touched {
		st := &sc.states[ci]
		st.matched, st.excluded = false, false
		for qi := range st.cues {
			st.cues[qi] = cueState{actions: st.cues[qi].actions[:0]}
		}
	}
	sc.touched = sc.touched[:0]
	return sc.states
}
