package analysis

// choiceOnly reports whether every statement names the practice of
// category ci only as what users may refuse: each of its ways of doing
// it that the statement names comes after a phrase of choice ("opt out
// of", "object to") in the same clause ("Opt out of targeted advertising
// and profiling;", "you can opt out of the sale of your data"). Such a
// statement gives a choice; it does not state the practice.
func (c *classifier) choiceOnly(ci int, fs []finding) bool {
	if len(fs) == 0 {
		return false
	}
	for _, f := range fs {
		if !c.choiceOf(ci, statementOf(f)) {
			return false
		}
	}
	return true
}

// choiceOf reports whether the practice of category ci is named in s, and
// only after a phrase of choice in the same clause.
func (c *classifier) choiceOf(ci int, s sentence) bool {
	if s.clause == nil {
		return false
	}
	choice := -1 // the end of the first phrase of choice
	named := false
	for i := range s.words {
		if choice < 0 {
			for _, p := range c.choices {
				if end := p.matchAt(s.words, i); end >= 0 {
					choice = end
					break
				}
			}
		}
		for _, p := range c.cats[ci].actions {
			if p.matchAt(s.words, i) < 0 {
				continue
			}
			if choice < 0 || i < choice || s.clause[i] != s.clause[choice-1] {
				return false
			}
			named = true
		}
	}
	return named
}
