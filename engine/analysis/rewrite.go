package analysis

import "github.com/clausewatch/clausewatch/engine/diff"

// minRewriteOverlap is the share of words (Dice coefficient of the two
// word sets) from which a removed and an added sentence of one section
// are read as one statement reworded. Rewordings of policy sentences keep
// their subject and object ("If you post …, we will display it …" and
// "When you make a post …, we may retain the post …" share about 0.4);
// unrelated sentences of one section share their common words only,
// mostly well under 0.3.
const minRewriteOverlap = 0.35

// rewrites holds the sentences a change removed and added, by section,
// to tell a statement that was reworded from one that is new or gone.
type rewrites struct {
	removed map[string]*sentences // by the new heading of the section
	added   map[string]*sentences // by the old heading of the section
	// The same sentences by the heading of their own version.
	removedHere, addedHere map[string]*sentences
	wordsOf                func(text string) []string
	keyOf                  func(text string) string
	// The comparison keys of every sentence of each version.
	oldKeys, newKeys map[string]bool
	*restatements
}

// sentences are the changed sentences of a section, with their keys and
// gists once a comparison asked for them (see saidIn).
type sentences struct {
	texts []string
	said  []said
}

// addTo appends texts to the list of heading in m.
func addTo(m map[string]*sentences, heading string, texts []string) {
	l, ok := m[heading]
	if !ok {
		l = &sentences{}
		m[heading] = l
	}
	l.texts = append(l.texts, texts...)
}

// textsOf returns the sentences of heading in m, if any.
func textsOf(m map[string]*sentences, heading string) []string {
	if l, ok := m[heading]; ok {
		return l.texts
	}
	return nil
}

// newRewrites reads the changed sentences of the sections; sentenceOf
// returns the words and comparison key of a sentence of either version,
// whose Markdown is oldMD and newMD.
func newRewrites(sections []diff.Section, sentenceOf func(string) classified, oldMD, newMD string, oldKeys, newKeys map[string]bool) rewrites {
	keyOf := func(text string) string { return sentenceOf(text).key }
	rw := rewrites{removed: map[string]*sentences{}, added: map[string]*sentences{}, removedHere: map[string]*sentences{}, addedHere: map[string]*sentences{},
		wordsOf: func(text string) []string { return sentenceOf(text).words }, keyOf: keyOf, oldKeys: oldKeys, newKeys: newKeys,
		restatements: newRestatements(keyOf, oldMD, newMD, sections)}
	for _, s := range sections {
		old := s.Heading
		if s.OldHeading != "" {
			old = s.OldHeading
		}
		addTo(rw.removed, s.Heading, s.Removed)
		addTo(rw.added, old, s.Added)
		addTo(rw.removedHere, old, s.Removed)
		addTo(rw.addedHere, s.Heading, s.Added)
	}
	return rw
}

// formerly returns the removed sentence of an added finding's section
// that the finding rewords, if any.
func (rw rewrites) formerly(f finding) (string, bool) {
	was, ok := rw.reworded(f.words, textsOf(rw.removed, f.section), rw.newKeys)
	return was, ok && rw.closest(was, f, textsOf(rw.addedHere, f.section))
}

// allFormerly returns the sentence the first added finding rewords when
// every one of them rewords a removed sentence of its section.
func (rw rewrites) allFormerly(added []finding) (string, bool) {
	first := ""
	for i, f := range added {
		was, ok := rw.formerly(f)
		if !ok {
			return "", false
		}
		if i == 0 {
			first = was
		}
	}
	return first, true
}

// now returns the added sentence of a removed finding's section that
// rewords it, if any.
func (rw rewrites) now(f finding) (string, bool) {
	now, ok := rw.reworded(f.words, textsOf(rw.added, f.section), rw.oldKeys)
	return now, ok && rw.closest(now, f, textsOf(rw.removedHere, f.section))
}

// closest reports whether no sentence of others (the finding's own
// version) is nearer to text than the finding's: a sentence is reworded
// into one sentence, the nearest. "You acknowledge that we will show you
// ads" reworded as "We show you ads that may be relevant to you" is not
// also the former wording of a new "You can subscribe to use the service
// without ads" beside it, which shares fewer of its words.
func (rw rewrites) closest(text string, f finding, others []string) bool {
	set := wordSet(rw.wordsOf(text))
	own := overlap(set, wordSet(f.words))
	for _, o := range others {
		if o != f.text && overlap(set, wordSet(rw.wordsOf(o))) > own {
			return false
		}
	}
	return true
}

// reworded returns the candidate that words rewords best, leaving out the
// candidates the other version still has (otherKeys): a sentence that
// stayed, only listed under another section because the sections were
// paired by a heading both versions use ("General"), is not what a new
// sentence replaced.
func (rw rewrites) reworded(words []string, candidates []string, otherKeys map[string]bool) (string, bool) {
	set := wordSet(words)
	best, bestScore := "", 0.0
	for _, c := range candidates {
		if otherKeys[rw.keyOf(c)] {
			continue
		}
		if s := overlap(set, wordSet(rw.wordsOf(c))); s > bestScore {
			best, bestScore = c, s
		}
	}
	return best, bestScore >= minRewriteOverlap
}

// before returns the sentences removed from an added finding's section.
func (rw rewrites) before(f finding) []said { return rw.saidIn(rw.removed[f.section]) }

// after returns the sentences added to a removed finding's section.
func (rw rewrites) after(f finding) []said { return rw.saidIn(rw.added[f.section]) }

// addedBeside returns the sentences added to an added finding's section.
func (rw rewrites) addedBeside(f finding) []said { return rw.saidIn(rw.addedHere[f.section]) }

// removedBeside returns the sentences removed from a removed finding's
// section.
func (rw rewrites) removedBeside(f finding) []said { return rw.saidIn(rw.removedHere[f.section]) }
