package diff

import (
	"cmp"
	"slices"
	"strings"
)

type pair struct{ old, new int }

// similarEnough is the least word overlap (Dice coefficient) for two
// sections with different headings to count as the same section.
const similarEnough = 0.5

// maxSimilarPairs bounds the pairwise similarity search, which is
// quadratic in the number of unmatched sections.
const maxSimilarPairs = 10_000

// match pairs the sections of two versions: first by exact heading, then
// by heading without numbering, then by identical body (a renamed
// section), then by similar body. Among equal keys, occurrences pair in
// order, unless the two texts are unlike and one of them is found word
// for word in another section of the other version (see bodyElsewhere).
// The result is sorted by new position.
func match(oldParts, newParts []*part) []pair {
	var pairs []pair
	elsewhere := bodyElsewhere(oldParts, newParts)
	// byKey pairs unmatched sections with equal keys, unless refuse
	// (when set) turns the pair down.
	byKey := func(key func(*part) string, refuse func(o, n *part) bool) {
		queue := map[string][]int{}
		for i, o := range oldParts {
			if o.matched {
				continue
			}
			if k := key(o); k != "" {
				queue[k] = append(queue[k], i)
			}
		}
		for j, n := range newParts {
			if n.matched {
				continue
			}
			k := key(n)
			if k == "" || len(queue[k]) == 0 {
				continue
			}
			i := queue[k][0]
			if refuse != nil && refuse(oldParts[i], n) {
				continue
			}
			queue[k] = queue[k][1:]
			oldParts[i].matched, n.matched = true, true
			pairs = append(pairs, pair{i, j})
		}
	}
	byKey(func(p *part) string {
		if p.Heading == "" && p.Level == 0 {
			return "\x00preamble"
		}
		return p.exact
	}, elsewhere)
	byKey(func(p *part) string { return p.key }, elsewhere)
	byKey(func(p *part) string { return p.sig() }, nil)
	matchSimilar(oldParts, newParts, &pairs)

	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(a.new, b.new) })
	return pairs
}

// bodyElsewhere returns the test that turns down a pair of sections with
// one heading (numbering aside) whose texts are unlike when one of them is
// found word for word in another section of the other version, not yet
// paired: a subheading "General" added above the fee clauses is not the
// old general terms, which the new version keeps under "General" further
// down or under "Miscellaneous". Those sections are paired by heading or
// by text after.
func bodyElsewhere(oldParts, newParts []*part) func(o, n *part) bool {
	var oldBodies, newBodies map[string][]*part
	bodies := func(parts []*part) map[string][]*part {
		m := map[string][]*part{}
		for _, p := range parts {
			if strings.TrimSpace(p.Body) != "" {
				m[p.Body] = append(m[p.Body], p)
			}
		}
		return m
	}
	elsewhere := func(twins []*part, self *part) bool {
		return slices.ContainsFunc(twins, func(t *part) bool { return t != self && !t.matched })
	}
	return func(o, n *part) bool {
		if o.Body == n.Body {
			return false
		}
		if oldBodies == nil {
			oldBodies, newBodies = bodies(oldParts), bodies(newParts)
		}
		if !elsewhere(newBodies[o.Body], n) && !elsewhere(oldBodies[n.Body], o) {
			return false
		}
		return dice(wordSetOf(o), wordSetOf(n)) < similarEnough
	}
}

// wordSetOf returns the lower-cased words of a section's body.
func wordSetOf(p *part) map[string]bool {
	s := make(map[string]bool, len(p.words()))
	for _, w := range p.words() {
		s[strings.ToLower(w)] = true
	}
	return s
}

// matchSimilar pairs remaining sections whose bodies share most words,
// best pairs first; ties go to earlier sections, so the result is stable.
func matchSimilar(oldParts, newParts []*part, pairs *[]pair) {
	type cand struct {
		score float64
		p     pair
	}
	var left, right int
	for _, o := range oldParts {
		if !o.matched {
			left++
		}
	}
	for _, n := range newParts {
		if !n.matched {
			right++
		}
	}
	if left*right > maxSimilarPairs {
		return // a rewrite this large reads better as sections added and removed
	}
	var cands []cand
	sets := map[*part]map[string]bool{}
	set := func(p *part) map[string]bool {
		if s, ok := sets[p]; ok {
			return s
		}
		s := wordSetOf(p)
		sets[p] = s
		return s
	}
	for i, o := range oldParts {
		if o.matched || len(o.words()) == 0 {
			continue
		}
		for j, n := range newParts {
			if n.matched || len(n.words()) == 0 {
				continue
			}
			if score := dice(set(o), set(n)); score >= similarEnough {
				cands = append(cands, cand{score, pair{i, j}})
			}
		}
	}
	// Insertion order is (i, j) ascending; a stable sort by score keeps it for ties.
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(b.score, a.score) })
	for _, c := range cands {
		o, n := oldParts[c.p.old], newParts[c.p.new]
		if o.matched || n.matched {
			continue
		}
		o.matched, n.matched = true, true
		*pairs = append(*pairs, c.p)
	}
}

func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// longestIncreasing marks the pairs (sorted by new position) that lie on a
// longest run increasing in old position: those kept their relative order.
// The others were moved.
func longestIncreasing(pairs []pair) []bool {
	n := len(pairs)
	keep := make([]bool, n)
	if n == 0 {
		return keep
	}
	// Patience sorting with predecessor links, O(n log n).
	tails := []int{}
	prev := make([]int, n)
	for i, p := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if pairs[tails[mid]].old < p.old {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo > 0 {
			prev[i] = tails[lo-1]
		} else {
			prev[i] = -1
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}
