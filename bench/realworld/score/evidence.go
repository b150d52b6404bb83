package main

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// versions holds the sentences of a pair's two versions, each in its
// significant form (noise set aside), to tell whether a quoted sentence
// changed.
type versions struct {
	old, new map[string]bool
}

func newVersions(oldText, newText string) versions {
	return versions{old: sentenceSet(oldText), new: sentenceSet(newText)}
}

// sentenceSet returns the significant forms of a version's headings and
// sentences, split as the analysis splits them.
func sentenceSet(markdown string) map[string]bool {
	out := map[string]bool{}
	for _, p := range diff.Parse(markdown) {
		if h := significantSentence(p.Heading); h != "" {
			out[h] = true
		}
		for _, s := range diff.Sentences(p.Body) {
			if k := significantSentence(s); k != "" {
				out[k] = true
			}
		}
	}
	return out
}

func significantSentence(s string) string {
	return strings.TrimSpace(diff.Significant(s))
}

// bothHave reports whether both versions have sentence, noise aside: a
// sentence this change did not add, remove or modify. A sentence that is
// all noise says nothing either way and is not counted as unchanged.
func (v versions) bothHave(sentence string) bool {
	s := significantSentence(sentence)
	return s != "" && v.old[s] && v.new[s]
}
