package diff

import "strings"

// Splitter parses documents into parts and parts into sentences as Parse
// and Sentences do, remembering what it split: the versions of a document
// share most of their text, which is then split once, by the comparison
// and by whatever reads the versions' sentences after it. Slices it
// returns may be shared: callers must not modify them.
type Splitter struct {
	docs       map[string][]Part
	paragraphs map[string]splitParagraph
	rows       map[string][]string // the sentences of table rows (see appendRow)
}

// splitParagraph is a paragraph's sentences and, for each, whether it
// starts a block (see sentences).
type splitParagraph struct {
	sentences []string
	starts    []bool
}

// NewSplitter returns a Splitter that remembers nothing yet.
func NewSplitter() *Splitter {
	return &Splitter{docs: map[string][]Part{}, paragraphs: map[string]splitParagraph{}, rows: map[string][]string{}}
}

// Parse returns Parse(markdown).
func (s *Splitter) Parse(markdown string) []Part {
	parts, ok := s.docs[markdown]
	if !ok {
		parts = Parse(markdown)
		s.docs[markdown] = parts
	}
	return parts
}

// Sentences returns Sentences(markdown), splitting it paragraph by
// paragraph: a blank line always ends a sentence there, so the result is
// the same and each paragraph is split once. The result is a new slice.
func (s *Splitter) Sentences(markdown string) []string {
	out, _ := s.split(markdown, false)
	return out
}

// SentenceStarts returns Sentences(markdown) and, for each sentence,
// whether it is the first of a paragraph, a list item, a heading or a
// table row: a sentence after one ending in ";" continues it only when
// it does not start a block.
func (s *Splitter) SentenceStarts(markdown string) ([]string, []bool) {
	return s.split(markdown, true)
}

func (s *Splitter) split(markdown string, withStarts bool) ([]string, []bool) {
	var out []string
	var starts []bool
	for len(markdown) > 0 {
		para, rest := nextParagraph(markdown)
		p, ok := s.paragraphs[para]
		if !ok {
			p.sentences = sentences(para, &p.starts, s.rows)
			s.paragraphs[para] = p
		}
		out = append(out, p.sentences...)
		if withStarts {
			starts = append(starts, p.starts...)
		}
		markdown = rest
	}
	return out, starts
}

// nextParagraph splits s after its first blank line (a line of only
// white space).
func nextParagraph(s string) (para, rest string) {
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		lineEnd := i + j + 1
		if i > 0 && strings.TrimSpace(s[i:lineEnd]) == "" {
			return s[:lineEnd], s[lineEnd:]
		}
		i = lineEnd
	}
	return s, ""
}
