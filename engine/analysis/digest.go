package analysis

import (
	"strings"

	"github.com/clausewatch/clausewatch/engine/diff"
)

// A page's digest of itself.
//
// Developer and policy pages now open with a short list that sums the
// page up, under a heading such as "Key takeaways" or "Page summary", or
// sum up each policy in a paragraph and a table of dos and don'ts under
// bold titles ("Policy Summary", "Key Considerations"), marked as
// overviews the full text overrides. They restate, in a line each, what
// the page says at length ("developers must obtain user consent",
// "child-directed apps must comply with COPPA"): adding, rewording or
// dropping a digest changes no provision, and a provision that does
// change is changed in the text it sums up. So a digest's sentences are
// never the evidence of a change (see difference), though they still say
// what they say: a sentence moved from the full text into a digest is
// not gone. The text after a digest (the page's introduction, often
// under the same heading) is read as any other.

// isDigestHeading reports whether a heading titles a digest: its words,
// lower case without punctuation, are one of the titles such blocks take.
func isDigestHeading(words []string) bool {
	switch strings.Join(words, " ") {
	case "key takeaways", "ai generated key takeaways", "key points", "key considerations",
		"page summary", "policy summary", "summary of this page",
		"at a glance", "tl dr", "tldr":
		return true
	}
	return false
}

// digestSentences returns the sentences of a section's digests: the first
// list or table of a section whose heading titles a digest, and the block (a list,
// a paragraph or a table) after each line of the body that is only a
// digest's title in bold or italics, often behind an icon
// ("![](icon.png) **Policy Summary**", then a paragraph; "**Key
// Considerations**", then a table of dos and don'ts). Nil when there is
// none.
func digestSentences(heading, body string) map[string]bool {
	var out map[string]bool
	add := func(block []string) {
		if out == nil {
			out = map[string]bool{}
		}
		for _, s := range diff.Sentences(strings.Join(block, "\n")) {
			out[s] = true
		}
	}
	byHeading := heading != "" && isDigestHeading(tokenize(heading).words)
	titled := false
	for line := range strings.SplitSeq(body, "\n") {
		if isDigestTitle(line) {
			titled = true
			break
		}
	}
	if !byHeading && !titled {
		return nil
	}
	lines := strings.Split(body, "\n")
	if byHeading {
		// The digest is the section's first list or table: lines before
		// it (an icon's name) are not part of it. A section that has
		// neither (a bold title read as a heading) sums up in its first
		// paragraph.
		first, found := -1, false
		for i, line := range lines {
			t := strings.TrimSpace(line)
			if diff.IsListItem(t) || strings.HasPrefix(t, "|") {
				add(blockAt(lines, i))
				found = true
				break
			}
			if first < 0 && t != "" {
				first = i
			}
		}
		if !found && first >= 0 {
			add(blockAt(lines, first))
		}
	}
	for i, line := range lines {
		if !isDigestTitle(line) {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) != "" {
				add(blockAt(lines, j))
				break
			}
		}
	}
	return out
}

// blockAt returns the block that starts at line i: a list, to the first
// paragraph after it (blank lines and the items' indented continuation
// lines do not end it), or else the paragraph or table, to the first
// blank line.
func blockAt(lines []string, i int) []string {
	list := diff.IsListItem(strings.TrimSpace(lines[i]))
	end := i
	for ; end < len(lines); end++ {
		line := lines[end]
		t := strings.TrimSpace(line)
		if list {
			if t != "" && !diff.IsListItem(t) && line == t {
				break
			}
		} else if t == "" {
			break
		}
	}
	return lines[i:end]
}

// isDigestTitle reports whether a line is only a digest's title set in
// bold or italics, after any images.
func isDigestTitle(line string) bool {
	t := strings.TrimSpace(line)
	for strings.HasPrefix(t, "![") {
		_, rest, ok := strings.Cut(t, "](")
		if !ok {
			return false
		}
		if _, rest, ok = strings.Cut(rest, ")"); !ok {
			return false
		}
		t = strings.TrimSpace(rest)
	}
	// Most lines are sentences: only a short emphasized line is a title.
	if len(t) > 60 || t == "" || (t[0] != '*' && t[0] != '_') {
		return false
	}
	return isDigestHeading(tokenize(strings.NewReplacer("*", " ", "_", " ").Replace(t)).words)
}
