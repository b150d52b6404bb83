// Package diff compares two versions of a policy document written as
// Markdown: section by section (headings give sections, moved sections are
// recognized), word by word inside a section, and sentence by sentence for
// what a reader needs to see. Page noise never counts as a change.
package diff

import (
	"cmp"
	"slices"
	"strings"
)

// Section kinds.
const (
	KindAdded    = "added"
	KindRemoved  = "removed"
	KindModified = "modified"
	KindMoved    = "moved"
)

// Stats counts what changed between two versions.
type Stats struct {
	AddedWords      int `json:"added_words"`
	RemovedWords    int `json:"removed_words"`
	SectionsChanged int `json:"sections_changed"`
}

// Op is one run of a word-level diff. Kind is "equal", "insert" or
// "delete"; Text is the run's words separated by single spaces, so the
// runs of a section joined with spaces give back its text.
type Op struct {
	Kind string
	Text string
}

// Section is one changed section. Added and Removed hold whole sentences;
// a reworded sentence appears in both. Ops is the word-level diff of the
// section text (for rendering); for added and removed sections it is one
// insert or delete run.
type Section struct {
	Heading    string   `json:"heading"`
	Kind       string   `json:"kind"`
	Added      []string `json:"added"`
	Removed    []string `json:"removed"`
	Ops        []Op     `json:"-"`
	OldHeading string   `json:"-"` // set when a matched section was renamed
}

// Result is the comparison of two versions. Changed is false when they
// differ only in noise; Sections is then empty. Materiality is Substantive
// or Editorial when Changed; Editorial then lists the kinds of edit
// (ReasonSpelling, …).
type Result struct {
	Changed     bool
	Sections    []Section
	Stats       Stats
	Materiality string
	Editorial   []string
}

// Compare diffs two Markdown versions of a document.
func Compare(oldMarkdown, newMarkdown string) Result {
	return NewSplitter().Compare(oldMarkdown, newMarkdown)
}

// Compare diffs two Markdown versions of a document like Compare, with s
// parsing the versions and splitting their sentences; a caller that reads
// the versions' sentences next finds them split already.
func (s *Splitter) Compare(oldMarkdown, newMarkdown string) Result {
	res := Result{Sections: []Section{}}
	x := newIndexer()
	oldParts := x.index(s.Parse(oldMarkdown))
	newParts := x.index(s.Parse(newMarkdown))
	if sameSignificant(oldParts, newParts) {
		return res
	}
	res.Changed = true
	pairs := match(oldParts, newParts)

	type placed struct {
		pos   int // new position, doubled; removed sections sit between
		order int
		sec   Section
	}
	var out []placed
	inOrder := longestIncreasing(pairs)
	matchedOld := make(map[int]int, len(pairs)) // old index -> new index
	for i, p := range pairs {
		matchedOld[p.old] = p.new
		o, n := oldParts[p.old], newParts[p.new]
		headingChanged := o.key != n.key
		if (o.Body == n.Body || o.sig() == n.sig()) && !headingChanged {
			if !inOrder[i] {
				out = append(out, placed{pos: 2 * p.new, sec: Section{Heading: n.Heading, Kind: KindMoved, Added: []string{}, Removed: []string{}}})
			}
			continue
		}
		sec := modified(o, n, s)
		if headingChanged {
			sec.OldHeading = o.Heading
		}
		res.Stats.add(sec.Ops)
		out = append(out, placed{pos: 2 * p.new, sec: sec})
	}
	for j, n := range newParts {
		if !n.matched {
			sec := Section{Heading: n.Heading, Kind: KindAdded, Added: nonNil(s.Sentences(n.Body)), Removed: []string{}, Ops: wholeOp(OpInsert, n)}
			res.Stats.add(sec.Ops)
			out = append(out, placed{pos: 2 * j, sec: sec})
		}
	}
	lastNew := -1
	for i, o := range oldParts {
		if j, ok := matchedOld[i]; ok {
			lastNew = j
			continue
		}
		sec := Section{Heading: o.Heading, Kind: KindRemoved, Added: []string{}, Removed: nonNil(s.Sentences(o.Body)), Ops: wholeOp(OpDelete, o)}
		res.Stats.add(sec.Ops)
		out = append(out, placed{pos: 2*lastNew + 1, order: i, sec: sec})
	}
	slices.SortStableFunc(out, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.order, b.order))
	})
	for _, p := range out {
		res.Sections = append(res.Sections, p.sec)
	}
	res.Stats.SectionsChanged = len(res.Sections)
	res.Materiality, res.Editorial = classify(oldMarkdown, newMarkdown, oldParts, newParts, res.Sections)
	return res
}

func (s *Stats) add(ops []Op) {
	for _, op := range ops {
		n := fieldCount(op.Text)
		switch op.Kind {
		case OpInsert:
			s.AddedWords += n
		case OpDelete:
			s.RemovedWords += n
		}
	}
}

// modified builds the section entry for a matched pair whose text differs.
func modified(o, n *part, s *Splitter) Section {
	oldSents, newSents := s.Sentences(o.Body), s.Sentences(n.Body)
	// Most sentences are in both versions: each text's significant form
	// is computed once.
	sigs := make(map[string]string, len(oldSents))
	oldKeys, newKeys := sentenceKeys(oldSents, sigs), sentenceKeys(newSents, sigs)
	return Section{
		Heading: n.Heading,
		Kind:    KindModified,
		Added:   missingFrom(newSents, newKeys, oldKeys),
		Removed: missingFrom(oldSents, oldKeys, newKeys),
		Ops:     sectionOps(o, n),
	}
}

// sentenceKeys returns the significant form of each sentence, reading
// and filling the cache sigs.
func sentenceKeys(sents []string, sigs map[string]string) []string {
	keys := make([]string, len(sents))
	for i, s := range sents {
		k, ok := sigs[s]
		if !ok {
			k = significantText(s)
			sigs[s] = k
		}
		keys[i] = k
	}
	return keys
}

// missingFrom returns the sentences a whose significant forms (aKeys) are
// missing from bKeys, counting repeats.
func missingFrom(a, aKeys, bKeys []string) []string {
	have := make(map[string]int, len(bKeys))
	for _, k := range bKeys {
		have[k]++
	}
	out := []string{}
	for i, s := range a {
		if k := aKeys[i]; have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// fieldCount is len(strings.Fields(s)) without building the fields.
func fieldCount(s string) int {
	n := 0
	for i := 0; ; n++ {
		start, end := nextField(s, i)
		if start == end {
			return n
		}
		i = end
	}
}

func wholeOp(kind string, p *part) []Op {
	if len(p.words()) == 0 {
		return nil
	}
	return []Op{{Kind: kind, Text: strings.Join(p.words(), " ")}}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
