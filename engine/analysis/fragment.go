package analysis

import (
	"fmt"
	"unicode"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// A version that is a fragment of the other.
//
// Pages are sometimes captured wrongly: cut off after a few paragraphs,
// left with only their title, or replaced by a one-line error ("this page
// does not exist"). Compared with a whole version, such a capture reads
// as every provision removed, and the next whole capture as every
// provision added again. A version is taken for such a capture when it
// holds under maxFragmentShare of the other's words and says next to
// nothing the other does not (at most maxFragmentOwnWords words of its
// own, room for an error line), and the other is a document of some
// length: a real shortening leaves more of the text, and a page replaced
// by a short notice pointing elsewhere says something new. Its provisions
// are not compared; the summary says which version looks incomplete.

const (
	maxFragmentShare    = 0.15
	maxFragmentOwnWords = 12
	minFragmentedWords  = 200
)

// Incomplete values: which version of a pair looks like a capture that
// lost most of the document.
const (
	IncompleteOld = "old"
	IncompleteNew = "new"
)

// fragment returns which version of a change (the versions' Markdown and
// their comparison's counts) is a fragment of the other, if one is.
func fragment(oldMD, newMD string, st diff.Stats) (string, bool) {
	// The versions' words are counted only when the comparison's counts
	// leave room for a fragment: most pairs are told by those alone.
	smaller := func(part, whole string) bool {
		return float64(wordCount(part)) < maxFragmentShare*float64(wordCount(whole))
	}
	switch {
	case st.AddedWords <= maxFragmentOwnWords && st.RemovedWords >= minFragmentedWords && smaller(newMD, oldMD):
		return IncompleteNew, true
	case st.RemovedWords <= maxFragmentOwnWords && st.AddedWords >= minFragmentedWords && smaller(oldMD, newMD):
		return IncompleteOld, true
	}
	return "", false
}

// wordCount is len(strings.Fields(s)) without building the words.
func wordCount(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}

// fragmentSummary says which version looks incomplete and why.
func fragmentSummary(which string, st diff.Stats) string {
	if which == IncompleteNew {
		return fmt.Sprintf("The new version lost %d words and adds %d: it looks like a page cut off or an error page rather than a new text; provisions not compared.", st.RemovedWords, st.AddedWords)
	}
	return fmt.Sprintf("The new version restores %d words the previous one lacked (it looked like a page cut off or an error page); provisions not compared.", st.AddedWords)
}
