package diff

import "strings"

// part is a parsed section with the keys used to match it across versions.
// What its body gives (significant form, words, lines) is prepared on
// first use: most sections of a large document are the same in both
// versions, and comparing them needs only their text.
type part struct {
	Part
	key     string // heading without numbering, for renumbered sections
	exact   string // significant heading without numbering, case kept
	x       *indexer
	body    *bodyKeys
	matched bool
}

// sig is the significant form of the body.
func (p *part) sig() string {
	b := p.prepared()
	if !b.sigDone {
		b.sig, b.sigDone = b.lines.significant(p.x.forms), true
	}
	return b.sig
}

// words are the display words of the body, shared by the parts with the
// same body: never modified.
func (p *part) words() []string {
	b := p.prepared()
	if !b.wordsDone {
		b.words, b.wordsDone = b.lines.words(), true
	}
	return b.words
}

// norm is the body's words as the materiality checks compare them:
// normalized, without list numbering, each followed by a space. Both
// versions share it where their bodies are the same.
func (p *part) norm() string {
	b := p.prepared()
	if !b.normDone {
		var s strings.Builder
		s.Grow(len(p.Body) + 1) // the words without their markup, and a space each
		for _, t := range dropNumbering(tokens(p.words()), nil) {
			s.WriteString(t.norm)
			s.WriteByte(' ')
		}
		b.norm, b.normDone = s.String(), true
	}
	return b.norm
}

// lines are the lines of the body.
func (p *part) lines() lines {
	return p.prepared().lines
}

func (p *part) prepared() *bodyKeys {
	if p.body == nil {
		p.body = p.x.body(p.Body)
	}
	return p.body
}

// indexer prepares the parts of the two versions of a document: a heading
// or a body that both versions have is prepared once.
type indexer struct {
	headings map[string]headingKeys
	bodies   map[string]*bodyKeys
	forms    map[string]string // the significant form of the bodies' lines (see significant)
}

type headingKeys struct{ key, exact string }

type bodyKeys struct {
	lines     lines
	sig       string
	sigDone   bool
	words     []string
	wordsDone bool
	norm      string
	normDone  bool
}

func newIndexer() *indexer {
	return &indexer{headings: map[string]headingKeys{}, bodies: map[string]*bodyKeys{}, forms: map[string]string{}}
}

// index prepares parts for matching and diffing.
func (x *indexer) index(parts []Part) []*part {
	out := make([]*part, len(parts))
	for i, p := range parts {
		h, ok := x.headings[p.Heading]
		if !ok {
			h = headingKeys{key: headingKey(p.Heading), exact: headingSig(p.Heading)}
			x.headings[p.Heading] = h
		}
		out[i] = &part{Part: p, key: h.key, exact: h.exact, x: x}
	}
	return out
}

func (x *indexer) body(text string) *bodyKeys {
	b, ok := x.bodies[text]
	if !ok {
		b = &bodyKeys{lines: splitLines(text)}
		x.bodies[text] = b
	}
	return b
}

// sameSignificant reports whether joinParts(a) == joinParts(b). A body
// that both versions have gives both the same significant form, so when
// the forms of the other bodies already differ in length, the versions
// differ, and the shared bodies need not be prepared.
func sameSignificant(a, b []*part) bool {
	if len(a) == len(b) {
		same := true
		for i := range a {
			if a[i].exact != b[i].exact || a[i].Body != b[i].Body {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	// size is the difference of the lengths of the joined forms, each
	// piece counted with the space before it.
	size := 0
	piece := func(s string) int {
		if s == "" {
			return 0
		}
		return len(s) + 1
	}
	rest := make(map[string]int, len(a))
	for _, p := range a {
		rest[p.Body]++
		size += piece(p.exact)
	}
	var onlyB []*part
	for _, p := range b {
		size -= piece(p.exact)
		if rest[p.Body] > 0 {
			rest[p.Body]--
		} else {
			onlyB = append(onlyB, p)
		}
	}
	for _, p := range a {
		if rest[p.Body] > 0 {
			rest[p.Body]--
			size += piece(p.sig())
		}
	}
	for _, p := range onlyB {
		size -= piece(p.sig())
	}
	return size == 0 && joinParts(a) == joinParts(b)
}
